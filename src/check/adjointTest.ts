/**
 * The dot-product (adjoint) test for a linear operator A and the adapter's backward operator as Aᵀ
 * (spec/gradients.md, `grad.adjoint`): for random x and y, ⟨A x, y⟩ = ⟨x, Aᵀ y⟩. The linear operators are
 * those the operator records declare (`linearIn`: conv2d and convTranspose2d in input and in weight, pad2d and
 * avgPool2d in input); the test takes the record's linear part, so a bias is dropped and pad2d's constant is 0.
 *
 * Tolerance. Both sides are sums of products. Summing n terms in floating point errs by at most
 * γₙ·Σ|terms| with γₙ ≈ n·u (Higham, Accuracy and Stability, §3.1), u = 2⁻⁵³ for float64 adapters and 2⁻²⁴
 * for float32 ones. Every chain of additions here — the operator's per-element sums and the final dot
 * product — has fewer than n = numel(x) + numel(y) terms, and every term is bounded by the entries of
 * S = ⟨|A|·|x|, |y|⟩ = ⟨|x|, |A|ᵀ·|y|⟩. S is computed with the adapter's own forward on the absolute values
 * (|A| is the same operator with |weights|, and pad/avg-pool have non-negative entries). So
 *
 *     |⟨A x, y⟩ − ⟨x, Aᵀ y⟩| ≤ c · n · u · S,   c = 4
 *
 * (2 for the two sides, 2 for the 1/(1 − n·u) of γₙ and the float64 dot products taken here). A wrong
 * adjoint — a shifted index, a dropped border term — is off by O(S/n) or more and fails.
 */
import type { Adapter } from '../adapter/contract.js';
import { invokeBackward, invokeOperator, UnsupportedOperator, type ForwardOp, type OperatorCall } from '../adapter/operatorCall.js';
import { OPERATORS, operatorRecord } from '../operators/index.js';
import { absoluteCall, absoluteTensor } from '../operators/callTensors.js';
import { formatValue } from '../errors/convkitError.js';
import { checkAdapterResult } from '../tensor/tensorData.js';
import { isUnsupported } from '../adapter/unsupported.js';

import { dot, randomSource, randomTensorData } from './randomTensor.js';

/** An operator and the input it is linear in (`conv2d.weight`); the bare name means its `input`. */
export type LinearOperator = ForwardOp | `${ForwardOp}.${string}`;

export interface AdjointResult {
  readonly operator: LinearOperator;
  readonly status: 'passed' | 'failed' | 'skipped' | 'error';
  /** ⟨A x, y⟩ and ⟨x, Aᵀ y⟩. */
  readonly lhs: number;
  readonly rhs: number;
  readonly tolerance: number;
  /** S = ⟨|A|·|x|, |y|⟩. */
  readonly magnitude: number;
  readonly message?: string;
}

export const ADJOINT_SAFETY_FACTOR = 4;

/** The operator name and the argument it is linear in. */
export function linearArgument(operator: LinearOperator): { op: ForwardOp; wrt: string } {
  const [op, wrt = 'input'] = operator.split('.') as [ForwardOp, string?];
  return { op, wrt };
}

/** Every (operator, input) pair the registry declares linear, with a backward to test it against. */
export const LINEAR_OPERATORS: readonly LinearOperator[] = OPERATORS.flatMap((r) =>
  r.backward === undefined ? [] : (r.linearIn ?? []).map((wrt): LinearOperator => (wrt === 'input' && r.linearIn!.length === 1 ? r.name : `${r.name}.${wrt}`)),
);

/** `call` gives the fixed arguments and the shapes; x is `call.inputs[wrt]` and y is drawn from `seed`. */
export async function adjointTest(adapter: Adapter, operator: LinearOperator, call: OperatorCall, seed = 1): Promise<AdjointResult> {
  const { wrt } = linearArgument(operator);
  const record = operatorRecord(call.op);
  if (record.linearPart === undefined || !(record.linearIn ?? []).includes(wrt)) {
    throw new TypeError(`adjointTest: ${call.op} is not declared linear in ${wrt} (src/operators/)`);
  }
  const linear = record.linearPart(call);
  const empty = { operator, lhs: NaN, rhs: NaN, tolerance: NaN, magnitude: NaN };
  const where = `[${call.op}(${formatValue(call.options)}) in ${wrt}]`;
  try {
    const ax = checkAdapterResult(await invokeOperator(adapter, linear), call.op, null);
    const y = randomTensorData(ax.shape, randomSource(seed));
    const x = linear.inputs[wrt]!;
    const aty = (await invokeBackward(adapter, linear, y))[wrt];
    if (aty === undefined) return { ...empty, status: 'failed', message: `grad ${wrt}=missing, but should be a tensor [${x.shape.join(', ')}] ${where} §grad.adjoint` };
    const atyTensor = checkAdapterResult(aty, record.backward?.method ?? call.op, x.shape);
    const lhs = dot(ax.data, y.data);
    const rhs = dot(x.data, atyTensor.data);
    const absolute = absoluteCall(linear);
    const absAx = checkAdapterResult(await invokeOperator(adapter, absolute), call.op, ax.shape);
    const magnitude = dot(absAx.data, absoluteTensor(y).data);
    const n = x.data.length + y.data.length;
    const u = adapter.dtype === 'float64' ? 2 ** -53 : 2 ** -24;
    const tolerance = ADJOINT_SAFETY_FACTOR * n * u * magnitude;
    const result = { operator, lhs, rhs, tolerance, magnitude };
    if (Math.abs(lhs - rhs) <= tolerance) return { ...result, status: 'passed' };
    return { ...result, status: 'failed', message: `⟨x, Aᵀy⟩=${rhs}, but should be ⟨Ax, y⟩=${lhs} (±${tolerance.toExponential(2)}) ${where} §grad.adjoint` };
  } catch (e) {
    // The adapter's refusal of this one call (`kit.protocol.unsupported`) is its caller's to skip, never an error.
    if (isUnsupported(e)) throw e;
    if (e instanceof UnsupportedOperator) return { ...empty, status: 'skipped', message: e.message };
    return { ...empty, status: 'error', message: `${call.op} threw ${(e as Error).message ?? String(e)} ${where}` };
  }
}
