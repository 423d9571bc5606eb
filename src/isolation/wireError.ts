/**
 * An adapter's thrown error as plain data, so it crosses a worker or process boundary and is rebuilt on the
 * runner's side with its name, message and — for convkit's typed errors — code, clause, argument and op
 * (`kit.protocol.errors`). An error that carries a clause is rebuilt as a ConvkitError, so properties that read
 * `.clause` (errors.invalid-configurations-rejected) work on isolated and non-JavaScript adapters alike.
 */
import { Unsupported } from '../adapter/unsupported.js';
import { ConvkitError, type ConvkitErrorCode } from '../errors/convkitError.js';
import { boundText, thrownNonError } from '../errors/boundedText.js';

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
  if (typeof thrown !== 'object' || thrown === null) return { name: 'Error', message: thrownNonError(thrown) };
  const e = thrown as Record<string, unknown>;
  const wire: WireError = {
    name: typeof e['name'] === 'string' ? e['name'] : 'Error',
    message: typeof e['message'] === 'string' ? e['message'] : String(thrown),
  };
  for (const field of TEXT_FIELDS) if (typeof e[field] === 'string') wire[field] = e[field];
  if ('value' in e) wire.value = e['value'];
  return wire;
}

/**
 * Reads a WireError (from a worker message or a protocol line) defensively: any object with text fields, each
 * bounded (`kit.protocol.limits`), and a `value` kept only when its JSON is short.
 */
export function readWireError(value: unknown): WireError {
  const wire = toWireError(value);
  delete wire.stack;
  wire.name = boundText(wire.name, 200);
  wire.message = boundText(wire.message);
  for (const field of TEXT_FIELDS) if (wire[field] !== undefined) wire[field] = boundText(wire[field]!, 1000);
  if ('value' in wire) {
    let json: string | undefined;
    try { json = JSON.stringify(wire.value); } catch { json = undefined; }
    if (json !== undefined && json.length > 1000) wire.value = boundText(json, 1000);
  }
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
