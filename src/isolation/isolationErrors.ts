/**
 * What can go wrong with an adapter that runs isolated from the runner (a worker thread or a child process),
 * as typed errors: each names the operator and what happened, so a check that meets one ends as 'error' with
 * a message a user can act on (spec/adapter-protocol.md, `kit.protocol.timeout`, `kit.protocol.crash`).
 */

/** The adapter did not answer within the per-call limit; its worker or process was killed and restarts on the next call. */
export class AdapterTimeoutError extends Error {
  override name = 'AdapterTimeoutError';
  constructor(readonly op: string, readonly timeoutMs: number) {
    super(`${op} did not answer within ${timeoutMs} ms (a promise that never settles, or a loop that never returns); the adapter was stopped and restarts on the next call §kit.protocol.timeout`);
  }
}

/** The adapter's worker or process ended (process.exit, a crash, a signal) while a call was pending. */
export class AdapterCrashError extends Error {
  override name = 'AdapterCrashError';
  constructor(readonly op: string, readonly reason: string) {
    super(`${op} did not complete: ${reason}; the adapter restarts on the next call §kit.protocol.crash`);
  }
}

/** The adapter could not be started: the module failed to load, has no default export, breaks the contract, or the handshake failed. */
export class AdapterLoadError extends Error {
  override name = 'AdapterLoadError';
}
