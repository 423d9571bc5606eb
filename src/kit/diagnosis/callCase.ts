/**
 * One call evaluated three ways for diagnosis: by the adapter, by the reference, and by a convention's variant.
 * Answers are by output name (`output`, or the backward's inputs); a throw is an answer too (`threw`), so a call
 * the spec rejects and an adapter accepts is a difference like any other.
 */
import type { Adapter, OperatorName, TensorData } from '../../adapter/contract.js';
import { invokeBackward, invokeOperator, type OperatorCall } from '../../adapter/operatorCall.js';
import type { RecordedCall } from '../../adapter/recordedCall.js';
import type { Dtype } from '../../check/tolerance.js';
import { compareTensors } from '../../check/compareTensors.js';
import type { Answer } from '../../diagnosis/convention.js';
import { operatorRecord } from '../../operators/index.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import { tensorDataProblem } from '../../tensor/tensorData.js';

/** A call of one adapter method: the forward call, and the output gradient of a backward one. */
export interface CallCase {
  readonly method: OperatorName;
  readonly call: OperatorCall;
  readonly gradOutput?: Tensor;
}

export type Outcome = { readonly kind: 'answer'; readonly answer: Answer } | { readonly kind: 'threw' };

const THREW: Outcome = { kind: 'threw' };

export function caseOf(recorded: RecordedCall): CallCase {
  const g = recorded.gradOutput;
  return { method: recorded.method, call: recorded.call, ...(g !== undefined ? { gradOutput: asTensor(g) } : {}) };
}

const asTensor = (t: TensorData): Tensor => tensor(t.shape, t.data);

function answerOf(value: unknown): Outcome {
  if (tensorDataProblem(value) === null) return { kind: 'answer', answer: { output: asTensor(value as TensorData) } };
  return THREW;
}

export async function adapterOutcome(adapter: Adapter, c: CallCase): Promise<Outcome> {
  try {
    if (c.gradOutput === undefined) return answerOf(await invokeOperator(adapter, c.call));
    const grads = await invokeBackward(adapter, c.call, c.gradOutput);
    const answer: Record<string, Tensor> = {};
    for (const [k, t] of Object.entries(grads)) {
      if (t === undefined) continue;
      if (tensorDataProblem(t) !== null) return THREW;
      answer[k] = asTensor(t);
    }
    return { kind: 'answer', answer };
  } catch {
    return THREW;
  }
}

export function referenceOutcome(c: CallCase): Outcome {
  try {
    const record = operatorRecord(c.call.op);
    if (c.gradOutput === undefined) return { kind: 'answer', answer: { output: record.reference(c.call) } };
    const grads = record.backward!.reference(c.call, c.gradOutput);
    return { kind: 'answer', answer: Object.fromEntries(Object.entries(grads).filter((e): e is [string, Tensor] => e[1] !== undefined)) };
  } catch {
    return THREW;
  }
}

/**
 * Whether two outcomes agree: both threw, or the same outputs with the same shapes, equal within a loose bound
 * (relative 1e-4 for float32, 1e-9 for float64). The bound is loose on purpose: a convention is told apart by
 * differences of whole elements, not by rounding.
 */
export function agree(a: Outcome, b: Outcome, dtype: Dtype): boolean {
  if (a.kind === 'threw' || b.kind === 'threw') return a.kind === b.kind;
  const keys = Object.keys(b.answer);
  if (keys.length !== Object.keys(a.answer).length) return false;
  const rel = dtype === 'float32' ? 1e-4 : 1e-9;
  return keys.every((k) => {
    const x = a.answer[k], y = b.answer[k];
    if (x === undefined || y === undefined) return false;
    return compareTensors(x, y, (i) => rel * (1 + Math.abs(y.data[i]!))).ok;
  });
}
