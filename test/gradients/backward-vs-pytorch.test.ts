/**
 * The reference backward operators against torch.autograd in float64 (an independent implementation) on
 * 250 random configurations per operator, including max-pool inputs full of ties, NaNs and −∞
 * (`grad.max-pool2d`, `grad.max-pool2d.nan`). Skipped, saying why, when python3-torch is not installed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { torchAvailable } from '../pytorch/torchOracle.js';
import { avgPool2dCall, conv2dCall, convTranspose2dCall, maxPool2dCall, pad2dCall } from './gradCallArbitraries.js';
import { compareWithTorch, gradCalls } from './torchGradComparison.js';
import { runTorchGradients, type GradOracleAnswer, type GradOracleCall } from './torchGradOracle.js';

const hasTorch = torchAvailable();
if (!hasTorch) console.warn('backward-vs-pytorch: /usr/bin/python3 cannot import torch; install Debian python3-torch to run it');

const CONFIGS_PER_OP = 250;

const cases: [string, string, fc.Arbitrary<OperatorCall>][] = [
  ['conv2d', 'grad.conv2d.input, grad.conv2d.weight, grad.conv2d.bias', conv2dCall],
  ['convTranspose2d', 'grad.conv-transpose2d', convTranspose2dCall],
  ['pad2d', 'grad.pad2d', pad2dCall],
  ['maxPool2d', 'grad.max-pool2d, grad.max-pool2d.nan', fc.oneof(maxPool2dCall('ties'), maxPool2dCall('grid'))],
  ['avgPool2d', 'grad.avg-pool2d', avgPool2dCall],
];

describe.skipIf(!hasTorch)('reference backward operators agree with torch.autograd (PyTorch 1.13, float64)', () => {
  const batches = new Map<string, { calls: GradOracleCall[]; answers: GradOracleAnswer[] }>();
  beforeAll(async () => {
    const all: GradOracleCall[] = [];
    const spans: [string, number, number][] = [];
    for (const [op, , arb] of cases) {
      const calls = await gradCalls(arb, 20261124, CONFIGS_PER_OP);
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
