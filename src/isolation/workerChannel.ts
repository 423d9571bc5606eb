/**
 * Runs a JavaScript or TypeScript adapter module in a worker thread (the code in workerSource.ts) and speaks
 * to it by structured-clone messages (`kit.protocol.worker`). The contract is checked here, on the worker's
 * description of the export, with the same messages as an in-process load.
 */
import { Worker } from 'node:worker_threads';
import type { Adapter, OperatorName } from '../adapter/contract.js';
import { adapterProblems, notAnObjectProblem, OPERATOR_NAMES } from '../adapter/validateAdapter.js';
import type { AdapterChannel, ChannelListener, Handshake, OpenChannel, Reply } from './adapterChannel.js';
import { AdapterLoadError } from './isolationErrors.js';
import { readWireError } from './wireError.js';
import { OutputTail } from './outputTail.js';
import { OUTPUT_ID, WORKER_SOURCE, type AdapterDescription, type AdapterWorkerData } from './workerSource.js';

/**
 * The handshake for a described export, or the contract problems (the same messages as an in-process load):
 * the description stands in for the adapter, operators as placeholder functions.
 */
export function describedHandshake(d: AdapterDescription, exportName: string): Handshake {
  if (d.exportType === 'undefined') {
    throw new AdapterLoadError(exportName === 'default' ? 'the module has no default export (export default { name, dtype, conv2d, … })' : `the module has no export ${exportName}`);
  }
  const standIn: Record<string, unknown> = d.exportType === 'object' ? { name: d.name, dtype: d.dtype, supports: d.supports, numerics: d.numerics } : {};
  for (const [op, type] of Object.entries(d.fields)) standIn[op] = type === 'function' ? () => undefined : `a ${type}`;
  // The worker describes the export by its type's name; a non-object is named as such (a number is a number).
  const problems = d.exportType === 'object' ? adapterProblems(standIn) : [notAnObjectProblem(d.exportType)];
  if (problems.length > 0) throw new AdapterLoadError(`the ${exportName} export does not satisfy the adapter contract:\n  - ${problems.join('\n  - ')}`);
  const ops = OPERATOR_NAMES.filter((op: OperatorName) => d.fields[op] === 'function');
  const supports = d.supports as Adapter['supports'];
  const numerics = d.numerics as Adapter['numerics'];
  return { name: d.name as string, dtype: d.dtype as Adapter['dtype'], ...(supports !== undefined ? { supports } : {}), ...(numerics !== undefined ? { numerics } : {}), ops };
}

function startWorker(moduleUrl: string, exportName: string): Worker {
  const workerData: AdapterWorkerData = { moduleUrl, exportName, tsxApiUrl: import.meta.resolve('tsx/esm/api'), operatorNames: OPERATOR_NAMES };
  return new Worker(WORKER_SOURCE, { eval: true, workerData });
}

/** Opens a channel to the adapter exported as `exportName` by the module at `moduleUrl`. */
export function workerChannel(moduleUrl: string, exportName = 'default'): OpenChannel {
  return (listener: ChannelListener): AdapterChannel => {
    const worker = startWorker(moduleUrl, exportName);
    const output = new OutputTail();
    let settleReady: { resolve: (h: Handshake) => void; reject: (e: Error) => void } | null = null;
    const ready = new Promise<Handshake>((resolve, reject) => { settleReady = { resolve, reject }; });
    let lastError = '';
    let killed = false;

    worker.on('message', (message: { id: number; text?: string } & Reply) => {
      if (message.id === OUTPUT_ID) {
        output.write(message.text ?? '');
      } else if (message.id === 0 && settleReady !== null) {
        try {
          if ('error' in message) throw new AdapterLoadError(readWireError(message.error).message);
          settleReady.resolve(describedHandshake(message.result as AdapterDescription, exportName));
        } catch (e) {
          settleReady.reject(e as Error);
        }
        settleReady = null;
      } else {
        listener.reply(message.id, 'error' in message ? { error: readWireError(message.error) } : { result: message.result });
      }
    });
    worker.on('error', (e) => { lastError = `${e.name}: ${e.message}`; });
    worker.on('exit', (code) => {
      if (killed) return;
      const reason = `the adapter's worker exited with code ${code}${lastError !== '' ? ` after an uncaught ${lastError}` : ''}${output.describe('its last output lines')}`;
      if (settleReady !== null) settleReady.reject(new AdapterLoadError(reason));
      settleReady = null;
      listener.ended(reason);
    });

    return {
      ready,
      send: (id, op, args) => worker.postMessage({ id, op, args }),
      kill: async () => { killed = true; await worker.terminate(); },
      setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
      lastOutput: () => output.describe('its last output lines'),
    };
  };
}
