/**
 * Cases drawn near a failing call for diagnosis: the same method, options and shapes, the finite values redrawn
 * as small integers (so sums are exact and ties common), NaN and ±∞ kept where they were. A zero-filled shrunk
 * counterexample tells few conventions apart; its neighbours do.
 */
import type { TensorData } from '../../adapter/contract.js';
import { mulberry32, type RandomSource } from '../../autograd/seededRandom.js';
import { tensor } from '../../tensor/tensor.js';
import type { CallCase } from './callCase.js';

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
