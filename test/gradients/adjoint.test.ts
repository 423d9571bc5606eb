/**
 * The dot-product test ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ (`grad.adjoint`) for every linear operator of the reference, with
 * the backward operator as Aᵀ, over random configurations; and a test that it can fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { adjointTest, type LinearOperator } from '../../src/check/adjointTest.js';
import { acceptedByReference } from './acceptedByReference.js';
import { avgPool2dCall, conv2dCall, convTranspose2dCall, describeCall, pad2dCall } from './gradCallArbitraries.js';

/** Replaces the grid values by irrational-looking ones, so every product rounds (the tolerance is exercised). */
const roughen = (call: OperatorCall): OperatorCall => ({
  ...call,
  inputs: Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, t === null ? null : { shape: t.shape, data: Array.from(t.data, (v, i) => v * Math.PI + Math.sin(i + 1)) } satisfies TensorData])),
});

const cases: [LinearOperator, fc.Arbitrary<OperatorCall>][] = [
  ['conv2d.input', conv2dCall],
  ['conv2d.weight', conv2dCall],
  ['convTranspose2d.input', convTranspose2dCall],
  ['convTranspose2d.weight', convTranspose2dCall],
  ['pad2d', pad2dCall],
  ['avgPool2d', avgPool2dCall],
];

describe('adjoint (dot-product) test of every linear operator (grad.adjoint)', () => {
  for (const [operator, arb] of cases) {
    it(`${operator}: 200 random configurations`, async () => {
      await fc.assert(
        fc.asyncProperty(arb.map(roughen), fc.integer({ min: 1, max: 1 << 30 }), async (call, seed) => {
          fc.pre(await acceptedByReference(call));
          const result = await adjointTest(reference, operator, call, seed);
          if (result.status !== 'passed') throw new Error(`${result.message ?? result.status} ${describeCall(call)}`);
        }),
        { seed: 20261123, numRuns: 200 },
      );
    });
  }

  it('fails a transposed operator that drops the last row of the input gradient', async () => {
    const wrong: Adapter = {
      ...reference,
      name: 'drops-last-row',
      async avgPool2dBackward(input, gradOutput, opts) {
        const g = await reference.avgPool2dBackward!(input, gradOutput, opts);
        const [, , h = 1, w = 1] = g.shape;
        const data = Float64Array.from(g.data);
        for (let p = 0; p < data.length; p += h * w) data.fill(0, p + (h - 1) * w, p + h * w);
        return { shape: g.shape, data };
      },
    };
    const call: OperatorCall = { op: 'avgPool2d', inputs: { input: { shape: [1, 1, 4, 4], data: Array.from({ length: 16 }, (_, i) => Math.cos(i)) } }, options: { kernelSize: 2, stride: 1 } };
    expect((await adjointTest(reference, 'avgPool2d', call)).status).toBe('passed');
    const result = await adjointTest(wrong, 'avgPool2d', call);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/§grad\.adjoint/);
  });
});
