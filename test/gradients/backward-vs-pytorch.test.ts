/**
 * The reference backward operators against torch.autograd in float64 (an independent implementation) on
 * 250 random configurations per operator, including max-pool inputs full of ties, NaNs and −∞
 * (`grad.max-pool2d`, `grad.max-pool2d.nan`). Skipped, saying why, when python3-torch is not installed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { invokeBackward } from '../../src/check/backwardCall.js';
import { torchAvailable } from '../pytorch/torchOracle.js';
import { avgPool2dCall, conv2dCall, convTranspose2dCall, describeCall, maxPool2dCall, pad2dCall, tensorOf } from './gradCallArbitraries.js';
import { runTorchGradients, type GradOracleAnswer, type GradOracleCall } from './torchGradOracle.js';

const hasTorch = torchAvailable();
if (!hasTorch) console.warn('backward-vs-pytorch: /usr/bin/python3 cannot import torch; install Debian python3-torch to run it');

export const CONFIGS_PER_OP = 250;

const cases: [string, string, fc.Arbitrary<OperatorCall>][] = [
  ['conv2d', 'grad.conv2d.input, grad.conv2d.weight, grad.conv2d.bias', conv2dCall],
  ['convTranspose2d', 'grad.conv-transpose2d', convTranspose2dCall],
  ['pad2d', 'grad.pad2d', pad2dCall],
  ['maxPool2d', 'grad.max-pool2d, grad.max-pool2d.nan', fc.oneof(maxPool2dCall('ties'), maxPool2dCall('grid'))],
  ['avgPool2d', 'grad.avg-pool2d', avgPool2dCall],
];

/** The reference's output shape for the call, or null when the reference rejects it. */
async function outputShape(call: OperatorCall): Promise<number[] | null> {
  try {
    return ((await invokeOperator(reference, call)) as TensorData).shape;
  } catch {
    return null;
  }
}

/** Calls the reference accepts, each with a gradOutput of grid values (so most sums are exact in float64). */
export async function gradCalls(arb: fc.Arbitrary<OperatorCall>, seed: number): Promise<GradOracleCall[]> {
  const calls: GradOracleCall[] = [];
  const candidates = fc.sample(fc.tuple(arb, fc.integer({ min: 0, max: 1 << 30 })), { numRuns: CONFIGS_PER_OP * 3, seed });
  for (const [call, gseed] of candidates) {
    if (calls.length === CONFIGS_PER_OP) break;
    const shape = await outputShape(call);
    if (shape === null) continue;
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

describe.skipIf(!hasTorch)('reference backward operators agree with torch.autograd (PyTorch 1.13, float64)', () => {
  const batches = new Map<string, { calls: GradOracleCall[]; answers: GradOracleAnswer[] }>();
  beforeAll(async () => {
    const all: GradOracleCall[] = [];
    const spans: [string, number, number][] = [];
    for (const [op, , arb] of cases) {
      const calls = await gradCalls(arb, 20261124);
      spans.push([op, all.length, calls.length]);
      all.push(...calls);
    }
    const answers = runTorchGradients(all); // one python process for every operator
    for (const [op, start, n] of spans) batches.set(op, { calls: all.slice(start, start + n), answers: answers.slice(start, start + n) });
  }, 60_000);

  for (const [op, clauses] of cases) {
    it(`${op} (${clauses}): ${CONFIGS_PER_OP} random configurations`, async () => {
      const { calls, answers } = batches.get(op)!;
      expect(calls.length).toBe(CONFIGS_PER_OP);
      expect((await compareWithTorch(reference, calls, answers)).slice(0, 5)).toEqual([]);
    });
  }
});
