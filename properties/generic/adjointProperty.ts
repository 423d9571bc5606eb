/**
 * The dot-product test for every operator a record declares linear (`linearIn`), with the adapter's own
 * backward as Aᵀ (spec/gradients.md, `grad.adjoint`): ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ within the bound derived in
 * src/check/adjointTest.ts. Unlike backward-matches-reference it needs no reference: it ties the adapter's
 * backward to its own forward.
 */
import fc from 'fast-check';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { adjointTest, type LinearOperator } from '../../src/check/adjointTest.js';
import type { BackwardRecord, OperatorRecord } from '../../src/operators/index.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';

export function backwardIsAdjoint(record: OperatorRecord & { backward: BackwardRecord; linearIn: readonly string[] }): Property {
  const backward = record.backward;
  const operators: LinearOperator[] = record.linearIn.map((wrt): LinearOperator => (record.linearIn.length === 1 && wrt === 'input' ? record.name : `${record.name}.${wrt}`));
  return defineProperty<{ call: OperatorCall; seed: number }>({
    id: `${record.id}.backward-is-adjoint`,
    operator: record.id,
    family: 'gradient',
    title: `⟨${record.name}(x), y⟩ = ⟨x, ${backward.method}(y)⟩ in ${record.linearIn.join(' and in ')} (dot-product test)`,
    clauses: ['grad.adjoint', ...backward.matchesReference.clauses],
    requires: { ops: [record.name, backward.method] },
    arbitrary: (scale) => fc.record({ call: backward.cases(scale), seed: fc.nat() }),
    ...(record.boundaries ? { boundaries: record.boundaries.ids } : {}),
    caseFeatures: (c) => record.features(c.call),
    predicate: async (adapter, { call, seed }) => {
      for (const operator of operators) {
        const r = await adjointTest(adapter, operator, call, seed);
        if (r.status === 'error') throw new Error(r.message ?? `${record.name} or ${backward.method} threw`);
        if (r.status === 'failed') {
          throw new PropertyFailure(`⟨x, Aᵀy⟩ in ${operator}`, String(r.rhs), `⟨Ax, y⟩ = ${r.lhs} ± ${r.tolerance.toPrecision(3)}`, describeCall(call), 'grad.adjoint');
        }
      }
    },
  });
}
