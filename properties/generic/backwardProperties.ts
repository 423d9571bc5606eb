/**
 * The gradient properties every registered operator with a backward gets (spec/gradients.md): the adapter's
 * backward equals the reference's vector-Jacobian product for every input, and on float64 adapters it passes
 * gradcheck against central finite differences of the adapter's own forward.
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import { invokeBackward, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { gradcheck } from '../../src/check/gradcheck.js';
import { sumBound } from '../../src/check/tolerance.js';
import { declarationFor } from '../../src/check/declaredNumerics.js';
import type { BackwardRecord, OperatorRecord } from '../../src/operators/index.js';
import { absoluteCall } from '../../src/operators/callTensors.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { tensorArb } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';
import { absTensor } from '../transforms/elementwise.js';

export interface GradCase {
  readonly call: OperatorCall;
  readonly gradOutput: TensorData;
}

export const gradCaseArb = (record: OperatorRecord, calls: fc.Arbitrary<OperatorCall>): fc.Arbitrary<GradCase> =>
  calls.chain((call) => tensorArb(record.outputShape(call)).map((gradOutput) => ({ call, gradOutput })));

/** A variant of backward-matches-reference with its own cases (e.g. NaN among the inputs). */
export interface BackwardVariant {
  readonly id: string;
  readonly title: string;
  readonly clauses: readonly string[];
  readonly calls: fc.Arbitrary<OperatorCall>;
}

export function backwardMatchesReference(record: OperatorRecord & { backward: BackwardRecord }, variant?: BackwardVariant): Property {
  const backward = record.backward;
  const clauses = variant?.clauses ?? backward.matchesReference.clauses;
  return defineProperty<GradCase>({
    id: variant?.id ?? `${record.id}.backward-matches-reference`,
    operator: record.id,
    family: 'gradient',
    title: variant?.title ?? backward.matchesReference.title,
    clauses,
    requires: { ops: [record.name, backward.method] },
    arbitrary: (scale) => gradCaseArb(record, variant?.calls ?? backward.cases(scale)),
    ...(backward.ownValues === true ? { ownValues: true } : {}),
    ...(variant === undefined && record.boundaries ? { boundaries: record.boundaries.ids } : {}),
    caseFeatures: (c) => record.features(c.call),
    predicate: async (adapter, { call, gradOutput }) => {
      const expected = await invokeBackward(reference, call, gradOutput);
      // The bound's magnitudes: |x|, |w| through linear operators; routing ones (pools, pad) keep x.
      const absSums = await invokeBackward(reference, backward.absoluteBound ? absoluteCall(call) : call, absTensor(gradOutput));
      const actual = await invokeBackward(adapter, call, gradOutput);
      const terms = gradOutput.data.length; // no gradient element sums more products than there are outputs
      const declared = declarationFor(adapter, backward.method); // `num.declaration`, keyed by the backward method
      for (const [name, want] of Object.entries(expected)) {
        if (want === undefined) continue;
        const got = checkAdapterResult(actual[name], backward.method, want.shape);
        const sums = absSums[name]!.data;
        expectClose(got, checkAdapterResult(want, backward.method, null), (i) => sumBound(terms, sums[i]!, declared), {
          what: `${backward.method}.${name}`,
          call: describeCall(call),
          clause: clauses[0]!,
        });
      }
    },
  });
}

export function gradcheckProperty(record: OperatorRecord & { backward: BackwardRecord }): Property {
  const backward = record.backward;
  return defineProperty<OperatorCall>({
    id: `${record.id}.gradcheck`,
    operator: record.id,
    family: 'gradient',
    title: `${backward.method} agrees with central finite differences of the adapter's own ${record.name} (float64 adapters)`,
    clauses: [...backward.matchesReference.clauses, 'grad.gradcheck'],
    requires: { ops: [record.name, backward.method] },
    // Finite differences cost two forwards per input element: gradcheck stays at tiny cases.
    arbitrary: () => backward.cases('small'),
    ...(backward.ownValues === true ? { ownValues: true } : {}),
    caseFeatures: record.features,
    maxRuns: 25,
    predicate: async (adapter, call) => {
      if (adapter.dtype !== 'float64') return; // float32 forwards are checked against the reference instead
      const r = await gradcheck(adapter, call);
      if (r.status === 'error') throw new Error(r.message ?? `${record.name} or ${backward.method} threw`);
      if (r.status === 'failed') {
        const bad = r.inputs.find((i) => !i.ok);
        const worst = bad?.worst;
        throw new PropertyFailure(`${backward.method}.${bad?.input ?? '?'}${worst ? `[${worst.position.join(', ')}]` : ''}`, String(worst?.analytic), `${worst?.numeric} ± ${worst?.bound.toPrecision(3)} (finite differences)`, describeCall(call), 'grad.gradcheck');
      }
    },
  });
}
