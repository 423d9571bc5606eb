/**
 * Errors that say an isolated adapter failed to answer at all — it timed out, was cut off after a timeout, or its
 * worker or process ended (`kit.protocol.timeout`, `kit.protocol.breaker`, `kit.protocol.crash`) — as opposed to
 * an adapter that answered a call by rejecting it. A property that accepts a rejection (an invalid call must be
 * rejected) must not accept one of these as that answer. Told apart by name, since the classes live in the kit.
 */
export function isAdapterFailure(e: unknown): e is Error {
  return e instanceof Error && (e.name === 'AdapterTimeoutError' || e.name === 'AdapterCrashError');
}
