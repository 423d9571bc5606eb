/** corr2d cases: a plane X and a kernel K no larger than X (≤ 3×3 kernels, up to 5 extra rows and columns). */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { oneTo, tensorArb, upTo } from './values.js';

export interface MatrixCase {
  readonly x: TensorData;
  readonly k: TensorData;
}

export const matrixCaseArb: fc.Arbitrary<MatrixCase> = fc
  .record({ kh: oneTo(3), kw: oneTo(3), eh: upTo(5), ew: upTo(5) })
  .chain((p) => fc.record({ x: tensorArb([p.kh + p.eh, p.kw + p.ew]), k: tensorArb([p.kh, p.kw]) }));

export const corr2dCall = ({ x, k }: MatrixCase): OperatorCall => ({ op: 'corr2d', inputs: { x, k }, options: {} });
