/**
 * The catalogue of named conventions (issue 13, spec/conventions.md): one record per convention, in the order
 * `convkit list --conventions` prints them. Diagnosis derives everything from these records.
 */
import type { OperatorName } from '../adapter/contract.js';
import type { Convention } from './convention.js';
import { outputPaddingIgnored, paddingAxesSwapped, sameExtraTopLeft, strideSwapped, tfSamePadding, trueConvolution } from './conventions/convConventions.js';
import { avgGradFullWindow, maxGradAllTies } from './conventions/gradientConventions.js';
import { nhwcData, weightsHwio } from './conventions/layoutConventions.js';
import { reflectSymmetric, replicateAsZeros } from './conventions/paddingConventions.js';
import { avgDivisorFullWindow, ceilKeepsPaddingWindow, countIncludePadFalse, countIncludePadTrue, emptyWindowLowestFloat, maxPoolNanIgnored } from './conventions/poolConventions.js';

export type { Convention, Answer, ConventionContext } from './convention.js';

export const CONVENTIONS: readonly Convention[] = [
  trueConvolution,
  paddingAxesSwapped,
  sameExtraTopLeft,
  tfSamePadding,
  reflectSymmetric,
  replicateAsZeros,
  countIncludePadFalse,
  countIncludePadTrue,
  avgDivisorFullWindow,
  maxPoolNanIgnored,
  ceilKeepsPaddingWindow,
  emptyWindowLowestFloat,
  strideSwapped,
  weightsHwio,
  nhwcData,
  outputPaddingIgnored,
  maxGradAllTies,
  avgGradFullWindow,
];

/** The conventions that read calls of `method` differently. */
export function conventionsFor(method: OperatorName): Convention[] {
  return CONVENTIONS.filter((c) => c.methods.includes(method));
}
