/**
 * One shape-corpus member as a check (spec/shape-descriptors.md, `kit.descriptor.check`): the descriptor's call
 * with values of mixed signs from a seeded generator (so sums cancel), the expected answer from the reference
 * at run time, judged exactly as `<op>.definition` is (referenceWithBound, expectClose, `num.tolerance`).
 *
 * The check's id is `shapes/` + the descriptor's canonical line without its comment, so the id names the case,
 * is printed in every repro line, and rebuilds the check on its own (shapeCorpusPropertyFromId).
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { randomTensorData } from '../../src/check/randomTensor.js';
import { operatorRecord } from '../../src/operators/index.js';
import { descriptorCall, type DescriptorCall } from '../../src/shape/descriptor/descriptorCall.js';
import { parseDescriptor } from '../../src/shape/descriptor/parseDescriptor.js';
import { printDescriptor } from '../../src/shape/descriptor/printDescriptor.js';
import type { ProblemDescriptor } from '../../src/shape/descriptor/problemDescriptor.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';

export const SHAPE_CHECK_PREFIX = 'shapes/';

/** A corpus case as fast-check draws it: the descriptor line and the seed of its values. */
export interface ShapeCase {
  readonly descriptor: string;
  readonly valueSeed: number;
}

/** The descriptor's canonical line without name or comment: the case's id (`kit.descriptor.canonical`). */
export const descriptorId = (d: ProblemDescriptor): string => printDescriptor({ ...d, name: null, comment: null });

export const shapeCheckId = (d: ProblemDescriptor): string => `${SHAPE_CHECK_PREFIX}${descriptorId(d)}`;

/** The call with its tensors: uniform in [−1, 1), float32-exact, input, weight and bias from one stream. */
export function shapeCaseCall(call: DescriptorCall, valueSeed: number): OperatorCall {
  const random = mulberry32(valueSeed);
  const inputs: Record<string, TensorData | null> = { input: randomTensorData(call.inputShape, random) };
  if (call.op === 'conv2d' || call.op === 'convTranspose2d') {
    inputs['weight'] = randomTensorData(call.weightShape, random);
    inputs['bias'] = randomTensorData(call.biasShape, random);
  }
  return { op: call.op, inputs, options: call.options as unknown as Readonly<Record<string, unknown>> };
}

export function shapeCorpusProperty(d: ProblemDescriptor): Property {
  const call = descriptorCall(d);
  const record = operatorRecord(call.op);
  const line = descriptorId(d);
  return defineProperty<ShapeCase>({
    id: shapeCheckId(d),
    operator: record.id,
    family: 'definition',
    title: `${record.name} on the corpus shape ${line}${d.comment === null ? '' : ` (${d.comment})`} equals the float64 reference within the tolerance model`,
    clauses: ['kit.descriptor.check', ...record.definition.clauses],
    requires: { ops: [record.name] },
    // One case: the shape is the point, and a shrunk seed would only redraw values of the same shape.
    arbitrary: () => fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })).map((valueSeed) => ({ descriptor: line, valueSeed })),
    maxRuns: 1,
    caseFeatures: () => record.features(shapeCaseCall(call, 0)),
    predicate: async (adapter, c) => {
      const withValues = shapeCaseCall(call, c.valueSeed);
      const { expected, bound } = await referenceWithBound(withValues, adapter);
      const actual = await callOp(adapter, withValues, expected.shape);
      expectClose(actual, expected, bound, { what: record.name, call: line, clause: record.definition.clauses[0]! });
    },
  });
}

/** The check an id names, or null when the id is not a shape check (a bad descriptor throws DescriptorError). */
export function shapeCorpusPropertyFromId(id: string): Property | null {
  if (!id.startsWith(SHAPE_CHECK_PREFIX)) return null;
  return shapeCorpusProperty(parseDescriptor(id.slice(SHAPE_CHECK_PREFIX.length)));
}
