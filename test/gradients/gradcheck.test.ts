/**
 * gradcheck (`grad.gradcheck`) passes on the reference for every differentiable operator over random
 * configurations of every option. Calls the reference rejects as invalid are filtered out with fc.pre.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { acceptedByReference } from './acceptedByReference.js';
import { gradcheck } from '../../src/check/gradcheck.js';
import { avgPool2dCall, conv2dCall, convTranspose2dCall, describeCall, maxPool2dCall, pad2dCall } from './gradCallArbitraries.js';


const cases: [string, string, fc.Arbitrary<OperatorCall>, number][] = [
  ['conv2d', 'grad.conv2d.input, grad.conv2d.weight, grad.conv2d.bias', conv2dCall, 150],
  ['convTranspose2d', 'grad.conv-transpose2d', convTranspose2dCall, 150],
  ['pad2d', 'grad.pad2d', pad2dCall, 200],
  ['maxPool2d', 'grad.max-pool2d', maxPool2dCall('tieFree'), 200],
  ['avgPool2d', 'grad.avg-pool2d', avgPool2dCall, 200],
];

describe('gradcheck: the reference backward operators against central finite differences (grad.gradcheck)', () => {
  for (const [op, clauses, arb, numRuns] of cases) {
    it(`${op} (${clauses}): ${numRuns} random configurations`, async () => {
      await fc.assert(
        fc.asyncProperty(arb, async (call) => {
          fc.pre(await acceptedByReference(call));
          const result = await gradcheck(reference, call);
          if (result.status !== 'passed') throw new Error(`${result.message ?? result.status} ${describeCall(call)}`);
        }),
        { seed: 20261122, numRuns },
      );
    });
  }

  it('reports a missing backward operator as skipped, never as passed', async () => {
    const { conv2dBackward: _omitted, ...rest } = reference;
    const call = fc.sample(conv2dCall, { numRuns: 1, seed: 1 })[0]!;
    const result = await gradcheck({ ...rest, name: 'no-backward' }, call);
    expect(result.status).toBe('skipped');
  });
});
