/**
 * The one failure message format (STYLE habit 6):
 *   <what>=<got>, but should be <expected> [<op>(<options>)] §<clause>
 */
export class PropertyFailure extends Error {
  constructor(
    readonly what: string,
    readonly got: string,
    readonly expected: string,
    readonly call: string,
    readonly clause: string,
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(`${what}=${got}, but should be ${expected} [${call}] §${clause}`);
    this.name = 'PropertyFailure';
  }
}
