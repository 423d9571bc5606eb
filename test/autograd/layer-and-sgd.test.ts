/** The Conv2D layer (initialisation, forward) and the SGD step (src/autograd/conv2dLayer.ts, sgd.ts). */
import { describe, expect, it } from 'vitest';
import { tensor } from '../../src/tensor/tensor.js';
import { Conv2D } from '../../src/autograd/conv2dLayer.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { sgdStep } from '../../src/autograd/sgd.js';
import { constant, parameter } from '../../src/autograd/value.js';
import { conv2d } from '../../src/reference/conv2d.js';

describe('Conv2D layer', () => {
  it('is reproducible from a seed and different across seeds', () => {
    const a = Conv2D.random({ inChannels: 2, outChannels: 3, kernelSize: [2, 3], random: 42 });
    const b = Conv2D.random({ inChannels: 2, outChannels: 3, kernelSize: [2, 3], random: 42 });
    const c = Conv2D.random({ inChannels: 2, outChannels: 3, kernelSize: [2, 3], random: 43 });
    expect(Array.from(a.weight.data.data)).toEqual(Array.from(b.weight.data.data));
    expect(Array.from(a.weight.data.data)).not.toEqual(Array.from(c.weight.data.data));
    expect(a.weight.shape).toEqual([3, 2, 2, 3]);
  });

  it("'uniform01' draws the weight from [0, 1) and a zero bias, as note 004's layer", () => {
    const layer = Conv2D.random({ kernelSize: [1, 2], random: 7 });
    expect(layer.weight.data.data.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from(layer.bias!.data.data)).toEqual([0]);
  });

  it("'kaimingUniform' stays within 1/√fan_in, as nn.Conv2d's default", () => {
    const layer = Conv2D.random({ inChannels: 4, outChannels: 8, kernelSize: 3, init: 'kaimingUniform', random: 1, options: { groups: 2 } });
    const bound = 1 / Math.sqrt(2 * 3 * 3);
    for (const p of layer.parameters()) expect(p.data.data.every((v) => Math.abs(v) < bound)).toBe(true);
    expect(layer.weight.data.data.some((v) => v < 0)).toBe(true);
  });

  it('forward is conv2d with its options; bias=false gives no bias parameter', () => {
    const layer = Conv2D.random({ inChannels: 1, outChannels: 2, kernelSize: 2, bias: false, options: { padding: 1 } });
    expect(layer.parameters()).toHaveLength(1);
    const x = tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(layer.forward(constant(x)).data.data)).toEqual(Array.from(conv2d(x, layer.weight.data, null, { padding: 1 }).data));
  });

  it('mulberry32 stays in [0, 1)', () => {
    const r = mulberry32(123);
    for (let k = 0; k < 1000; k++) {
      const v = r();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});

describe('sgdStep', () => {
  it("'coupled-l2': p ← p − lr·(∇p + wd·p)", () => {
    const p = parameter(tensor([2], [1, -2]));
    p.grad.set([0.5, 0.25]);
    sgdStep([p], { lr: 0.1, weightDecay: 0.2 });
    expect(Array.from(p.data.data)).toEqual([1 - 0.1 * (0.5 + 0.2 * 1), -2 - 0.1 * (0.25 + 0.2 * -2)]);
  });

  it("'decoupled': p ← (p − lr·∇p)·(1 − lr·wd)", () => {
    const p = parameter(tensor([1], [1]));
    p.grad.set([0.5]);
    sgdStep([p], { lr: 0.1, weightDecay: 0.2, weightDecayForm: 'decoupled' });
    expect(p.data.data[0]).toBe((1 - 0.1 * 0.5) * (1 - 0.1 * 0.2));
  });

  it('without weight decay is plain gradient descent, and leaves the gradient in place', () => {
    const p = parameter(tensor([1], [1]));
    p.grad.set([0.5]);
    sgdStep([p], { lr: 0.1 });
    expect(p.data.data[0]).toBe(1 - 0.1 * 0.5);
    expect(p.grad[0]).toBe(0.5);
  });
});
