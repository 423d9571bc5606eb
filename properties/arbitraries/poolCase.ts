/**
 * Valid max- and average-pooling configurations: kernel, stride (sometimes left to default), padding up to
 * ⌊k/2⌋ (`pool.padding.limit`), dilation (max only), ceil mode, count_include_pad, divisor override; by scale a
 * share of realistic windows (`shape.scale`), and the padding and ceil-mode boundaries on purpose (`shape.boundaries`).
 */
import fc from 'fast-check';
import type { AvgPool2dOptions, MaxPool2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { windowOutputSize, type GeometryAxis } from '../../src/shape/windowOutputSize.js';
import { BOUNDARIES, poolAxisBoundaries } from '../../src/shape/boundaries.js';
import type { Scale, ScaleModel } from '../../src/shape/scale.js';
import { scaleMix, sizeArb } from './scaleMix.js';
import { favouredInteger } from './favouredInteger.js';
import { placeSpecials, specialsArb, type Special, type TensorValues } from './specialsTensor.js';
import { oneTo, tensorArb, upTo, float32Value } from './values.js';

export interface MaxPool2dCase {
  readonly input: TensorData;
  readonly options: MaxPool2dOptions;
}
export interface AvgPool2dCase {
  readonly input: TensorData;
  readonly options: AvgPool2dOptions;
}

export interface PoolCaseConstraints {
  /** Fix ceil mode (false: windows never run past the padded edge). */
  readonly ceilMode?: boolean;
  readonly divisorOverride?: boolean;
}

const tinyWindowArb = (dilated: boolean, c: PoolCaseConstraints = {}) =>
  fc.record({
    kernel: fc.tuple(oneTo(3), oneTo(3)),
    stride: fc.option(fc.tuple(oneTo(3), oneTo(3)), { nil: undefined }),
    padding: fc.tuple(upTo(1), upTo(1)),
    dilation: dilated ? fc.tuple(oneTo(2), oneTo(2)) : fc.constant<[number, number]>([1, 1]),
    ceilMode: c.ceilMode === undefined ? fc.boolean() : fc.constant(c.ceilMode),
    size: fc.tuple(oneTo(6), oneTo(6)),
    planes: fc.tuple(oneTo(2), oneTo(2)),
    global: fc.constant<boolean>(false),
    edge: edgeArb(c),
  });

type Window = ReturnType<typeof tinyWindowArb> extends fc.Arbitrary<infer W> ? W : never;

/**
 * Which boundary a window case is sized for (`shape.boundaries`): none, pooling padding at ⌊k/2⌋, or (ceil
 * mode) a kept partial last window or a dropped one.
 */
type Edge = 'none' | 'half-kernel-padding' | 'partial' | 'dropped';
function edgeArb(c: PoolCaseConstraints): fc.Arbitrary<Edge> {
  const ceil = c.ceilMode !== false;
  return fc.oneof({ weight: 6, arbitrary: fc.constant<Edge>('none') }, { weight: 1, arbitrary: fc.constant<Edge>('half-kernel-padding') }, ...(ceil ? [{ weight: 1, arbitrary: fc.constant<Edge>('partial') }, { weight: 1, arbitrary: fc.constant<Edge>('dropped') }] : []));
}

/**
 * Realistic pooling windows (`shape.scale`): windows up to 8×8 with padding up to ⌊k/2⌋ (≥ 2 from k = 4),
 * many planes (N·C past 16, channel counts with SIMD tails), global pooling (k = H, W), and planes past 2048
 * elements (long rows), each profile wide in its own dimension.
 */
function realisticWindowArb(dilated: boolean, c: PoolCaseConstraints, m: ScaleModel): fc.Arbitrary<Window> {
  const tiny = { stride: fc.option(fc.tuple(oneTo(3), oneTo(3)), { nil: undefined }), dilation: dilated ? fc.tuple(oneTo(2), oneTo(2)) : fc.constant<[number, number]>([1, 1]), ceilMode: c.ceilMode === undefined ? fc.boolean() : fc.constant(c.ceilMode), edge: edgeArb(c), global: fc.constant<boolean>(false) };
  const wideKernel = favouredInteger({ min: 1, max: 8, favoured: [8], share: 2 / 3 });
  // Padding past 1 exists only with windows of 4 and more (p ≤ ⌊k/2⌋), so it is drawn large half the time.
  const widePadding = favouredInteger({ min: 0, max: 4, favoured: [2, 3, 4], share: 1 / 2 });
  return fc.oneof(
    // Wide windows take three shares: SIMD max paths (8 lanes) and wide padding exist only there; their channels
    // reach past a SIMD block too (global average pooling over many channels ends most classifiers).
    { weight: 3, arbitrary: fc.record({ ...tiny, kernel: fc.tuple(wideKernel, wideKernel), padding: fc.tuple(widePadding, widePadding), size: fc.tuple(oneTo(12), oneTo(12)), planes: fc.tuple(oneTo(2), sizeArb(16)) }) },
    { weight: 1, arbitrary: fc.record({ ...tiny, kernel: fc.tuple(oneTo(3), oneTo(3)), padding: fc.tuple(upTo(1), upTo(1)), size: fc.tuple(oneTo(4), oneTo(4)), planes: fc.tuple(oneTo(m.maxBatch), sizeArb(m.maxChannels)) }) },
    { weight: 1, arbitrary: fc.record({ ...tiny, stride: fc.constant(undefined), kernel: fc.constant<[number, number]>([1, 1]), padding: fc.constant<[number, number]>([0, 0]), size: fc.tuple(oneTo(16), oneTo(16)), planes: fc.tuple(oneTo(2), sizeArb(16)), global: fc.constant(true), dilation: fc.constant<[number, number]>([1, 1]), edge: fc.constant<Edge>('none') }) },
    // Planes past 2048 elements as long rows (a 1-D signal as N×C×1×L), so a bug at an element offset shrinks
    // along one axis to the first plane size that shows it (a 2-D plane stops at the first H·W past the bound).
    { weight: 1, arbitrary: fc.record({ ...tiny, kernel: fc.tuple(oneTo(2), oneTo(2)), padding: fc.tuple(upTo(1), upTo(1)), size: fc.tuple(oneTo(2), longRow(m)), planes: fc.constant<[number, number]>([1, 1]) }) },
  );
}

/** Row lengths up to maxExtent² elements, with the float16 index limit 2048 and its neighbours drawn on purpose. */
const longRow = (m: ScaleModel) => favouredInteger({ min: 1, max: m.maxExtent * m.maxExtent, favoured: [2047, 2048, 2049, 2050, 2051], share: 1 / 4 });

const windowArb = (dilated: boolean, c: PoolCaseConstraints, scale: Scale) => scaleMix(scale, tinyWindowArb(dilated, c), (m) => realisticWindowArb(dilated, c, m));

/** The window's axis for a size, with its padding clipped to ⌊k/2⌋ (`pool.padding.limit`). */
function axisOf(w: Window, padding: [number, number], axis: 0 | 1, size: number): GeometryAxis {
  const stride = w.stride ?? w.kernel;
  const a = { size, kernel: w.kernel[axis], stride: stride[axis], dilation: w.dilation[axis], padBefore: padding[axis], padAfter: padding[axis], ceilMode: w.ceilMode };
  return { ...a, out: windowOutputSize(a) };
}

function sized(given: Window): { shape: number[]; padding: [number, number]; window: Window } {
  // Global pooling: the kernel is the whole plane (k = H, W; EfficientNet's squeeze-and-excitation).
  const w: Window = given.global ? { ...given, kernel: [...given.size] } : given;
  const half: [number, number] = [w.kernel[0] >> 1, w.kernel[1] >> 1];
  const padding: [number, number] = w.edge === 'half-kernel-padding' ? half : [Math.min(w.padding[0], half[0]), Math.min(w.padding[1], half[1])];
  const fits = (n: number, axis: 0 | 1) => axisOf(w, padding, axis, n).out >= 1;
  const wanted = (n: number, axis: 0 | 1) => {
    if (!w.ceilMode || (w.edge !== 'partial' && w.edge !== 'dropped')) return true;
    const hits = poolAxisBoundaries(axisOf(w, padding, axis, n));
    return hits.includes(w.edge === 'partial' ? BOUNDARIES.ceilPartialWindow : BOUNDARIES.ceilDroppedWindow);
  };
  const size = (n: number, axis: 0 | 1) => {
    while (!fits(n, axis)) n++;
    // Sized for the ceil-mode edge when a size within a few strides has it; otherwise left as drawn.
    for (let m = n; m < n + 4 * (w.stride ?? w.kernel)[axis] + 4; m++) if (fits(m, axis) && wanted(m, axis)) return m;
    return n;
  };
  const h = size(w.size[0], 0);
  const wd = size(w.size[1], 1);
  return { shape: [w.planes[0], w.planes[1], h, wd], padding, window: w };
}

export function maxPool2dCaseArb(values: TensorValues = float32Value, c: PoolCaseConstraints & { readonly dilation?: boolean } = {}, scale: Scale = 'default'): fc.Arbitrary<MaxPool2dCase> {
  const elements = values instanceof fc.Arbitrary ? values : float32Value;
  // Specials are drawn with the window, not with the tensor, so they survive the shape's shrinking (specialsTensor.ts).
  const specials = values instanceof fc.Arbitrary ? fc.constant<Special[]>([]) : specialsArb(4, values.maxSpecials);
  return fc.tuple(windowArb(c.dilation ?? true, c, scale), specials).chain(([drawn, placed]) => {
    const { shape, padding, window: w } = sized(drawn);
    const options: MaxPool2dOptions = { kernelSize: w.kernel, padding, dilation: w.dilation, ceilMode: w.ceilMode };
    if (w.stride) options.stride = w.stride;
    return tensorArb(shape, elements).map((input) => ({ input: placeSpecials(input, placed), options }));
  });
}

export function avgPool2dCaseArb(c: PoolCaseConstraints = {}, scale: Scale = 'default'): fc.Arbitrary<AvgPool2dCase> {
  const divisorArb = c.divisorOverride === false ? fc.constant(undefined) : fc.option(oneTo(5), { nil: undefined, freq: 4 });
  return fc.record({ w: windowArb(false, c, scale), countIncludePad: fc.boolean(), divisor: divisorArb }).chain(({ w: drawn, countIncludePad, divisor }) => {
    const { shape, padding, window: w } = sized(drawn);
    const options: AvgPool2dOptions = { kernelSize: w.kernel, padding, ceilMode: w.ceilMode, countIncludePad };
    if (w.stride) options.stride = w.stride;
    if (divisor !== undefined) options.divisorOverride = divisor;
    return tensorArb(shape).map((input) => ({ input, options }));
  });
}

export function maxPool2dCall(c: MaxPool2dCase): OperatorCall {
  return { op: 'maxPool2d', inputs: { input: c.input }, options: c.options as unknown as Record<string, unknown> };
}
export function avgPool2dCall(c: AvgPool2dCase): OperatorCall {
  return { op: 'avgPool2d', inputs: { input: c.input }, options: c.options as unknown as Record<string, unknown> };
}
