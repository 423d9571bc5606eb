/**
 * Meta-tests: the gradient checks catch deliberately wrong backward operators (wrongBackwards.ts). Each wrong
 * adapter first passes on a call where its bug cannot show, so the failure is the bug's and not the setup's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { Adapter } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { gradcheck } from '../../src/check/gradcheck.js';
import { torchAvailable } from '../pytorch/torchOracle.js';
import { maxPool2dCall } from './gradCallArbitraries.js';
import { compareWithTorch, gradCalls } from './torchGradComparison.js';
import { runTorchGradients } from './torchGradOracle.js';
import { avgPoolIgnoringCountIncludePad, convInputShiftedWhenPadded, maxPoolGradientToEveryTie, maxPoolGradientToFirstNaN, padBackwardOverwrites } from './wrongBackwards.js';

const ramp = (shape: number[]) => ({ shape, data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i + 1) + i / 64) });

async function gradcheckStatus(adapter: Adapter, call: OperatorCall): Promise<string> {
  return (await gradcheck(adapter, call)).status;
}

describe('gradcheck catches deliberately wrong backwards (grad.gradcheck)', () => {
  it('conv2d input gradient shifted by one column when padding > 0 (grad.conv2d.input)', async () => {
    const call = (padding: number): OperatorCall => ({ op: 'conv2d', inputs: { input: ramp([1, 2, 4, 5]), weight: ramp([3, 2, 2, 3]), bias: null }, options: { padding } });
    expect(await gradcheckStatus(convInputShiftedWhenPadded, call(0))).toBe('passed');
    const result = await gradcheck(convInputShiftedWhenPadded, call(1));
    expect(result.status).toBe('failed');
    expect(result.inputs.find((r) => r.input === 'input')?.ok).toBe(false);
    expect(result.inputs.find((r) => r.input === 'weight')?.ok).toBe(true);
    expect(result.message).toMatch(/^grad input\[.*\]=.*, but should be .* §grad\.gradcheck$/);
  });

  it('avgPool2d backward ignoring count_include_pad (grad.avg-pool2d)', async () => {
    const call = (countIncludePad: boolean): OperatorCall => ({ op: 'avgPool2d', inputs: { input: ramp([1, 1, 5, 5]) }, options: { kernelSize: 3, stride: 2, padding: 1, countIncludePad } });
    expect(await gradcheckStatus(avgPoolIgnoringCountIncludePad, call(false))).toBe('passed');
    expect(await gradcheckStatus(avgPoolIgnoringCountIncludePad, call(true))).toBe('failed');
  });

  it('pad2d backward that overwrites instead of accumulating copies (grad.pad2d)', async () => {
    const call = (mode: string): OperatorCall => ({ op: 'pad2d', inputs: { input: ramp([1, 2, 3, 4]) }, options: { pads: { top: 2, bottom: 1, left: 3, right: 2 }, mode } });
    expect(await gradcheckStatus(padBackwardOverwrites, call('constant'))).toBe('passed');
    for (const mode of ['reflect', 'replicate', 'circular']) expect(await gradcheckStatus(padBackwardOverwrites, call(mode))).toBe('failed');
  });

  it('max-pool gradient sent to every tied maximum fails the spec rule on a hand-derived case (grad.max-pool2d)', async () => {
    // One 2×2 window [[1, 1], [0, 1]]: the first maximum in row-major order is (0, 0), so G = 1 goes there only.
    const input = { shape: [1, 1, 2, 2], data: [1, 1, 0, 1] };
    const gradOutput = { shape: [1, 1, 1, 1], data: [1] };
    const expected = [1, 0, 0, 0];
    expect(Array.from((await reference.maxPool2dBackward!(input, gradOutput, { kernelSize: 2 })).data)).toEqual(expected);
    expect(Array.from((await maxPoolGradientToEveryTie.maxPool2dBackward!(input, gradOutput, { kernelSize: 2 })).data)).not.toEqual(expected);
  });
});

describe.skipIf(!torchAvailable())('the torch comparison catches wrong max-pool tie and NaN rules (grad.max-pool2d, grad.max-pool2d.nan)', () => {
  it('gradient to every tie, and gradient to the first NaN, both disagree with torch.autograd; the reference agrees', async () => {
    const calls = await gradCalls(maxPool2dCall('ties'), 7, 60);
    const answers = runTorchGradients(calls);
    expect(await compareWithTorch(reference, calls, answers)).toEqual([]);
    expect((await compareWithTorch(maxPoolGradientToEveryTie, calls, answers)).length).toBeGreaterThan(0);
    expect((await compareWithTorch(maxPoolGradientToFirstNaN, calls, answers)).length).toBeGreaterThan(0);
  });
});

it('the tie-free max-pool generator really avoids ties, so gradcheck on it is meaningful', () => {
  for (const call of fc.sample(maxPool2dCall('tieFree'), { numRuns: 50, seed: 3 })) {
    const data = Array.from(call.inputs['input']!.data);
    expect(new Set(data).size).toBe(data.length);
  }
});
