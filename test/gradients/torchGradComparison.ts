/**
 * Helpers comparing an adapter's backward operators with torch.autograd (torch_grad_oracle.py): random calls the
 * reference accepts, each with a gradOutput, and the comparison itself.
 */
import fc from 'fast-check';
import type { Adapter, MaxPool2dOptions, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { invokeBackward } from '../../src/adapter/operatorCall.js';
import { maxPool2dWithArgmax } from '../../src/reference/maxPool2d.js';
import { describeCall, tensorOf } from './gradCallArbitraries.js';
import type { GradOracleAnswer, GradOracleCall } from './torchGradOracle.js';

/** The reference's output shape for the call, or null when the reference rejects it. */
async function outputShape(call: OperatorCall): Promise<number[] | null> {
  try {
    return ((await invokeOperator(reference, call)) as TensorData).shape;
  } catch {
    return null;
  }
}

/**
 * A max-pool window over padding only (dilation and ceil mode make them) has no argmax (`pool.max.empty-window`):
 * convkit discards its gradient. PyTorch 1.13's CPU kernel instead records the index of the first in-padding
 * position stepped past the input (MaxPoolKernel.cpp: `while (ih0 < 0) ih0 += dilationH; maxindex = ih0 *
 * input_width + iw0`) and its backward writes there — outside the plane, corrupting the heap (a batch with such
 * calls aborts python with "malloc(): unaligned tcache chunk detected"). Those calls are left out here and
 * checked by hand in backward-rules.test.ts.
 */
function hasEmptyWindow(call: OperatorCall): boolean {
  if (call.op !== 'maxPool2d') return false;
  const input = call.inputs['input']!;
  const { argmax } = maxPool2dWithArgmax({ shape: input.shape, data: Float64Array.from(input.data) }, call.options as unknown as MaxPool2dOptions);
  return argmax.includes(-1);
}

/** Calls the reference accepts, each with a gradOutput of grid values (so most sums are exact in float64). */
export async function gradCalls(arb: fc.Arbitrary<OperatorCall>, seed: number, count: number): Promise<GradOracleCall[]> {
  const calls: GradOracleCall[] = [];
  const candidates = fc.sample(fc.tuple(arb, fc.integer({ min: 0, max: 1 << 30 })), { numRuns: count * 3, seed });
  for (const [call, gseed] of candidates) {
    if (calls.length === count) break;
    const shape = await outputShape(call);
    if (shape === null || hasEmptyWindow(call)) continue;
    const gradOutput = fc.sample(tensorOf(shape), { numRuns: 1, seed: gseed })[0]!;
    calls.push({ ...call, gradOutput });
  }
  return calls;
}

/** Mismatches between an adapter's gradients and torch's, as messages (empty when they agree). */
export async function compareWithTorch(adapter: Adapter, calls: readonly GradOracleCall[], answers: readonly GradOracleAnswer[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const [k, call] of calls.entries()) {
    const torch = answers[k]!;
    if ('error' in torch) { mismatches.push(`${describeCall(call)}: torch failed: ${torch.error}`); continue; }
    const ours = await invokeBackward(adapter, call, call.gradOutput);
    for (const [name, expected] of Object.entries(torch.grads)) {
      const got = ours[name];
      if (got === undefined) { mismatches.push(`${describeCall(call)}: grad ${name} missing`); continue; }
      const bad = expected.data.findIndex((e, i) => { const v = got.data[i]!; return !(Object.is(v, e) || Math.abs(v - e) <= 1e-12 * (1 + Math.abs(e))); });
      if (bad >= 0) mismatches.push(`grad ${name}[${bad}]=${got.data[bad]}, but should be ${expected.data[bad]} (torch) ${describeCall(call)}`);
    }
  }
  return mismatches;
}
