/**
 * The forward properties every registered operator gets (src/operators/): its output shape equals the shape
 * module's formula (never the reference's run), and its values equal the float64 reference within the
 * tolerance model (`num.tolerance`), exactly where nothing is computed (`num.exact`).
 */
import type { OperatorRecord } from '../../src/operators/index.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { expectClose, expectShape } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { defineProperty, type Property } from '../property.js';
import { DENSE_FILL, exactCase } from '../../src/check/valuesExact.js';

export function outputShapeProperty(record: OperatorRecord): Property {
  return defineProperty<OperatorCall>({
    id: `${record.id}.output-shape`,
    operator: record.id,
    family: 'shape',
    title: record.outputShapeProperty.title,
    clauses: record.outputShapeProperty.clauses,
    requires: { ops: [record.name] },
    arbitrary: (scale) => record.cases(scale),
    ...(record.boundaries ? { boundaries: record.boundaries.ids } : {}),
    caseFeatures: record.features,
    predicate: async (adapter, call) => {
      const actual = checkAdapterResult(await invokeOperator(adapter, call), call.op, null).shape;
      expectShape(actual, record.outputShape(call), { what: record.name, call: describeCall(call), clause: record.outputShapeProperty.clauses[0]! });
    },
  });
}

export function definitionProperty(record: OperatorRecord): Property {
  return defineProperty<OperatorCall>({
    id: `${record.id}.definition`,
    operator: record.id,
    family: 'definition',
    title: record.definition.title,
    clauses: record.definition.clauses,
    requires: { ops: [record.name] },
    arbitrary: (scale) => record.cases(scale),
    ...(record.boundaries ? { boundaries: record.boundaries.ids } : {}),
    caseFeatures: record.features,
    predicate: async (adapter, call) => {
      const { expected, bound } = await referenceWithBound(call, adapter);
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, expected, bound, { what: record.name, call: describeCall(call), clause: record.definition.clauses[0]! });
    },
  });
}

/**
 * `<id>.exact-integers` (`num.exact-integers`, `num.values.exact`): the record's cases with every value an integer
 * in [−3, 3] of its sign (the exact fill at full density), judged by the declared bound, which is 0 for a direct
 * implementation wherever Σ|x·w| fits the format — so a default run holds a wrong last place to account too.
 */
export function exactIntegersProperty(record: OperatorRecord & { exactIntegers: NonNullable<OperatorRecord['exactIntegers']> }): Property {
  return defineProperty<OperatorCall>({
    id: `${record.id}.exact-integers`,
    operator: record.id,
    family: 'numerics',
    title: record.exactIntegers.title,
    clauses: record.exactIntegers.clauses,
    requires: { ops: [record.name] },
    arbitrary: (scale) => record.cases(scale).map((call) => exactCase(call, DENSE_FILL)),
    caseFeatures: record.features,
    predicate: async (adapter, call) => {
      const { expected, bound } = await referenceWithBound(call, adapter);
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, expected, bound, { what: record.name, call: describeCall(call), clause: 'num.exact-integers' });
    },
  });
}
