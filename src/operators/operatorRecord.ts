/**
 * One record per operator (PyTorch's OpInfo is the model): everything convkit knows about an operator that is
 * not a law specific to it. The generic properties (properties/generic/), the reference adapter, the
 * recorded-call reproductions, the report groups, the tolerance and the capability skips are all derived
 * from these records, so adding an operator means writing its record and its reference.
 *
 * Layering: records sit above the reference and the shape modules and below the property catalogue. Their
 * case arbitraries come from properties/arbitraries, which depend only on the contract and the shape code.
 */
import type fc from 'fast-check';
import type { Feature, OperatorName } from '../adapter/contract.js';
import type { ForwardOp, OperatorCall } from '../adapter/operatorCall.js';
import type { Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from '../reference/withAbsSum.js';
import type { Signature } from './signature.js';
import type { Scale } from '../shape/scale.js';
import type { BoundaryId } from '../shape/boundaries.js';
import type { ConfigurationPoint } from '../shape/configurationPoint.js';

/**
 * A channel count of a call and the tensor axes that carry it, so diagnosis can vary it with every tensor kept
 * consistent (`kit.diagnosis.explain`). Axes are counted from the last one (an NCHW input's C is 3), so a pad2d
 * input of rank 3 or 4 is read alike; a `perGroup` axis holds the count / groups (conv2d's weight [O, C/g, kh, kw]).
 */
export interface ChannelExtent {
  /** The name the report gives it: `input.C`, `output.C`. */
  readonly name: string;
  readonly axes: readonly { readonly tensor: string; readonly fromEnd: number; readonly perGroup?: boolean }[];
}

/** A call that breaks exactly one rule, labelled with the clause it breaks (spec/errors.md). */
export interface InvalidCall {
  readonly call: OperatorCall;
  readonly breaks: string;
}

/** A property's title and clauses, for the generic properties an operator gets by being registered. */
export interface PropertyText {
  readonly title: string;
  readonly clauses: readonly string[];
}

export interface BackwardRecord {
  /** The adapter method (`conv2dBackward`). */
  readonly method: OperatorName;
  readonly signature: Signature;
  /** How the adapter answers: one object of gradients by input name, or the input's gradient alone. */
  readonly answers: 'by-input' | 'input';
  /** The reference's vector-Jacobian product, by input name; absent entries (no bias) are undefined. */
  readonly reference: (call: OperatorCall, gradOutput: Tensor) => Readonly<Record<string, Tensor | undefined>>;
  /** The cases the gradient properties draw (the forward's cases unless the gradient needs more, e.g. no ties). */
  readonly cases: (scale?: Scale) => fc.Arbitrary<OperatorCall>;
  /** The cases' values are what makes them valid (tie-free): exact mode leaves them as drawn (`num.values.exact`). */
  readonly ownValues?: boolean;
  readonly matchesReference: PropertyText;
  /** Whether the VJP takes the input's values through |·| for the bound (linear ones do; routing ones keep x). */
  readonly absoluteBound: boolean;
  /** gradcheck needs a smooth operator at the drawn cases; false where ties or kinks make it meaningless. */
  readonly gradcheck: boolean;
}

export interface OperatorRecord {
  /** The adapter method, and `OperatorCall.op`. */
  readonly name: ForwardOp;
  /** The form used in check ids: `max-pool2d`. */
  readonly id: string;
  /** The tensor inputs of a call, in signature order. */
  readonly inputs: readonly string[];
  /** The channel counts of a call (absent for corr2d's single plane). */
  readonly channelExtents?: readonly ChannelExtent[];
  readonly signature: Signature;
  /** The float64 reference; throws ConvkitError on an invalid call. */
  readonly reference: (call: OperatorCall) => Tensor;
  /**
   * The reference and Σ|xᵢ·wᵢ| per output element in one pass, for the tolerance (`num.tolerance`); the absolute
   * sum is null where `terms` is 0 (`num.exact`). Equal to the reference on the absolute call, value for value.
   */
  readonly referenceWithAbsSum: (call: OperatorCall) => WithAbsSum;
  /** The output shape from the operator's shape module (throws on an invalid call). */
  readonly outputShape: (call: OperatorCall) => number[];
  readonly shapeClause: string;
  /** Products summed per output element, the n of γ(n) (`num.tolerance.terms`); 0 where nothing is computed (`num.exact`). */
  readonly terms: (call: OperatorCall) => number;
  /** Declared features the call exercises, for capability skips (contract.ts, `Supports`). */
  readonly features: (call: OperatorCall) => Feature[];
  /** Valid calls: tiny ones that shrink well, and by scale a share of realistic ones (`shape.scale`). */
  readonly cases: (scale?: Scale) => fc.Arbitrary<OperatorCall>;
  /** The spec's named boundary cases this operator's cases must reach, and which ones a call hits (`shape.boundaries`). */
  readonly boundaries?: { readonly ids: readonly BoundaryId[]; readonly of: (call: OperatorCall) => readonly BoundaryId[] };
  /** The call's point in the configuration space, from the shape module, for the coverage report (`kit.coverage`). */
  readonly configuration?: (call: OperatorCall) => ConfigurationPoint;
  readonly outputShapeProperty: PropertyText;
  readonly definition: PropertyText;
  /**
   * Set for an operator whose every output is a plain sum of products (+ bias): on integer inputs whose sums fit
   * the declared format a direct implementation is exact (`num.exact-integers`), and `<id>.exact-integers` draws
   * its cases with small integers — the default run's exact share (`num.values.exact`).
   */
  readonly exactIntegers?: PropertyText;
  /**
   * Set for an operator whose output is a sum (of products, or of inputs for a mean) under the declared numerics
   * (`num.declaration`): the fixed cases of growing n its precision fingerprint runs when it fails its declaration
   * (`num.fingerprint`), built by fingerprintCallsOf (fingerprintCases.ts) from this operator's way of making a call.
   */
  readonly fingerprintCalls?: () => readonly OperatorCall[];
  readonly backward?: BackwardRecord;
  /** The inputs the operator is linear in once `linearPart` drops its affine part (spec/gradients.md, `grad.adjoint`). */
  readonly linearIn?: readonly string[];
  readonly linearPart?: (call: OperatorCall) => OperatorCall;
  /** Calls that break one rule each, for `<id>.invalid-configurations-rejected`. */
  readonly invalidCases?: () => fc.Arbitrary<InvalidCall>;
  readonly invalidConfigurations?: PropertyText;
  /** Broken rules whose only breach is an empty extent: an empty tensor is an accepted answer (`err.adapter-rejects`). */
  readonly emptyAnswerAllowedFor?: readonly string[];
}

