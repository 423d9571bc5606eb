/**
 * The adapter contract: what any implementation exports (as its module's default export) to be checked by
 * convkit. Every operator is optional; each may answer a value or a Promise. Tensors are row-major
 * (spec/tensors.md, `tensor.layout.row-major`); inputs are NCHW, conv weights OIHW
 * (`tensor.layout.nchw`, `tensor.layout.oihw`), transposed-conv weights [C, O/groups, kh, kw]
 * (`tensor.layout.transposed-weight`). Users' adapters depend on these names: change them only with a
 * major version.
 */

export interface TensorData {
  shape: number[];
  /** Row-major. Float32Array, Float64Array or a plain array of numbers. */
  data: Float32Array | Float64Array | number[];
}

export type Pair = number | [number, number];
export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
export type Pad2dMode = 'constant' | 'reflect' | 'replicate' | 'circular';

export interface Conv2dOptions {
  stride?: Pair;
  /** int, [ph, pw], explicit sides, 'valid' (no padding) or 'same' (stride 1 only) — `conv.padding.forms`. */
  padding?: Pair | Pads | 'valid' | 'same';
  dilation?: Pair;
  groups?: number;
  paddingMode?: PaddingMode;
}

export interface ConvTranspose2dOptions {
  stride?: Pair;
  padding?: Pair;
  outputPadding?: Pair;
  dilation?: Pair;
  groups?: number;
}

export interface MaxPool2dOptions {
  kernelSize: Pair;
  /** Defaults to kernelSize (`pool.stride.default`). */
  stride?: Pair;
  padding?: Pair;
  dilation?: Pair;
  ceilMode?: boolean;
}

export interface AvgPool2dOptions {
  kernelSize: Pair;
  stride?: Pair;
  padding?: Pair;
  ceilMode?: boolean;
  /** Defaults to true (`pool.avg.count-include-pad`). */
  countIncludePad?: boolean;
  divisorOverride?: number;
}

/** adaptiveAvgPool2d, adaptiveMaxPool2d: the output's [height, width]; windows follow `pool.adaptive.windows`. */
export interface AdaptivePool2dOptions {
  outputSize: Pair;
}

export interface Conv2dGradients {
  input: TensorData;
  weight: TensorData;
  bias?: TensorData;
}

export interface ConvTranspose2dGradients {
  input: TensorData;
  weight: TensorData;
  bias?: TensorData;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Features an adapter may declare it does not implement. Checks that need an undeclared-as-missing feature
 * run; checks that need a feature declared `false` are reported as skipped (never as passed).
 */
export type Feature =
  | 'conv2d.stride'
  | 'conv2d.dilation'
  | 'conv2d.groups'
  | 'conv2d.bias'
  | 'conv2d.padding.asymmetric'
  | 'conv2d.padding.same'
  | 'conv2d.paddingMode.reflect'
  | 'conv2d.paddingMode.replicate'
  | 'conv2d.paddingMode.circular'
  | 'convTranspose2d.dilation'
  | 'convTranspose2d.groups'
  | 'convTranspose2d.outputPadding'
  | 'pad2d.reflect'
  | 'pad2d.replicate'
  | 'pad2d.circular'
  | 'pad2d.negative'
  | 'maxPool2d.dilation'
  | 'maxPool2d.ceilMode'
  | 'avgPool2d.ceilMode'
  | 'avgPool2d.countIncludePad'
  | 'avgPool2d.divisorOverride'
  | 'adaptiveAvgPool2d.uneven'
  | 'adaptiveMaxPool2d.uneven'
  | 'errors';

export interface Supports {
  /** Features the adapter lacks, set to false. Absent means supported when the operator is present. */
  features?: Partial<Record<Feature, boolean>>;
}

export type OperatorName =
  | 'corr2d'
  | 'conv2d'
  | 'convTranspose2d'
  | 'pad2d'
  | 'maxPool2d'
  | 'avgPool2d'
  | 'adaptiveAvgPool2d'
  | 'adaptiveMaxPool2d'
  | 'conv2dBackward'
  | 'convTranspose2dBackward'
  | 'maxPool2dBackward'
  | 'avgPool2dBackward'
  | 'pad2dBackward'
  | 'adaptiveAvgPool2dBackward'
  | 'adaptiveMaxPool2dBackward';

/**
 * A floating-point format an operator stores or sums in (spec/numerics.md, `num.precision`): IEEE binary64 and
 * binary32, NVIDIA's TF32 (float32's range, 10 stored significand bits), IEEE binary16, and bfloat16 (float32's
 * range, 7 stored significand bits).
 */
export type Precision = 'float64' | 'float32' | 'tf32' | 'float16' | 'bfloat16';

/**
 * How one operator computes, so the kit judges it by the error model of what it really does
 * (spec/numerics.md, `num.declaration`). Every field is optional; absent fields take the defaults below.
 */
export interface OperatorNumerics {
  /** The algorithm of the sums of products; default 'direct' (`num.declaration`, `num.bound.storage`). */
  algorithm?: 'direct' | 'winograd' | 'fft';
  /** m of Winograd's F(m×m, r×r); default 2. */
  winogradTile?: number;
  /** The format inputs are rounded to and outputs are stored in; default: the adapter's dtype. */
  storage?: Precision;
  /** The format the sums are accumulated in; default: storage. */
  accumulate?: Precision;
}

export interface Adapter {
  name: string;
  /** The precision it computes in; picks the tolerance (spec/numerics.md, `num.tolerance`). */
  dtype: 'float32' | 'float64';
  supports?: Supports;
  /** Per operator, how it computes where that differs from direct summation in `dtype` (`num.declaration`). */
  numerics?: Partial<Record<OperatorName, OperatorNumerics>>;
  close?(): void | Promise<void>;

  corr2d?(x: TensorData, k: TensorData): MaybePromise<TensorData>;
  conv2d?(input: TensorData, weight: TensorData, bias: TensorData | null, opts?: Conv2dOptions): MaybePromise<TensorData>;
  convTranspose2d?(input: TensorData, weight: TensorData, bias: TensorData | null, opts?: ConvTranspose2dOptions): MaybePromise<TensorData>;
  pad2d?(input: TensorData, pads: Pads, mode: Pad2dMode, value?: number): MaybePromise<TensorData>;
  maxPool2d?(input: TensorData, opts: MaxPool2dOptions): MaybePromise<TensorData>;
  avgPool2d?(input: TensorData, opts: AvgPool2dOptions): MaybePromise<TensorData>;
  adaptiveAvgPool2d?(input: TensorData, opts: AdaptivePool2dOptions): MaybePromise<TensorData>;
  adaptiveMaxPool2d?(input: TensorData, opts: AdaptivePool2dOptions): MaybePromise<TensorData>;

  /** Vector-Jacobian products: the gradients of ⟨op(…), gradOutput⟩ with respect to each argument. */
  conv2dBackward?(input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: Conv2dOptions): MaybePromise<Conv2dGradients>;
  convTranspose2dBackward?(input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: ConvTranspose2dOptions): MaybePromise<ConvTranspose2dGradients>;
  maxPool2dBackward?(input: TensorData, gradOutput: TensorData, opts: MaxPool2dOptions): MaybePromise<TensorData>;
  avgPool2dBackward?(input: TensorData, gradOutput: TensorData, opts: AvgPool2dOptions): MaybePromise<TensorData>;
  pad2dBackward?(input: TensorData, gradOutput: TensorData, pads: Pads, mode: Pad2dMode): MaybePromise<TensorData>;
  adaptiveAvgPool2dBackward?(input: TensorData, gradOutput: TensorData, opts: AdaptivePool2dOptions): MaybePromise<TensorData>;
  adaptiveMaxPool2dBackward?(input: TensorData, gradOutput: TensorData, opts: AdaptivePool2dOptions): MaybePromise<TensorData>;
}
