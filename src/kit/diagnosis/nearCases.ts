/**
 * Cases drawn near a failing call for diagnosis: the same method, options and shapes, the finite values redrawn
 * as small integers (so sums are exact and ties common), NaN and ±∞ kept where they were; and one case grown by two
 * rows and columns. A zero-filled shrunk counterexample tells few conventions apart; its neighbours do, and the
 * grown one tells apart conventions that agree only because the case is one window high or wide (a stride collapsed
 * to its first element and a stride pair swapped, on a one-row output).
 */
import type { TensorData } from '../../adapter/contract.js';
import { mulberry32, type RandomSource } from '../../autograd/seededRandom.js';
import { operatorRecord } from '../../operators/index.js';
import { elementCount, tensor } from '../../tensor/tensor.js';
import { referenceOutcome, type CallCase } from './callCase.js';

/** Integers in [−3, 3] where the value was finite; the value itself where it was not. */
export function redrawn(t: TensorData, random: RandomSource): TensorData {
  return { shape: [...t.shape], data: Array.from(t.data, (v) => (Number.isFinite(v) ? Math.floor(random() * 7) - 3 : v)) };
}

export function nearCases(c: CallCase, count: number, seed: number): CallCase[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const inputs = Object.fromEntries(Object.entries(c.call.inputs).map(([k, t]) => [k, t === null ? null : redrawn(t, random)]));
    const g = c.gradOutput;
    return { ...c, call: { ...c.call, inputs }, ...(g !== undefined ? { gradOutput: tensor(g.shape, redrawn(g, random).data) } : {}) };
  });
}

/** The tensor resized to `shape`: elements kept where their index still exists, new ones drawn small integers. */
export function resized(t: TensorData, shape: readonly number[], random: RandomSource): TensorData {
  const data = new Array<number>(elementCount(shape));
  for (let flat = 0; flat < data.length; flat++) {
    let rest = flat, old = 0, inside = true, stride = 1;
    for (let a = shape.length - 1; a >= 0; a--) {
      const i = rest % shape[a]!;
      rest = Math.floor(rest / shape[a]!);
      if (i >= t.shape[a]!) inside = false;
      old += i * stride;
      stride *= t.shape[a]!;
    }
    data[flat] = inside ? t.data[old]! : Math.floor(random() * 7) - 3;
  }
  return { shape: [...shape], data };
}

/** A backward case keeps its output gradient when the output shape did not change, and draws a new one otherwise. */
export function withGradOutput(c: CallCase, random: RandomSource): CallCase {
  if (c.gradOutput === undefined) return c;
  let shape: number[];
  try {
    shape = operatorRecord(c.call.op).outputShape(c.call);
  } catch {
    return c; // an invalid call: the reference refuses it and it is not tried
  }
  if (shape.length === c.gradOutput.shape.length && shape.every((d, i) => d === c.gradOutput!.shape[i])) return c;
  return { ...c, gradOutput: tensor(shape, Array.from({ length: elementCount(shape) }, () => Math.floor(random() * 7) - 3)) };
}

/** The case with its main input (`input`, corr2d's `x`) two rows and two columns larger, or null where the spec rejects that. */
export function grownCase(c: CallCase, seed: number): CallCase | null {
  const random = mulberry32(seed);
  const name = 'input' in c.call.inputs ? 'input' : 'x' in c.call.inputs ? 'x' : null;
  const t = name === null ? null : c.call.inputs[name];
  if (name === null || t === null || t === undefined || t.shape.length < 2) return null;
  const r = t.shape.length;
  const shape = t.shape.map((d, i) => (i >= r - 2 ? d + 2 : d));
  const grown = withGradOutput({ ...c, call: { ...c.call, inputs: { ...c.call.inputs, [name]: redrawn(resized(t, shape, random), random) } } }, random);
  return referenceOutcome(grown).kind === 'answer' ? grown : null;
}
