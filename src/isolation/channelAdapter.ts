/**
 * channelAdapter: the proxy over any adapter channel (isolateAdapter.ts picks the channel from an adapter spec
 * and calls this). A plain Adapter whose operators send each call to the real adapter running in a worker
 * thread or a child process, so a hang, a crash or `process.exit` costs one call, never the run.
 * Its name, dtype, supports and set of operators come from the handshake, so an operator the adapter lacks
 * stays absent (its checks are skipped). Each call has a time limit (`kit.protocol.timeout`); a call that
 * exceeds it rejects with AdapterTimeoutError, and a worker or process that ends rejects its pending calls
 * with AdapterCrashError (`kit.protocol.crash`). Either way the channel is killed and reopened lazily on the
 * next call. A thrown error comes back rebuilt (`kit.protocol.errors`); results pass through as they are.
 */
import { ADAPTER_METHODS } from '../operators/index.js';
import type { Adapter, OperatorName } from '../adapter/contract.js';
import type { AdapterChannel, Handshake, OpenChannel, Reply } from './adapterChannel.js';
import { AdapterCrashError, AdapterTimeoutError, HandshakeTimeoutError, OperatorCutOffError } from './isolationErrors.js';
import { fromWireError, type WireError } from './wireError.js';

/**
 * An error after which the adapter's runtime cannot be trusted: a WebAssembly trap (a RuntimeError such as
 * "memory access out of bounds"), an exhausted stack, an out-of-memory. A clean rejection (an invalid call, a
 * ConvkitError) is not one.
 */
export function isBrokenRuntime(error: WireError): boolean {
  if (error.clause !== undefined) return false;
  if (error.name === 'RuntimeError' && /memory access out of bounds|unreachable|call stack exhausted|divide by zero|integer overflow|null function|table index|out of memory|wasm/i.test(error.message)) return true;
  return /Maximum call stack size exceeded|out of memory|Array buffer allocation failed/i.test(error.message) && error.name !== 'ConvkitError';
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_START_TIMEOUT_MS = 30_000;

export interface IsolationConstraints {
  /** Per-call limit in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Limit for starting the adapter and answering the handshake (default 30 000). */
  readonly startTimeoutMs?: number;
}

interface PendingCall {
  readonly op: OperatorName;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

class IsolatedAdapterSession {
  private channel: AdapterChannel | null = null;
  private starting: Promise<AdapterChannel> | null = null;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private closed = false;
  /** Operators that timed out in this run: later calls fail at once (`kit.protocol.breaker`). */
  readonly cutOff = new Set<OperatorName>();
  /** Why the adapter was restarted other than after a timeout or a crash. */
  readonly restarts: string[] = [];
  /** The calls made since the channel last started, newest last, at most HISTORY_LENGTH (for confirmFailure). */
  readonly history: HistoryCall[] = [];

  constructor(
    private readonly open: OpenChannel,
    private readonly timeoutMs: number,
    private readonly startTimeoutMs: number,
  ) {}

  /** Opens the channel (if it is not open) and waits for its handshake. */
  async start(): Promise<Handshake> {
    const channel = this.open({
      reply: (id, reply) => this.channel === channel && this.settle(id, reply),
      ended: (reason) => { if (this.channel === channel) this.fail(reason); },
    });
    this.channel = channel;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandshakeTimeoutError(this.startTimeoutMs, channel.lastOutput())), this.startTimeoutMs);
    });
    try {
      const hello = await Promise.race([channel.ready, limit]);
      channel.setBusy(this.pending.size > 0);
      return hello;
    } catch (e) {
      if (this.channel === channel) this.channel = null;
      await channel.kill();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private live(): Promise<AdapterChannel> {
    if (this.channel !== null && this.starting === null) return Promise.resolve(this.channel);
    this.starting ??= this.start().then(
      () => { this.starting = null; return this.channel!; },
      (e: unknown) => { this.starting = null; throw e; },
    );
    return this.starting;
  }

  async call(op: OperatorName, args: unknown[]): Promise<unknown> {
    if (this.closed) throw new Error(`${op}: the isolated adapter was closed`);
    if (this.cutOff.has(op)) throw new OperatorCutOffError(op, this.timeoutMs);
    const channel = await this.live();
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    this.history.push({ op, args });
    if (this.history.length > HISTORY_LENGTH) this.history.shift();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.timedOut(id), this.timeoutMs);
      this.pending.set(id, { op, resolve, reject, timer });
      channel.setBusy(true);
      try {
        channel.send(id, op, args);
      } catch (e) {
        this.take(id);
        reject(e as Error);
      }
    });
  }

  private take(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    if (call === undefined) return undefined;
    clearTimeout(call.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.channel?.setBusy(false);
    return call;
  }

  private settle(id: number, reply: Reply): boolean {
    const call = this.take(id);
    if (call === undefined) return false;
    if ('error' in reply) {
      call.reject(fromWireError(reply.error));
      // A trap may leave the adapter's heap broken: later calls get a fresh worker or process (`kit.protocol.restart`).
      if (isBrokenRuntime(reply.error)) void this.restart(`${call.op} failed with ${reply.error.name}: ${reply.error.message}`);
    } else {
      call.resolve(reply.result);
    }
    return true;
  }

  /** Stops the channel now so the next call starts a fresh worker or process; false when a call is pending. */
  async restart(reason: string): Promise<boolean> {
    if (this.pending.size > 0 || this.channel === null) return this.pending.size === 0;
    this.restarts.push(reason);
    await this.stop(`restarted: ${reason}`);
    this.history.length = 0;
    return true;
  }

  private timedOut(id: number): void {
    const call = this.take(id);
    if (call === undefined) return;
    this.cutOff.add(call.op);
    call.reject(new AdapterTimeoutError(call.op, this.timeoutMs, this.channel?.lastOutput() ?? ''));
    this.stop(`the adapter was stopped because ${call.op} timed out after ${this.timeoutMs} ms`);
  }

  /** The channel ended by itself: every pending call fails with the reason. */
  private fail(reason: string): void {
    this.channel = null;
    for (const id of [...this.pending.keys()]) {
      const call = this.take(id)!;
      call.reject(new AdapterCrashError(call.op, reason));
    }
  }

  /** Kills the channel (stuck or being closed); pending calls fail with the reason. */
  private stop(reason: string): Promise<void> {
    const channel = this.channel;
    this.fail(reason);
    return channel === null ? Promise.resolve() : channel.kill();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting?.catch(() => undefined);
    await this.stop('the adapter was closed');
  }
}

const sessions = new WeakMap<Adapter, IsolatedAdapterSession>();

/** What the isolation did during a run, for the report: the operators the circuit breaker cut off, the restarts. */
export interface IsolationStatus {
  readonly cutOff: readonly OperatorName[];
  readonly restarts: readonly string[];
}

/** The status of an isolated adapter proxy, or undefined for an adapter that is not one. */
export function isolationStatus(adapter: Adapter): IsolationStatus | undefined {
  const session = sessions.get(adapter);
  return session === undefined ? undefined : { cutOff: [...session.cutOff], restarts: [...session.restarts] };
}

/**
 * Cuts an operator off in an isolated adapter as if it had timed out there (`kit.protocol.breaker`): when checks
 * run in several workers, each with its own adapter, one timeout cuts the operator off in all of them. Does
 * nothing for an adapter that is not isolated.
 */
export function cutOffOperator(adapter: Adapter, op: OperatorName): void {
  sessions.get(adapter)?.cutOff.add(op);
}

/** One call an isolated adapter was sent: its method and positional arguments, as sent. */
export interface HistoryCall {
  readonly op: OperatorName;
  readonly args: readonly unknown[];
}

/** How many recent calls an isolated adapter keeps, to find the one that left it broken. */
export const HISTORY_LENGTH = 64;

/** The calls an isolated adapter was sent since it last started (newest last); [] for one that is not isolated. */
export function recentCalls(adapter: Adapter): HistoryCall[] {
  return [...(sessions.get(adapter)?.history ?? [])];
}

/**
 * Restarts an isolated adapter before its next call (a fresh worker or process), e.g. to see whether a
 * counterexample reproduces without the state earlier calls left. Resolves false for an adapter that is not
 * isolated, or one with a call in flight.
 */
export async function restartIsolated(adapter: Adapter, reason: string): Promise<boolean> {
  const session = sessions.get(adapter);
  return session === undefined ? false : session.restart(reason);
}

/**
 * Starts the adapter behind `open`, waits for its handshake, and returns the proxy. Rejects with
 * AdapterLoadError when the adapter cannot start or breaks the contract.
 */
export async function channelAdapter(open: OpenChannel, constraints: IsolationConstraints = {}): Promise<Adapter> {
  const session = new IsolatedAdapterSession(open, constraints.timeoutMs ?? DEFAULT_TIMEOUT_MS, constraints.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  const hello = await session.start();
  const adapter: Adapter = {
    name: hello.name,
    dtype: hello.dtype,
    ...(hello.supports !== undefined ? { supports: hello.supports } : {}),
    close: () => session.close(),
  };
  sessions.set(adapter, session);
  const operators = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  // Only registered methods (src/operators/) become operators; a name the kit does not know is ignored.
  const known = new Set<string>(ADAPTER_METHODS);
  for (const op of hello.ops) if (known.has(op)) operators[op] = (...args: unknown[]) => session.call(op, args);
  return adapter;
}
