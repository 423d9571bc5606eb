/**
 * The adapter call behind a failure, as positional arguments, so a report can print a reproduction and draw
 * the inputs. Taken, in order of trust, from an operator call stored with the failure (`detail.call`, a
 * counterexample that is a call, or a golden fixture's `counterexample.call`), else rebuilt from the call in
 * the message (`[conv2d(input:[1×1×3×3], weight:[…], bias:null, {"stride":2})]`) with the counterexample's
 * tensors matched by name and shape — then it is marked not exact, since a property may transform its case
 * before calling the adapter.
 */
import type { CheckResult } from '../../check/checkResult.js';
import { asReportTensor, findTensors, type NamedTensor } from './reportTensor.js';

export interface CallArgument {
  /** A variable name for a tensor (`input`, `gradOutput`), or the option's role (`options`, `pads`). */
  readonly name: string;
  readonly value: unknown;
  readonly isTensor: boolean;
}

export interface FailureCall {
  /** The adapter method, e.g. `conv2d` or `conv2dBackward`. */
  readonly method: string;
  readonly args: readonly CallArgument[];
  /** True when the call was recorded with the failure; false when rebuilt from the message. */
  readonly exact: boolean;
  /** Why the call may differ from the failing one, when it may. */
  readonly note?: string;
}

const FORWARD = ['corr2d', 'conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d'] as const;
type Forward = (typeof FORWARD)[number];

export interface CallData {
  readonly op: Forward;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly options: Readonly<Record<string, unknown>>;
}

function asCall(value: unknown): CallData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { op, inputs, options } = value as Record<string, unknown>;
  if (!FORWARD.includes(op as Forward) || typeof inputs !== 'object' || inputs === null) return null;
  return { op: op as Forward, inputs: inputs as Record<string, unknown>, options: (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown> };
}

const tensorArg = (name: string, value: unknown): CallArgument => ({ name, value: value ?? null, isTensor: value !== null && value !== undefined });
const optionArg = (name: string, value: unknown): CallArgument => ({ name, value, isTensor: false });

/** The adapter's positional arguments for a forward call, or for its backward when `gradOutput` is given. */
export function callArguments(call: CallData, gradOutput?: unknown): { method: string; args: CallArgument[] } {
  const i = call.inputs;
  const o = call.options;
  const grad = gradOutput === undefined ? [] : [tensorArg('gradOutput', gradOutput)];
  const method = gradOutput === undefined ? call.op : `${call.op}Backward`;
  switch (call.op) {
    case 'corr2d':
      return { method, args: [tensorArg('x', i['x']), tensorArg('k', i['k'])] };
    case 'conv2d':
    case 'convTranspose2d':
      return { method, args: [tensorArg('input', i['input']), tensorArg('weight', i['weight']), tensorArg('bias', i['bias']), ...grad, optionArg('options', o)] };
    case 'pad2d': {
      const { pads, mode, value } = o as { pads?: unknown; mode?: unknown; value?: unknown };
      const tail = gradOutput === undefined && value !== undefined ? [optionArg('value', value)] : [];
      return { method, args: [tensorArg('input', i['input']), ...grad, optionArg('pads', pads), optionArg('mode', mode), ...tail] };
    }
    case 'maxPool2d':
    case 'avgPool2d':
      return { method, args: [tensorArg('input', i['input']), ...grad, optionArg('options', o)] };
  }
}

const NON_FINITE: Readonly<Record<string, number>> = { NaN, Infinity, '-Infinity': -Infinity };

/** `[conv2d(input:[1×1×3×3], bias:null, {"stride":2})] §clause` → op, tensor shapes by name, options. */
export function parseMessageCall(message: string): { op: Forward; tensors: { name: string; shape: number[] | null }[]; options: Record<string, unknown> | null } | null {
  const m = / \[(corr2d|conv2d|convTranspose2d|pad2d|maxPool2d|avgPool2d)\((.*)\)\](?: §[\w.-]+)?\s*$/s.exec(message);
  if (!m) return null;
  const body = m[2]!;
  const brace = body.indexOf('{');
  const head = brace < 0 ? body : body.slice(0, brace);
  // `input:[1×1×3×3]`, and `bias:null` (older reports wrote `bias:[null]`).
  const tensors = [...head.matchAll(/(\w+):(?:\[([\d×]*|null)\]|(null))/g)].map((t) => ({
    name: t[1]!,
    shape: t[3] === 'null' || t[2] === 'null' ? null : t[2] === '' ? [] : t[2]!.split('×').map(Number),
  }));
  let options: Record<string, unknown> | null = {};
  if (brace >= 0) {
    try {
      options = JSON.parse(body.slice(brace), (_k, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v)) as Record<string, unknown>;
    } catch {
      options = null;
    }
  }
  return { op: m[1] as Forward, tensors, options };
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

function rebuild(check: CheckResult): FailureCall | null {
  const parsed = parseMessageCall(check.message ?? '');
  if (parsed === null || parsed.options === null) return null;
  const cx = (typeof check.counterexample === 'object' && check.counterexample !== null ? check.counterexample : {}) as Record<string, unknown>;
  const pool: NamedTensor[] = findTensors(check.counterexample);
  const used = new Set<string>();
  const inputs: Record<string, unknown> = {};
  for (const { name, shape } of parsed.tensors) {
    if (shape === null) {
      inputs[name] = null;
      continue;
    }
    const own = asReportTensor(cx[name]);
    const found = own !== null && sameShape(own.shape, shape) ? { name, tensor: own } : pool.find((t) => !used.has(t.name) && sameShape(t.tensor.shape, shape));
    if (found === undefined) return null;
    used.add(found.name);
    inputs[name] = found.tensor;
  }
  if (!hasRequired(parsed.op, inputs)) return null;
  return { ...callArguments({ op: parsed.op, inputs, options: parsed.options }), exact: false, note: 'call rebuilt from the message; the property may transform its case first' };
}

const REQUIRED: Readonly<Record<Forward, readonly string[]>> = {
  corr2d: ['x', 'k'], conv2d: ['input', 'weight'], convTranspose2d: ['input', 'weight'], pad2d: ['input'], maxPool2d: ['input'], avgPool2d: ['input'],
};

const hasRequired = (op: Forward, inputs: Readonly<Record<string, unknown>>) => REQUIRED[op].every((name) => asReportTensor(inputs[name]) !== null);

/** `max-pool2d.definition` → maxPool2d. */
const methodOfId = (id: string) => id.split('.')[0]!.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

/**
 * A case shaped like the operator's own arguments (`{ input, weight, bias, options }`, pad2d's
 * `{ input, pads, mode, value }`): the call for an adapter that threw, whose message names no call.
 */
function fromCase(check: CheckResult): FailureCall | null {
  const op = methodOfId(check.id) as Forward;
  const cx = check.counterexample;
  if (!FORWARD.includes(op) || typeof cx !== 'object' || cx === null || !hasRequired(op, cx as Record<string, unknown>)) return null;
  const c = cx as Record<string, unknown>;
  const options = op === 'pad2d' ? { pads: c['pads'], mode: c['mode'], value: c['value'] } : ((c['options'] ?? {}) as Record<string, unknown>);
  return { ...callArguments({ op, inputs: c, options }), exact: false, note: "the property's case, passed to the operator as is" };
}

/** Every adapter call the failing case made, as recorded by the runner (`detail.calls`), in order. */
export function recordedCalls(check: CheckResult): CallData[] {
  const calls = check.detail?.['calls'];
  return Array.isArray(calls) ? calls.map(asCall).filter((c): c is CallData => c !== null) : [];
}

/** The failing call of a failed or errored check, or null when neither the data nor the message names one. */
export function failureCall(check: CheckResult): FailureCall | null {
  const cx = check.counterexample as Record<string, unknown> | undefined;
  const recorded = asCall(check.detail?.['call']) ?? asCall(cx) ?? asCall(cx?.['call']);
  if (recorded !== null) {
    // A gradient failure names the backward operator first (`conv2dBackward.input[…]=…`).
    const namesBackward = /^(\[[^\]]*\] )?\w+Backward/.test(check.message ?? '');
    const gradOutput = namesBackward ? (cx?.['gradOutput'] ?? undefined) : undefined;
    if (!namesBackward || gradOutput !== undefined) return { ...callArguments(recorded, gradOutput), exact: true };
    return { ...callArguments(recorded), exact: false, note: 'the failure is in the backward operator; this is its forward call' };
  }
  return rebuild(check) ?? fromCase(check);
}
