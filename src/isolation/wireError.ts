/**
 * An adapter's thrown error as plain data, so it crosses a worker or process boundary and is rebuilt on the
 * runner's side with its name, message and — for convkit's typed errors — code, clause, argument and op
 * (`kit.protocol.errors`). An error that carries a clause is rebuilt as a ConvkitError, so properties that read
 * `.clause` (errors.invalid-configurations-rejected) work on isolated and non-JavaScript adapters alike.
 */
import { Unsupported } from '../adapter/unsupported.js';
import { ConvkitError, type ConvkitErrorCode } from '../errors/convkitError.js';

export interface WireError {
  name: string;
  message: string;
  code?: string;
  clause?: string;
  argument?: string;
  op?: string;
  rule?: string;
  value?: unknown;
  stack?: string;
}

const TEXT_FIELDS = ['code', 'clause', 'argument', 'op', 'rule', 'stack'] as const;

/** Anything thrown, as a WireError (a non-Error value is described by its text). */
export function toWireError(thrown: unknown): WireError {
  if (typeof thrown !== 'object' || thrown === null) return { name: 'Error', message: `threw ${String(thrown)}` };
  const e = thrown as Record<string, unknown>;
  const wire: WireError = {
    name: typeof e['name'] === 'string' ? e['name'] : 'Error',
    message: typeof e['message'] === 'string' ? e['message'] : String(thrown),
  };
  for (const field of TEXT_FIELDS) if (typeof e[field] === 'string') wire[field] = e[field];
  if ('value' in e) wire.value = e['value'];
  return wire;
}

/** Reads a WireError (from a worker message or a protocol line) defensively: any object with text fields. */
export function readWireError(value: unknown): WireError {
  const wire = toWireError(value);
  delete wire.stack;
  return wire;
}

/** Rebuilds the thrown error on the runner's side. */
export function fromWireError(wire: WireError): Error {
  if (wire.name === 'Unsupported') return new Unsupported(wire.message);
  if (wire.clause !== undefined) {
    const e = new ConvkitError({
      code: (wire.code ?? 'E_OPTION') as ConvkitErrorCode,
      op: wire.op ?? '?',
      argument: wire.argument ?? '?',
      value: wire.value,
      rule: wire.rule ?? '',
      clause: wire.clause,
    });
    e.message = wire.message;
    e.name = wire.name;
    return e;
  }
  const e = new Error(wire.message);
  e.name = wire.name;
  const extra = e as unknown as Record<string, unknown>;
  for (const field of ['code', 'argument', 'op'] as const) if (wire[field] !== undefined) extra[field] = wire[field];
  return e;
}
