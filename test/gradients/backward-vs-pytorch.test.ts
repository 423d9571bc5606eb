/**
 * The reference backward operators against torch.autograd in float64 (an independent implementation) on
 * 250 random configurations per operator (100 per adaptive pool), including max-pool inputs full of ties, NaNs
 * and −∞ (`grad.max-pool2d`, `grad.max-pool2d.nan`, `grad.adaptive-max-pool2d`). Skipped, saying why, when python3-torch is not installed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { torchAvailable } from '../pytorch/torchOracle.js';
import { adaptivePool2dCall, avgPool2dCall, conv2dCall, convTranspose2dCall, maxPool2dCall, pad2dCall } from './gradCallArbitraries.js';
import { compareWithTorch, gradCalls } from './torchGradComparison.js';
import { runTorchGradients, type GradOracleAnswer, type GradOracleCall } from './torchGradOracle.js';

const hasTorch = torchAvailable();
if (!hasTorch) console.warn('backward-vs-pytorch: /usr/bin/python3 cannot import torch; install Debian python3-torch to run it');

const CONFIGS_PER_OP = 250;

const cases: [string, string, fc.Arbitrary<OperatorCall>, number][] = [
  ['conv2d', 'grad.conv2d.input, grad.conv2d.weight, grad.conv2d.bias', conv2dCall, CONFIGS_PER_OP],
  ['convTranspose2d', 'grad.conv-transpose2d', convTranspose2dCall, CONFIGS_PER_OP],
  ['pad2d', 'grad.pad2d', pad2dCall, CONFIGS_PER_OP],
  ['maxPool2d', 'grad.max-pool2d, grad.max-pool2d.nan', fc.oneof(maxPool2dCall('ties'), maxPool2dCall('grid')), CONFIGS_PER_OP],
  ['avgPool2d', 'grad.avg-pool2d', avgPool2dCall, CONFIGS_PER_OP],
  ['adaptiveAvgPool2d', 'grad.adaptive-avg-pool2d', adaptivePool2dCall('adaptiveAvgPool2d'), 100],
  ['adaptiveMaxPool2d', 'grad.adaptive-max-pool2d', fc.oneof(adaptivePool2dCall('adaptiveMaxPool2d', 'ties'), adaptivePool2dCall('adaptiveMaxPool2d')), 100],
];

describe.skipIf(!hasTorch)('reference backward operators agree with torch.autograd (PyTorch 1.13, float64)', () => {
  const batches = new Map<string, { calls: GradOracleCall[]; answers: GradOracleAnswer[] }>();
  beforeAll(async () => {
    const all: GradOracleCall[] = [];
    const spans: [string, number, number][] = [];
    for (const [op, , arb, count] of cases) {
      const calls = await gradCalls(arb, 20261124, count);
      spans.push([op, all.length, calls.length]);
      all.push(...calls);
    }
    const answers = runTorchGradients(all); // one python process for every operator
    for (const [op, start, n] of spans) batches.set(op, { calls: all.slice(start, start + n), answers: answers.slice(start, start + n) });
  }, 60_000);

  for (const [op, clauses, , count] of cases) {
    it(`${op} (${clauses}): ${count} random configurations`, async () => {
      const { calls, answers } = batches.get(op)!;
      expect(calls.length).toBe(count);
      expect((await compareWithTorch(reference, calls, answers)).slice(0, 5)).toEqual([]);
    });
  }
});
