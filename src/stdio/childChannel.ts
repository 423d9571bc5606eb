/**
 * Runs an adapter written in any language as a child process speaking the stdio protocol
 * (spec/adapter-protocol.md): one JSON request per line on its stdin, one JSON response per line on its
 * stdout, ids matching, any order. The command runs through the shell in its own process group, so killing
 * it (on a timeout or close) also stops whatever the shell started; a small lifeline program (lifelineSource.ts)
 * leads that group and kills it when the runner ends, however it ends (`kit.protocol.lifeline`). Lines on stdout that are not protocol
 * JSON are ignored but kept, and stderr is buffered: the last few of each are shown when the process ends
 * unexpectedly (`kit.protocol.crash`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Socket } from 'node:net';
import type { AdapterChannel, ChannelListener, Handshake, OpenChannel } from '../isolation/adapterChannel.js';
import { AdapterLoadError } from '../isolation/isolationErrors.js';
import { numericsProblems } from '../adapter/numericsProblems.js';
import { ADAPTER_METHODS } from '../operators/index.js';
import { readWireError } from '../isolation/wireError.js';
import { OutputTail } from '../isolation/outputTail.js';
import { LIFELINE_SOURCE } from './lifelineSource.js';
import { readWireJson, writeWireJson } from './wireJson.js';

const KEEP_LINES = 8;

function handshakeProblem(result: unknown): string | null {
  const h = result as Partial<Handshake> | null;
  if (typeof h !== 'object' || h === null) return 'the hello answer is not an object';
  if (typeof h.name !== 'string' || h.name === '') return 'the hello answer has no name';
  if (h.dtype !== 'float32' && h.dtype !== 'float64') return `the hello answer's dtype must be "float32" or "float64", got ${JSON.stringify(h.dtype)}`;
  if (!Array.isArray(h.ops) || h.ops.length === 0) return 'the hello answer lists no operators in "ops"';
  const numerics = numericsProblems(h.numerics, ADAPTER_METHODS);
  if (numerics.length > 0) return `the hello answer's ${numerics.join('; ')}`;
  return null;
}

/** Opens a channel to the adapter started by the shell command `command` (the part after `cmd:`). */
export function childChannel(command: string, cwd = process.cwd()): OpenChannel {
  return (listener: ChannelListener): AdapterChannel => {
    const child = spawn(process.execPath, ['-e', LIFELINE_SOURCE, command], { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
    const stderr = new OutputTail(KEEP_LINES);
    const stray = new OutputTail(KEEP_LINES);
    child.stderr.on('data', (chunk: Buffer) => stderr.write(chunk.toString()));
    let settleReady: { resolve: (h: Handshake) => void; reject: (e: Error) => void } | null = null;
    const ready = new Promise<Handshake>((resolve, reject) => { settleReady = { resolve, reject }; });
    let ended = false;
    child.stdin.on('error', () => undefined); // EPIPE after the child died: reported through 'exit'.

    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: { id?: unknown; result?: unknown; error?: unknown; unsupported?: unknown };
      try {
        message = readWireJson(line) as typeof message;
        if (typeof message !== 'object' || message === null || typeof message.id !== 'number') throw new SyntaxError('no id');
      } catch {
        stray.line(line);
        return;
      }
      if (message.id === 0 && settleReady !== null) {
        const problem = message.error !== undefined ? readWireError(message.error).message : handshakeProblem(message.result);
        if (problem !== null) settleReady.reject(new AdapterLoadError(`the hello handshake failed: ${problem}`));
        else settleReady.resolve(message.result as Handshake);
        settleReady = null;
      } else if (message.unsupported !== undefined) {
        // `{"id": n, "unsupported": "<reason>"}`: the adapter does not implement this call (`kit.protocol.unsupported`).
        const known = listener.reply(message.id, { error: { name: 'Unsupported', message: typeof message.unsupported === 'string' ? message.unsupported : 'unsupported' } });
        if (!known) stray.line(line);
      } else {
        const known = listener.reply(message.id, message.error !== undefined ? { error: readWireError(message.error) } : { result: message.result });
        if (!known) stray.line(line); // a wrong id, or an answer after its call timed out: kept for the messages
      }
    });

    const end = (how: string) => {
      if (ended) return;
      ended = true;
      const reason = `the adapter's process ${how}${stderr.describe('its last stderr lines')}${stray.describe('its last non-protocol stdout lines')}`;
      if (settleReady !== null) settleReady.reject(new AdapterLoadError(reason));
      settleReady = null;
      listener.ended(reason);
    };
    child.on('error', (e) => end(`could not start (${e.message})`));
    child.on('exit', (code, signal) => {
      // Whatever the adapter started and left behind in its group goes with it.
      if (child.pid !== undefined) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is gone */ }
      end(signal !== null ? `was killed by ${signal}` : `exited with code ${code}`);
    });

    const write = (id: number, op: string, args: readonly unknown[] = []) => child.stdin.write(`${writeWireJson({ id, op, args })}\n`);
    write(0, 'hello');
    const handles = [child.stdout, child.stderr, child.stdin, child.stdio[3]] as unknown as Socket[];
    return {
      ready,
      send: (id, op, args) => { write(id, op, args); },
      kill: () => new Promise<void>((resolve) => {
        ended = true;
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
        // An idle child is unref'd; re-attach it so Node waits for the exit this promise reports.
        child.ref();
        child.once('exit', () => resolve());
        try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      }),
      lastOutput: () => `${stderr.describe('its last stderr lines')}${stray.describe('its last non-protocol stdout lines')}`,
      setBusy: (busy) => {
        if (busy) { child.ref(); handles.forEach((h) => h.ref?.()); } else { child.unref(); handles.forEach((h) => h.unref?.()); }
      },
    };
  };
}
