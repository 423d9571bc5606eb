/**
 * What can go wrong with an adapter that runs isolated from the runner (a worker thread or a child process),
 * as typed errors: each names the operator and what happened, so a check that meets one ends as 'error' with
 * a message a user can act on (spec/adapter-protocol.md, `kit.protocol.timeout`, `kit.protocol.crash`).
 */

/** The adapter did not answer within the per-call limit; its worker or process was killed and restarts on the next call. */
export class AdapterTimeoutError extends Error {
  override name = 'AdapterTimeoutError';
  /** `lastOutput`: the adapter's last output lines (OutputTail.describe), often the clue to why it hung. */
  constructor(readonly op: string, readonly timeoutMs: number, lastOutput = '', what = `${op} did not answer within ${timeoutMs} ms (a promise that never settles, or a loop that never returns); the adapter was stopped and restarts on the next call`) {
    super(`${what}${lastOutput} §kit.protocol.timeout`);
  }
}

/**
 * The handshake did not come within the start limit: the adapter could not be started (`kit.protocol.timeout`).
 * A subclass of AdapterTimeoutError, so code that treats timeouts alike still does.
 */
export class HandshakeTimeoutError extends AdapterTimeoutError {
  constructor(timeoutMs: number, lastOutput = '') {
    super('the handshake', timeoutMs, lastOutput, `the adapter did not answer the handshake within ${timeoutMs} ms (it may still be loading, or it does not speak the protocol); it was stopped`);
  }
}

/**
 * An operator that timed out earlier in this run is cut off (`kit.protocol.breaker`): later calls to it fail at
 * once instead of each waiting the full limit again. Named like a timeout, since that is what it stands for.
 */
export class OperatorCutOffError extends AdapterTimeoutError {
  constructor(op: string, timeoutMs: number) {
    super(op, timeoutMs, '', `${op} timed out earlier in this run (after ${timeoutMs} ms), so later calls to it fail at once without being sent (the circuit breaker)`);
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
