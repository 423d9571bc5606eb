/**
 * The generic properties: every registered operator gets them by being registered (PyTorch's OpInfo tests
 * are the model). The families, in report order: output shape, definition, backward against the reference,
 * gradcheck, the adjoint where linear, and the error checks.
 */
import { OPERATORS, type BackwardRecord, type OperatorRecord } from '../../src/operators/index.js';
import type { Property } from '../property.js';
import { backwardIsAdjoint } from './adjointProperty.js';
import { backwardMatchesReference, gradcheckProperty } from './backwardProperties.js';
import { invalidConfigurationsProperty } from './invalidConfigurations.js';
import { definitionProperty, exactIntegersProperty, outputShapeProperty } from './operatorProperties.js';

const hasBackward = (r: OperatorRecord): r is OperatorRecord & { backward: BackwardRecord } => r.backward !== undefined;

export const forwardProperties: readonly Property[] = [...OPERATORS.map(outputShapeProperty), ...OPERATORS.map(definitionProperty)];

/** The default run's exact share (`num.values.exact`): the sum-of-products operators on small integers. */
export const exactIntegerProperties: readonly Property[] = OPERATORS.flatMap((r) => (r.exactIntegers !== undefined ? [exactIntegersProperty({ ...r, exactIntegers: r.exactIntegers })] : []));

export const gradientProperties: readonly Property[] = [
  ...OPERATORS.filter(hasBackward).map((r) => backwardMatchesReference(r)),
  ...OPERATORS.filter(hasBackward).filter((r) => r.backward.gradcheck).map(gradcheckProperty),
  ...OPERATORS.filter(hasBackward).flatMap((r) => (r.linearIn !== undefined ? [backwardIsAdjoint({ ...r, linearIn: r.linearIn })] : [])),
];

export const errorProperties: readonly Property[] = OPERATORS.flatMap((r) =>
  r.invalidCases !== undefined && r.invalidConfigurations !== undefined ? [invalidConfigurationsProperty({ ...r, invalidCases: r.invalidCases, invalidConfigurations: r.invalidConfigurations })] : [],
);
