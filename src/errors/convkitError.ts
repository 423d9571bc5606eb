/**
 * The one error type convkit throws for bad input. It names the operator, the argument, the value it was
 * given and the rule it breaks, and cites the spec clause (spec/errors.md, `err.typed`), so a user can act on
 * it without reading the source.
 */
export type ConvkitErrorCode =
  | 'E_RANK' // a tensor has the wrong number of dimensions
  | 'E_SHAPE' // dimensions disagree with each other or with the options
  | 'E_INTEGER' // a size, stride, padding, dilation or group count is not an integer in range
  | 'E_OPTION' // an option has a value outside its allowed set
  | 'E_EMPTY' // the output would have no elements
  | 'E_DATA' // a tensor's data is malformed (length, type)
  | 'E_ADAPTER'; // an adapter returned something that is not a tensor of the expected shape

export interface ConvkitErrorDetails {
  readonly code: ConvkitErrorCode;
  /** The operator (or contract entry point) that rejected the input, e.g. `conv2d`. */
  readonly op: string;
  /** The argument at fault, e.g. `opts.stride` or `weight.shape[1]`. */
  readonly argument: string;
  readonly value: unknown;
  /** The rule in words, e.g. `must be a positive integer`. */
  readonly rule: string;
  /** The spec clause id that states the rule. */
  readonly clause: string;
}

export class ConvkitError extends Error implements ConvkitErrorDetails {
  readonly code: ConvkitErrorCode;
  readonly op: string;
  readonly argument: string;
  readonly value: unknown;
  readonly rule: string;
  readonly clause: string;

  constructor(details: ConvkitErrorDetails) {
    super(`${details.op}: ${details.argument}=${formatValue(details.value)} ${details.rule} §${details.clause}`);
    this.name = 'ConvkitError';
    this.code = details.code;
    this.op = details.op;
    this.argument = details.argument;
    this.value = details.value;
    this.rule = details.rule;
    this.clause = details.clause;
  }
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
