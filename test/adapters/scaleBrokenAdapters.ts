/**
 * Realistic optimised-kernel bugs that show only at realistic scale or at a boundary (issue 10, "Proof"). Each
 * wraps the reference and breaks one path: channel tails, partial output tiles, odd batches, big kernels,
 * depthwise multipliers, SIMD max pooling and NaN, blocked reductions, sub-pixel transposed convolution, wide
 * pool padding, per-plane faults, the circular pad = size boundary and index arithmetic past 2048; and two bugs
 * of a real library, onnxruntime-web 1.30's WebGPU provider (spec/numerics.md `num.calibration.declarations`),
 * each as that library computes it, measured there with one-hot inputs and power-of-two weights.
 *
 * Each says the smallest configuration that shows it (`minimal`, what shrinking must reach) and gives two
 * concrete cases as benchdnn-style descriptors (spec/shape-descriptors.md) or plain calls: `tiny`, where it
 * agrees with the reference, and `shows`, the minimal configuration, where it does not.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pads, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { circularPadWith, conv2dReducing, maxPoolWith, toFloat16 } from './scaleKernels.js';

/** A call to check: a descriptor line (conv, deconv, pools) or a pad2d call; `nan` puts NaN at each plane's first element. */
export type ScaleCase =
  | { readonly descriptor: string; readonly nan?: boolean }
  | { readonly pad2d: { readonly shape: number[]; readonly pads: Pads } };

export interface ScaleBrokenAdapter {
  readonly adapter: Adapter;
  readonly bug: string;
  /** The smallest configuration that shows the bug, in the terms a shrunk counterexample is reported in. */
  readonly minimal: Readonly<Record<string, number>>;
  readonly tiny: ScaleCase;
  readonly shows: ScaleCase;
}

const ref = reference as Required<Pick<Adapter, 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d'>> & Adapter;
const SIMD = 4;
const TILE = 16;

function broken(name: string, bug: string, minimal: Record<string, number>, tiny: ScaleCase, shows: ScaleCase, patch: Partial<Adapter>): ScaleBrokenAdapter {
  return { adapter: { ...reference, name, ...patch }, bug, minimal, tiny, shows };
}

/** A copy of t with `f(index, value)` applied to every element. */
const mapData = (t: TensorData, f: (k: number, v: number) => number): TensorData => ({ shape: [...t.shape], data: Float64Array.from(t.data, (v, k) => f(k, v)) });
const dims = (t: TensorData) => t.shape as [number, number, number, number];

/**
 * ORT WebGPU's Conv2dMMProgram reads a channels-last input in packs of 3 channels when C % 3 = 0, C % 4 ≠ 0 and
 * O % 4 = 0, but the pack starting at channel 3p is read from channel ⌊3p/4⌋ (conv2d_mm.cc indexes `xCh / 4`
 * for both packings): channel c of the input it sums is ⌊3⌊c/3⌋/4⌋ + c mod 3. Measured on ORT with one-hot
 * inputs: C = 9 reads channels 0 1 2 0 1 2 1 2 3; C = 15 reads 0 … 2, 0 … 2, 1 … 3, 2 … 4, 3 … 5.
 */
function vec3PackRead(x: TensorData): TensorData {
  const [, c, h, wd] = dims(x);
  const plane = h * wd;
  return mapData(x, (k) => {
    const ch = Math.floor(k / plane) % c;
    const read = Math.floor((3 * Math.floor(ch / 3)) / 4) + (ch % 3);
    return x.data[k + (read - ch) * plane]!;
  });
}

/**
 * Whether ORT sends the conv to Conv2dMMProgram: one group, and neither of its matmul shapes — a 1 × 1 kernel at
 * stride 1 or a kernel the size of the input, each with no leading pads — on the Conv node, which for a padding
 * mode other than zeros gets the input already padded by a Pad node and pads 0 (src/adapters/onnxruntime/ortGraphs.ts).
 */
function takesConv2dMM(x: TensorData, w: TensorData, o: Conv2dOptions): boolean {
  const g = conv2dGeometry(x.shape, w.shape, null, o);
  if (g.groups !== 1) return false;
  const zeros = g.paddingMode === 'zeros';
  const [top, left] = zeros ? [g.pads.top, g.pads.left] : [0, 0];
  const [h, wd] = zeros ? [g.h.size, g.w.size] : [g.h.size + g.pads.top + g.pads.bottom, g.w.size + g.pads.left + g.pads.right];
  const unpadded = top === 0 && left === 0;
  const pointwise = g.h.kernel === 1 && g.w.kernel === 1 && g.h.stride === 1 && g.w.stride === 1;
  return !(unpadded && (pointwise || (g.h.kernel === h && g.w.kernel === wd)));
}

/**
 * ORT WebGPU's ConvTranspose2DProgram with 2 input channels and 1 output channel per group (groups ≥ 2) keeps the
 * weight as [kh, kw, C] and reads group g's two channels as one vec2 at scalar t·C + 4g instead of t·C + 2g (tap
 * t = a·kw + b; the group's first scalar channel 2g used as a vec2 index). Measured on ORT with one-hot inputs:
 * for a 2 × 2 kernel and 4 channels, group 1 reads taps 1, 2, 3 of channels 0 and 1 for taps 0, 1, 2. Past the
 * end it reads 0 here; ORT answered 0 or the weight's last pair, as its buffer allowed.
 */
function vec2GroupWeights(w: TensorData): TensorData {
  const [c, , kh, kw] = dims(w);
  const taps = kh * kw;
  const stored = (k: number) => (k < c * taps ? w.data[(k % c) * taps + Math.floor(k / c)]! : 0);
  return mapData(w, (k) => {
    const ch = Math.floor(k / taps);
    return stored((k % taps) * c + 4 * Math.floor(ch / 2) + (ch % 2));
  });
}

export const scaleBrokenAdapters: ScaleBrokenAdapter[] = [
  broken('conv-channel-tail-dropped', `the vector loop over input channels (width ${SIMD}) drops the last C_g mod ${SIMD} channels when C_g > ${SIMD}`,
    { channels: 5 }, { descriptor: 'mb1ic3ih3oc2kh3ph1' }, { descriptor: 'mb1ic5ih1oc1kh1' }, {
      conv2d: (x, w, b, o: Conv2dOptions = {}) => {
        const [, c, h, wd] = dims(x);
        const cg = c / (o.groups ?? 1);
        if (cg <= SIMD || cg % SIMD === 0) return ref.conv2d(x, w, b, o);
        return ref.conv2d(mapData(x, (k, v) => (Math.floor(k / (h * wd)) % c) % cg >= cg - (cg % SIMD) ? 0 : v), w, b, o);
      },
    }),
  broken('conv-partial-output-tile', `output columns are computed in tiles of ${TILE}; a partial last tile (outW > ${TILE}, outW mod ${TILE} ≠ 0) is never written`,
    { outWidth: TILE + 1 }, { descriptor: 'mb1ic2ih5oc3kh3ph1' }, { descriptor: `mb1ic1ih1iw${TILE + 1}oc1kh1kw1` }, {
      conv2d: async (x, w, b, o) => {
        const y = await ref.conv2d(x, w, b, o);
        const ow = y.shape[3]!;
        const full = Math.floor(ow / TILE) * TILE;
        return ow > TILE && ow % TILE !== 0 ? mapData(y, (k, v) => (k % ow >= full ? 0 : v)) : y;
      },
    }),
  broken('conv-odd-batch-last-image', 'the batch loop is unrolled by 2 with a scalar path only for N = 1: an odd N ≥ 3 loses its last image (zeros)',
    { batch: 3 }, { descriptor: 'mb2ic2ih4oc2kh3' }, { descriptor: 'mb3ic1ih1oc1kh1' }, {
      conv2d: async (x, w, b, o) => {
        const y = await ref.conv2d(x, w, b, o);
        const n = y.shape[0]!;
        const per = y.data.length / n;
        return n >= 3 && n % 2 === 1 ? mapData(y, (k, v) => (k >= (n - 1) * per ? 0 : v)) : y;
      },
    }),
  broken('conv-big-kernel-last-row', 'the specialised path for kernels of 5 rows or more unrolls kh − 1 rows: the last kernel row is skipped',
    { kernel: 5 }, { descriptor: 'mb1ic2ih5oc2kh3ph1' }, { descriptor: 'mb1ic1ih5oc1kh5' }, {
      conv2d: (x, w, b, o) => {
        const [, , kh, kw] = dims(w);
        return kh >= 5 ? ref.conv2d(x, mapData(w, (k, v) => (Math.floor(k / kw) % kh === kh - 1 ? 0 : v)), b, o) : ref.conv2d(x, w, b, o);
      },
    }),
  broken('conv-depthwise-multiplier', 'depthwise (groups = C) with channel multiplier m > 1: output channel o reads input channel o mod C instead of ⌊o/m⌋',
    { groups: 2, multiplier: 2 }, { descriptor: 'g3mb1ic3ih5oc3kh3ph1' }, { descriptor: 'g2mb1ic2ih1oc4kh1' }, {
      conv2d: (x, w, b, o: Conv2dOptions = {}) => {
        const [n, c, h, wd] = dims(x);
        const out = w.shape[0]!;
        if ((o.groups ?? 1) !== c || out === c || c === 1) return ref.conv2d(x, w, b, o);
        const plane = h * wd;
        const spread: TensorData = { shape: [n, out, h, wd], data: Float64Array.from({ length: n * out * plane }, (_, k) => {
          const img = Math.floor(k / (out * plane));
          const ch = Math.floor(k / plane) % out;
          return x.data[(img * c + (ch % c)) * plane + (k % plane)]!;
        }) };
        return ref.conv2d(spread, w, b, { ...o, groups: out });
      },
    }),
  broken('maxpool-simd-nan-wide-window', 'windows 8 or more wide take an 8-lane SIMD max (maxps), which drops NaN',
    { kernelWidth: 8 }, { descriptor: '--pool mb1ic2ih4kh3', nan: true }, { descriptor: '--pool mb1ic1ih1iw8kh1kw8', nan: true }, {
      maxPool2d: maxPoolWith({ nanWins: ({ kernelW }) => kernelW < 8, offset: (k) => k }),
    }),
  broken('maxpool-simd-nan-channel-block', `channels are pooled in SIMD blocks of ${SIMD} (NaN dropped) and only the C mod ${SIMD} remainder in scalar code`,
    { channels: SIMD }, { descriptor: `--pool mb1ic${SIMD - 1}ih3kh2`, nan: true }, { descriptor: `--pool mb1ic${SIMD}ih1kh1`, nan: true }, {
      maxPool2d: (x: TensorData, o: MaxPool2dOptions) => {
        const c = x.shape[1]!;
        const simd = c - (c % SIMD);
        return maxPoolWith({ nanWins: ({ channel }) => channel >= simd, offset: (k) => k })(x, o);
      },
    }),
  broken('conv-blocked-reduction-tail', 'the reduction over K = C_g·kh·kw runs in blocks of 64 and drops the partial last block when K > 64',
    { reductionLength: 65 }, { descriptor: 'mb1ic7ih5oc2kh3ph1' }, { descriptor: 'mb1ic65ih1oc1kh1' }, {
      conv2d: conv2dReducing((terms) => {
        const kept = terms.length > 64 ? terms.length - (terms.length % 64) : terms.length;
        let s = 0;
        for (let t = 0; t < kept; t++) s += terms[t]!;
        return s;
      }),
    }),
  broken('convt-subpixel-border', 'transposed 4×4 stride 2 runs as four sub-pixel phases; the phase that owns the last output row leaves it unwritten',
    { kernel: 4, stride: 2 }, { descriptor: '--deconv mb1ic2ih3oc2kh3sh2ph1' }, { descriptor: '--deconv mb1ic1ih1oc1kh4sh2ph1' }, {
      convTranspose2d: async (x, w, b, o: ConvTranspose2dOptions = {}) => {
        const y = await ref.convTranspose2d(x, w, b, o);
        const [, , kh, kw] = dims(w);
        const s = Array.isArray(o.stride) ? o.stride : [o.stride ?? 1, o.stride ?? 1];
        if (kh !== 4 || kw !== 4 || s[0] !== 2 || s[1] !== 2) return y;
        const [, , oh, ow] = dims(y);
        return mapData(y, (k, v) => (Math.floor(k / ow) % oh === oh - 1 ? 0 : v));
      },
    }),
  broken('avgpool-wide-padding-divisor', 'padding ≥ 2 takes a path that divides by the in-input count even when countIncludePad is true',
    { padding: 2 }, { descriptor: '--pool --alg=avg_p mb1ic2ih5kh3ph1' }, { descriptor: '--pool --alg=avg_p mb1ic1ih1kh4ph2' }, {
      avgPool2d: (x, o: AvgPool2dOptions) => {
        const p = Array.isArray(o.padding) ? Math.max(...o.padding) : o.padding ?? 0;
        return ref.avgPool2d(x, p >= 2 ? { ...o, countIncludePad: false } : o);
      },
    }),
  broken('maxpool-plane-17', 'planes (n·C + c) are dispatched in chunks of 16 and a chunk offset is off by one: every plane from index 17 on gets its predecessor\'s result',
    { planes: 18 }, { descriptor: '--pool mb1ic4ih4kh2' }, { descriptor: '--pool mb1ic18ih1kh1' }, {
      maxPool2d: async (x, o) => {
        const y = await ref.maxPool2d(x, o);
        const [n, c, oh, ow] = dims(y);
        const plane = oh * ow;
        return n * c > 17 ? mapData(y, (k, v) => (Math.floor(k / plane) >= 17 ? y.data[k - plane]! : v)) : y;
      },
    }),
  broken('pad-circular-pad-equals-size', 'circular padding wraps a left position i < 0 to n − (−i mod n): for pad = size that is column n, the next row\'s first element',
    { padEqualsSize: 1 }, { pad2d: { shape: [1, 2, 3, 3], pads: { top: 1, bottom: 1, left: 2, right: 2 } } }, { pad2d: { shape: [1, 1, 2, 1], pads: { top: 0, bottom: 0, left: 1, right: 0 } } }, {
      pad2d: (x, p, m, v) => (m === 'circular' && Math.min(p.top, p.bottom, p.left, p.right) >= 0 ? circularPadWith((i, n) => n - (-i % n))(x, p) : ref.pad2d(x, p, m, v)),
    }),
  broken('maxpool-float16-offsets', 'in-plane element offsets y·W + x go through a float16 index buffer, exact only up to 2048: past it odd offsets round to even',
    { planeElements: 2050 }, { descriptor: '--pool mb1ic2ih8kh2sh2' }, { descriptor: '--pool mb1ic1ih1iw2050kh1kw1' }, {
      maxPool2d: maxPoolWith({ nanWins: () => true, offset: toFloat16 }),
    }),
  broken('ort-webgpu-conv-vec3-channels', 'with one group, C a multiple of 3 but not of 4 and O a multiple of 4, input channels are read in packs of 3 from channel ⌊3p/4⌋ instead of 3p (ORT WebGPU Conv2dMM)',
    { channels: 6, outChannels: 4 }, { descriptor: 'mb1ic3ih1iw3oc4kh1kw2' }, { descriptor: 'mb1ic6ih1iw3oc4kh1kw2' }, {
      conv2d: (x, w, b, o: Conv2dOptions = {}) => {
        const c = x.shape[1]!;
        const vec3 = c % 3 === 0 && c % 4 !== 0 && w.shape[0]! % 4 === 0;
        return ref.conv2d(vec3 && takesConv2dMM(x, w, o) ? vec3PackRead(x) : x, w, b, o);
      },
    }),
  broken('ort-webgpu-convt-vec2-group-weights', 'with 2 input channels and 1 output channel per group (groups ≥ 2), group g reads its vec2 of weights at scalar 4g instead of 2g (ORT WebGPU ConvTranspose2D)',
    { groups: 2, channels: 2, groupOut: 1 }, { descriptor: '--deconv g2mb1ic4ih1oc4kh1' }, { descriptor: '--deconv g2mb1ic4ih1oc2kh1' }, {
      convTranspose2d: (x, w, b, o: ConvTranspose2dOptions = {}) => {
        const groups = o.groups ?? 1;
        return ref.convTranspose2d(x, groups >= 2 && w.shape[0]! === 2 * groups && w.shape[1] === 1 ? vec2GroupWeights(w) : w, b, o);
      },
    }),
];
