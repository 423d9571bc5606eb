/**
 * Valid conv2d configurations with their tensors. Tiny cases (≤ 2 batches, ≤ 4 channels, ≤ 9×9 inputs, ≤ 3×3
 * kernels) and, by scale, a share of realistic ones within a work budget (`shape.scale`). Sizes are chosen after the options so every case is valid by construction —
 * no filtering — and every padding form and mode is drawn (`conv.padding.forms`, `conv.padding.mode`).
 */
import fc from 'fast-check';
import type { Conv2dOptions, PaddingMode, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { resolveConvPadding } from '../../src/shape/conv2dGeometry.js';
import { oneTo, tensorArb, upTo } from './values.js';
import { kernelExtentArb, roundChannelsArb, scaleMix, sizeArb, vec3ChannelsArb } from './scaleMix.js';
import { favouredInteger } from './favouredInteger.js';
import { SCALE_MODELS, type Scale, type ScaleModel } from '../../src/shape/scale.js';

export interface Conv2dCase {
  readonly input: TensorData;
  readonly weight: TensorData;
  readonly bias: TensorData | null;
  readonly options: Conv2dOptions;
}

export interface Conv2dCaseConstraints {
  readonly stride?: boolean;
  readonly dilation?: boolean;
  readonly groups?: boolean;
  readonly bias?: boolean;
  readonly modes?: readonly PaddingMode[];
  /** Allow 'same' and asymmetric {top, …} padding. */
  readonly paddingForms?: boolean;
  /** A fixed padding for every case (inputs are sized for it). */
  readonly padding?: 'valid' | 'same';
  readonly maxBatch?: number;
}

const paddingArb = (forms: boolean): fc.Arbitrary<Conv2dOptions['padding'] | undefined> =>
  forms
    ? fc.oneof(
        fc.constant(undefined),
        fc.constant<'valid'>('valid'),
        fc.constant<'same'>('same'),
        upTo(2),
        fc.tuple(upTo(2), upTo(2)),
        fc.record({ top: upTo(2), bottom: upTo(2), left: upTo(2), right: upTo(2) }),
      )
    : fc.oneof(fc.constant(undefined), upTo(2), fc.tuple(upTo(2), upTo(2)));

interface ConvParams {
  readonly batch: number;
  readonly groups: number;
  readonly groupIn: number;
  readonly groupOut: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly dilation: [number, number];
  readonly padding: Conv2dOptions['padding'] | undefined;
  readonly mode: PaddingMode;
  readonly extra: [number, number];
  readonly bias: boolean;
  /** The boundary the case is drawn for on purpose, if any (`shape.boundaries`). */
  readonly edge: Edge;
}

/**
 * The conv2d boundaries drawn on purpose (`shape.boundaries`), each with a set probability: `pad-limit` (20%)
 * puts the largest reflect or circular pad at its mode's limit (pad = size − 1, pad = size); `same-even` (5%)
 * is 'same' padding with an even dilated kernel along the width; `dilated-fills` (5%) is a dilated kernel
 * exactly as long as the padded height. Each applies only where the constraints allow it.
 */
type Edge = 'none' | 'pad-limit' | 'same-even' | 'dilated-fills';
const edgeArb: fc.Arbitrary<Edge> = fc.oneof(
  { weight: 70, arbitrary: fc.constant<Edge>('none') },
  { weight: 20, arbitrary: fc.constant<Edge>('pad-limit') },
  { weight: 5, arbitrary: fc.constant<Edge>('same-even') },
  { weight: 5, arbitrary: fc.constant<Edge>('dilated-fills') },
);

/** The parts of a case every profile draws the same way, honouring the constraints. */
function common(c: Conv2dCaseConstraints) {
  return {
    stride: c.stride === false ? fc.constant<[number, number]>([1, 1]) : fc.tuple(oneTo(3), oneTo(3)),
    dilation: c.dilation === false ? fc.constant<[number, number]>([1, 1]) : fc.tuple(oneTo(2), oneTo(2)),
    padding: c.padding !== undefined ? fc.constant(c.padding) : paddingArb(c.paddingForms ?? true),
    mode: fc.constantFrom(...(c.modes ?? (['zeros', 'reflect', 'replicate', 'circular'] as const))),
    bias: c.bias === false ? fc.constant(false) : fc.boolean(),
    edge: edgeArb,
  };
}

function tinyParams(c: Conv2dCaseConstraints): fc.Arbitrary<ConvParams> {
  return fc.record({
    ...common(c),
    batch: oneTo(c.maxBatch ?? 2),
    groups: c.groups === false ? fc.constant(1) : oneTo(2),
    groupIn: oneTo(2),
    groupOut: oneTo(2),
    kernel: fc.tuple(oneTo(3), oneTo(3)),
    extra: fc.tuple(upTo(3), upTo(3)),
  });
}

/** The longest reduction the pointwise profile draws: past 256 with a tail (`shape.scale`: K beyond 32, 64 and 256). */
const LONG_REDUCTION = 320;
/** Reduction lengths just past a block of 32, 64 or 256 terms, or one short of it. */
const REDUCTION_TAILS: readonly number[] = [31, 33, 63, 65, 127, 129, 255, 257];

/**
 * The vector-width profile's weight against 1 for each other realistic profile: 2 in 9 or 10 realistic cases
 * (4 to 5% of the default scale's cases; 25 of 800 default-seed conv2d cases have the exact pairing). Realistic
 * cases cost the same work budget whichever profile draws them, so the weight moves no run time; it makes a 100-run
 * property draw the pairing a few times.
 */
export const VECTOR_WIDTH_WEIGHT = 2;
/** The longest reduction K = C·kh·kw the vector-width profile draws: one block of 64 terms. */
const VECTOR_WIDTH_MAX_REDUCTION = 64;

/**
 * Realistic profiles (`shape.scale`), each wide along the dimensions one optimised path depends on and tiny
 * along the rest, so a failure shrinks along its own dimension: channel tails and long reductions (K =
 * C/groups·kh·kw past 32, 64, 256), wide rows crossing two 16-wide tiles plus a remainder, 5×5 and 7×7
 * kernels, depthwise with channel multipliers 1–4, odd batches, 1×1 stride-2 downsampling, pointwise layers
 * with K up to 320, and channel pairs from vector widths (vec3-packed inputs with round output counts, drawn
 * {@link VECTOR_WIDTH_WEIGHT} times as often as each other profile).
 */
function realisticParams(c: Conv2dCaseConstraints, m: ScaleModel): fc.Arbitrary<ConvParams> {
  const base = common(c);
  const one = fc.constant(1);
  const tinyKernel = fc.tuple(oneTo(3), oneTo(3));
  const profiles: fc.Arbitrary<ConvParams>[] = [
    fc.record({ ...base, batch: oneTo(Math.min(2, c.maxBatch ?? 2)), groups: one, groupIn: sizeArb(m.maxChannels), groupOut: sizeArb(m.maxChannels), kernel: tinyKernel, extra: fc.tuple(upTo(3), upTo(3)) }),
    fc.record({ ...base, batch: one, groups: one, groupIn: oneTo(2), groupOut: oneTo(2), kernel: tinyKernel, extra: fc.tuple(upTo(4), sizeArb(m.maxExtent - 3, 0)) }),
    fc.record({ ...base, batch: one, groups: one, groupIn: oneTo(3), groupOut: oneTo(3), kernel: fc.tuple(kernelExtentArb, kernelExtentArb), extra: fc.tuple(upTo(6), upTo(6)) }),
    fc.record({ ...base, batch: oneTo(c.maxBatch ?? m.maxBatch), groups: one, groupIn: oneTo(3), groupOut: oneTo(3), kernel: tinyKernel, extra: fc.tuple(upTo(3), upTo(3)) }),
  ];
  // Long reductions (K = C/groups past 64 and 256) as pointwise layers: K is then the channel count alone, so a
  // bug at a reduction length shrinks to that length (with kh·kw > 1 it stops at the first product past it).
  profiles.push(fc.record({ ...base, batch: one, groups: one, groupIn: favouredInteger({ min: 1, max: LONG_REDUCTION, favoured: REDUCTION_TAILS, share: 1 / 3 }), groupOut: oneTo(3), kernel: fc.constant<[number, number]>([1, 1]), extra: fc.tuple(upTo(2), upTo(2)) }));
  // Vector widths: C a multiple of 3 but not of 4 with O a multiple of 4, 8 or 16, the pairing no tail list draws
  // (TAIL_SIZES are odd). Kernels up to 3 × 3 keep most draws off the 1 × 1 shapes libraries send to a matmul.
  // Wide in the channel residues and tiny along the rest: no boundary edge, and the kernel gives way until K =
  // C·kh·kw fits one block of 64, so a reduction-length bug is left to the profiles that shrink along K.
  const vectorWidths = fc
    .record({ ...base, edge: fc.constant<Edge>('none'), batch: one, groups: one, groupIn: vec3ChannelsArb(m.maxChannels), groupOut: roundChannelsArb(m.maxChannels), kernel: tinyKernel, extra: fc.tuple(upTo(3), upTo(3)) })
    .map((p): ConvParams => {
      let [kh, kw] = p.kernel;
      while (p.groupIn * kh * kw > VECTOR_WIDTH_MAX_REDUCTION && kh > 1) kh--;
      while (p.groupIn * kh * kw > VECTOR_WIDTH_MAX_REDUCTION && kw > 1) kw--;
      return { ...p, kernel: [kh, kw] };
    });
  if (c.groups !== false) {
    profiles.push(fc.record({ ...base, batch: oneTo(Math.min(3, c.maxBatch ?? 3)), groups: sizeArb(32), groupIn: one, groupOut: oneTo(4), kernel: fc.tuple(kernelExtentArb, kernelExtentArb), extra: fc.tuple(upTo(8), upTo(8)) }));
  }
  if (c.stride !== false && c.padding !== 'same') {
    profiles.push(fc.record({ ...base, batch: one, groups: one, groupIn: sizeArb(32), groupOut: sizeArb(32), kernel: fc.constant<[number, number]>([1, 1]), stride: fc.constant<[number, number]>([2, 2]), extra: fc.tuple(upTo(12), upTo(12)) }));
  }
  return fc.oneof(...profiles, { weight: VECTOR_WIDTH_WEIGHT, arbitrary: vectorWidths });
}

/** Multiply-adds of one forward call: N·O·OH·OW·(C/groups)·kh·kw. */
function convWork(p: ConvParams, height: number, width: number): number {
  const out = (n: number, k: number, d: number, s: number) => Math.max(1, Math.floor((n - d * (k - 1) - 1) / s) + 1);
  return p.batch * p.groups * p.groupOut * out(height, p.kernel[0], p.dilation[0], p.stride[0]) * out(width, p.kernel[1], p.dilation[1], p.stride[1]) * p.groupIn * p.kernel[0] * p.kernel[1];
}

export function conv2dCaseArb(c: Conv2dCaseConstraints = {}, scale: Scale = 'default'): fc.Arbitrary<Conv2dCase> {
  return scaleMix(scale, tinyParams(c), (m) => realisticParams(c, m)).chain((drawn) => {
    const p = atEdge(drawn, c);
    const stride: [number, number] = p.padding === 'same' ? [1, 1] : p.stride;
    const pads = resolveConvPadding('conv2d', p.padding, p.kernel, p.dilation, stride);
    const span = (k: number, d: number) => d * (k - 1) + 1;
    // Big enough for the kernel, and for reflect (pad < size) and circular (pad ≤ size) limits; the
    // 'pad-limit' edge puts the largest pad exactly at its mode's limit where the kernel allows it (`shape.boundaries`).
    const atLimit = p.edge === 'pad-limit' && (p.mode === 'circular' || p.mode === 'reflect');
    const limitGap = atLimit && p.mode === 'circular' ? 0 : 1;
    const axisSize = (k: number, d: number, before: number, after: number, extra: number) => {
      const padFloor = Math.max(before, after) + limitGap;
      return Math.max(1, span(k, d) - before - after, padFloor) + (atLimit ? 0 : extra);
    };
    let height = axisSize(p.kernel[0], p.dilation[0], pads.top, pads.bottom, p.extra[0]);
    let width = axisSize(p.kernel[1], p.dilation[1], pads.left, pads.right, p.extra[1]);
    // A realistic case stays within the scale's work budget: the rows give way first, then the columns.
    const budget = SCALE_MODELS[scale].workBudget;
    const floorH = axisSize(p.kernel[0], p.dilation[0], pads.top, pads.bottom, 0);
    const floorW = axisSize(p.kernel[1], p.dilation[1], pads.left, pads.right, 0);
    while (budget > 0 && height > floorH && convWork(p, height, width) > budget) height--;
    while (budget > 0 && width > floorW && convWork(p, height, width) > budget) width--;
    const options: Conv2dOptions = { stride, dilation: p.dilation, groups: p.groups, paddingMode: p.mode };
    if (p.padding !== undefined) options.padding = p.padding;
    const outChannels = p.groups * p.groupOut;
    return fc.record({
      input: tensorArb([p.batch, p.groups * p.groupIn, height, width]),
      weight: tensorArb([outChannels, p.groupIn, p.kernel[0], p.kernel[1]]),
      bias: p.bias ? tensorArb([outChannels]) : fc.constant(null),
      options: fc.constant(options),
    });
  });
}

/**
 * The drawn parameters moved onto their edge (`shape.boundaries`), where the constraints allow it; 'none' and
 * an edge the constraints rule out leave them as drawn, so a shrunk case falls back to its plain draw.
 */
function atEdge(p: ConvParams, c: Conv2dCaseConstraints): ConvParams {
  const modes = c.modes ?? ['zeros', 'reflect', 'replicate', 'circular'];
  const freePadding = c.padding === undefined;
  if (p.edge === 'pad-limit') {
    // A limited mode (zeros → circular, replicate → reflect, when allowed) with a positive pad.
    const limited = p.mode === 'zeros' && modes.includes('circular') ? 'circular' : p.mode === 'replicate' && modes.includes('reflect') ? 'reflect' : p.mode;
    const stride: [number, number] = p.padding === 'same' ? [1, 1] : p.stride;
    const pads = resolveConvPadding('conv2d', p.padding, p.kernel, p.dilation, stride);
    const unpadded = pads.top + pads.bottom + pads.left + pads.right === 0;
    return { ...p, mode: limited, padding: unpadded && freePadding ? 1 : p.padding };
  }
  if (p.edge === 'same-even' && (c.padding === 'same' || (freePadding && c.paddingForms !== false))) {
    // d·(k − 1) + 1 is even exactly when d is odd and k is even.
    const kernel: [number, number] = [p.kernel[0], p.kernel[1] % 2 === 0 ? p.kernel[1] : p.kernel[1] + 1];
    const dilation: [number, number] = [p.dilation[0], p.dilation[1] % 2 === 1 ? p.dilation[1] : p.dilation[1] - 1];
    return { ...p, padding: 'same', kernel, dilation };
  }
  if (p.edge === 'dilated-fills' && c.dilation !== false && c.padding !== 'same') {
    // The height is then sized to the dilated extent minus the pads; 'same' pads (d(k − 1) in all) or pads
    // the reflect/circular floor keeps the axis above give way to no padding.
    const kernel: [number, number] = [Math.max(2, p.kernel[0]), p.kernel[1]];
    const dilation: [number, number] = [Math.max(2, p.dilation[0]), p.dilation[1]];
    const pads = resolveConvPadding('conv2d', p.padding === 'same' ? undefined : p.padding, kernel, dilation, p.stride);
    const fits = p.padding !== 'same' && dilation[0] * (kernel[0] - 1) + 1 - pads.top - pads.bottom >= Math.max(pads.top, pads.bottom) + 1;
    return { ...p, kernel, dilation, extra: [0, p.extra[1]], padding: fits || !freePadding ? p.padding : undefined };
  }
  return p;
}

export function conv2dCall(c: Conv2dCase): OperatorCall {
  return { op: 'conv2d', inputs: { input: c.input, weight: c.weight, bias: c.bias }, options: c.options as Record<string, unknown> };
}
