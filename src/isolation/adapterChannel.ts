/**
 * The runner's side of one running adapter — a worker thread or a child process — as a message channel: send
 * `{id, op, args}`, hear back `{id, result}` or `{id, error}` in any order, learn when it ends. The isolated
 * adapter proxy (channelAdapter.ts) drives a channel; workerChannel.ts and ../stdio/childChannel.ts are the
 * two kinds (spec/adapter-protocol.md).
 */
import type { Adapter, OperatorName } from '../adapter/contract.js';
import type { WireError } from './wireError.js';

/** The adapter's answer to the hello request (`kit.protocol.handshake`). */
export interface Handshake {
  readonly name: string;
  readonly dtype: Adapter['dtype'];
  readonly supports?: NonNullable<Adapter['supports']>;
  readonly numerics?: NonNullable<Adapter['numerics']>;
  readonly ops: readonly OperatorName[];
}

export type Reply = { readonly result: unknown } | { readonly error: WireError };

export interface ChannelListener {
  /** An answer to request `id`; false when no such request is pending (a late answer, or a wrong id). */
  reply(id: number, reply: Reply): boolean;
  /** The worker or process ended unexpectedly; `reason` says how (exit code, signal, last output). */
  ended(reason: string): void;
}

export interface AdapterChannel {
  /** Resolves with the handshake; rejects with AdapterLoadError when the adapter cannot start. */
  readonly ready: Promise<Handshake>;
  send(id: number, op: OperatorName, args: readonly unknown[]): void;
  /** Stops the worker or process at once (also one stuck in a synchronous loop). */
  kill(): Promise<void>;
  /** While idle, the channel does not keep the runner's process alive. */
  setBusy(busy: boolean): void;
  /** The adapter's last output lines (stderr, stray stdout) for a message, or '' (`; its last … lines:\n …`). */
  lastOutput(): string;
}

export type OpenChannel = (listener: ChannelListener) => AdapterChannel;
