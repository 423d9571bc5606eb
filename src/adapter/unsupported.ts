/**
 * What an adapter throws to say "I do not implement this call" for one call, when a declared feature is too
 * coarse (`supports.features`): `throw new Unsupported('tf.pool has no dilation with padding')`. The case is
 * skipped, not an error; a check whose every case was unsupported is skipped with the reason. Over the stdio
 * protocol the reply is `{"id": n, "unsupported": "<reason>"}` (spec/adapter-protocol.md).
 */
export class Unsupported extends Error {
  override name = 'Unsupported';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** An Unsupported from this module, or one rebuilt from a worker or a child process (same name). */
export function isUnsupported(e: unknown): e is Error {
  return e instanceof Unsupported || (e instanceof Error && e.name === 'Unsupported');
}
