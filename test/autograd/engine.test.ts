/** The autograd engine (src/autograd/value.ts, topologicalOrder.ts): accumulation, order, zeroGrad, detach (`grad.vjp`). */
import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors/convkitError.js';
import { tensor } from '../../src/tensor/tensor.js';
import { constant, parameter, scalar } from '../../src/autograd/value.js';
import { topologicalOrder } from '../../src/autograd/topologicalOrder.js';
import { add } from '../../src/autograd/ops/add.js';
import { mul } from '../../src/autograd/ops/mul.js';
import { sum } from '../../src/autograd/ops/sum.js';

const xs = [0.5, -1.25, 2, 3.5];

describe('autograd engine', () => {
  it('accumulates into a node used twice: d/dx Σ x·x = 2x, and d/dx Σ (x + x) = 2', () => {
    const x = parameter(tensor([2, 2], xs));
    sum(mul(x, x)).backward();
    expect(Array.from(x.grad)).toEqual(xs.map((v) => 2 * v));
    const y = parameter(tensor([4], xs));
    sum(add(y, y)).backward();
    expect(Array.from(y.grad)).toEqual([2, 2, 2, 2]);
  });

  it('accumulates through a diamond: a = x·x used twice, d/dx Σ (a + a·3) = 8x', () => {
    const x = parameter(tensor([4], xs));
    const a = mul(x, x);
    sum(add(a, mul(a, scalar(3)))).backward();
    expect(Array.from(x.grad)).toEqual(xs.map((v) => 8 * v));
  });

  it('orders nodes parents-first, parents in argument order, each once', () => {
    const x = parameter(tensor([1], [2]));
    const y = parameter(tensor([1], [3]));
    const a = mul(x, y);
    const b = add(a, x);
    const out = sum(b);
    expect(topologicalOrder(out)).toEqual([x, y, a, b, out]);
  });

  it('walks a chain of 10000 operations without a stack overflow, and in the right order', () => {
    const x = parameter(tensor([1], [1]));
    let v = x;
    const factor = scalar(0.999);
    for (let k = 0; k < 10000; k++) v = mul(add(v, scalar(0)), factor);
    sum(v).backward();
    expect(topologicalOrder(v).length).toBeGreaterThan(20000);
    expect(x.grad[0]).toBeCloseTo(0.999 ** 10000, 12);
  });

  it('a second backward accumulates; zeroGrad resets', () => {
    const x = parameter(tensor([4], xs));
    const loss = () => sum(mul(x, scalar(3)));
    loss().backward();
    loss().backward();
    expect(Array.from(x.grad)).toEqual([6, 6, 6, 6]);
    x.zeroGrad();
    expect(Array.from(x.grad)).toEqual([0, 0, 0, 0]);
  });

  it('backward twice on the same graph adds the gradient twice to the leaves, no more (as torch with retain_graph)', () => {
    const x = parameter(tensor([2], [1, 1]));
    const loss = sum(mul(x, scalar(2)));
    loss.backward();
    loss.backward();
    expect(Array.from(x.grad)).toEqual([4, 4]);
  });

  it('detach stops the gradient: d/dx Σ detach(x)·x = x', () => {
    const x = parameter(tensor([4], xs));
    sum(mul(x.detach(), x)).backward();
    expect(Array.from(x.grad)).toEqual(xs);
    expect(x.detach().requiresGrad).toBe(false);
  });

  it('constants receive no gradient, and a graph of constants does not require one', () => {
    const c = constant(tensor([4], xs));
    const x = parameter(tensor([4], xs));
    sum(mul(c, x)).backward();
    expect(Array.from(c.grad)).toEqual([0, 0, 0, 0]);
    expect(sum(mul(c, c)).requiresGrad).toBe(false);
  });

  it('backward of a value with several elements needs a seed (grad.vjp)', () => {
    const x = parameter(tensor([4], xs));
    expect(() => mul(x, x).backward()).toThrow(ConvkitError);
    mul(x, x).backward(tensor([4], [1, 0, 0, 1]));
    expect(Array.from(x.grad)).toEqual([1, 0, 0, 7]);
  });
});
