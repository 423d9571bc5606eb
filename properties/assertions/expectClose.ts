/**
 * The properties' one assertion: shapes equal, then every element within its bound, else a PropertyFailure in
 * the message format of STYLE habit 6, carrying the first differing element.
 */
import { compareTensors } from '../../src/check/compareTensors.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { PropertyFailure } from '../propertyFailure.js';

export interface Where {
  /** What is compared, e.g. `conv2d(x, flip(w))`. */
  readonly what: string;
  /** The call, for the bracketed part of the message. */
  readonly call: string;
  readonly clause: string;
}

/** `blockNonFinite`: a transform algorithm's blocks holding non-finite inputs (compareTensors, `num.nan-locality`). */
export function expectClose(actual: Tensor, expected: Tensor, bound: number | ((index: number) => number), where: Where, blockNonFinite?: (index: number) => boolean): void {
  const boundAt = typeof bound === 'number' ? () => bound : bound;
  const cmp = compareTensors(actual, expected, boundAt, blockNonFinite);
  if (!cmp.shapeMatches) {
    throw new PropertyFailure(`${where.what}.shape`, `[${actual.shape.join(', ')}]`, `[${expected.shape.join(', ')}]`, where.call, where.clause);
  }
  if (cmp.ok) return;
  const m = cmp.first!;
  const tolerance = m.bound === 0 ? ' exactly' : ` ± ${m.bound.toPrecision(3)}`;
  throw new PropertyFailure(`${where.what}[${m.position.join(', ')}]`, String(m.actual), `${m.expected}${tolerance}`, where.call, where.clause, {
    mismatches: cmp.mismatches,
    actual,
    expected,
    bound: m.bound,
    position: m.position,
  });
}

export function expectShape(actual: readonly number[], expected: readonly number[], where: Where): void {
  if (actual.length !== expected.length || actual.some((d, i) => d !== expected[i])) {
    throw new PropertyFailure(`${where.what}.shape`, `[${actual.join(', ')}]`, `[${expected.join(', ')}]`, where.call, where.clause);
  }
}
