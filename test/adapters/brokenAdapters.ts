/**
 * Deliberately broken adapters, each one realistic bug (several straight from the notes' mistakes). The
 * catalogue must catch every one within the default number of runs, for several seeds.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, MaxPool2dOptions, Pad2dMode, Pads, Pair, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { flipKernel } from '../../src/reference/corr2d.js';
import { padForConv } from '../../src/reference/conv2d.js';
import { toTensor } from '../../src/tensor/tensorData.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { pad2dGeometry } from '../../src/shape/pad2dGeometry.js';
import { maxPool2dGeometry } from '../../src/shape/pool2dGeometry.js';
import { adaptiveBrokenAdapters } from './adaptiveBrokenAdapters.js';
import { float32Adapter } from './float32Adapter.js';

export interface BrokenAdapter {
  readonly adapter: Adapter;
  readonly bug: string;
}

const ref = reference as Required<Pick<Adapter, 'corr2d' | 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d'>> & Adapter;
const pairOf = (p: Pair | undefined, d: number): [number, number] => (Array.isArray(p) ? p : [p ?? d, p ?? d]);
const sides = (c: TensorData, w: TensorData, b: TensorData | null, o: Conv2dOptions) => conv2dGeometry(c.shape, w.shape, b?.shape ?? null, o).pads;

function broken(name: string, bug: string, patch: Partial<Adapter>): BrokenAdapter {
  return { adapter: { ...reference, name, ...patch }, bug };
}

/** A max pool with knobs for the classic mistakes; otherwise the spec's rules. */
function maxPoolWith(knobs: { nanWins?: boolean; padValue?: number; keepLastCeilWindow?: boolean; windowShrink?: number }) {
  return (input: TensorData, opts: MaxPool2dOptions): TensorData => {
    const g0 = maxPool2dGeometry(input.shape, opts);
    const extent = (n: number, k: number, s: number, d: number, p: number) => {
      const span = n + 2 * p - d * (k - 1) - 1;
      return opts.ceilMode ? Math.ceil(span / s) + 1 : Math.floor(span / s) + 1;
    };
    const outH = knobs.keepLastCeilWindow ? extent(g0.h.size, g0.h.kernel, g0.h.stride, g0.h.dilation, g0.h.padBefore) : g0.h.out;
    const outW = knobs.keepLastCeilWindow ? extent(g0.w.size, g0.w.kernel, g0.w.stride, g0.w.dilation, g0.w.padBefore) : g0.w.out;
    const kh = g0.h.kernel - (knobs.windowShrink ?? 0);
    const kw = g0.w.kernel - (knobs.windowShrink ?? 0);
    const out = new Float64Array(g0.batch * g0.channels * outH * outW);
    for (let p = 0; p < g0.batch * g0.channels; p++) for (let i = 0; i < outH; i++) for (let j = 0; j < outW; j++) {
      let best = -Infinity;
      for (let a = 0; a < Math.max(kh, 1); a++) for (let b = 0; b < Math.max(kw, 1); b++) {
        const y = i * g0.h.stride - g0.h.padBefore + a * g0.h.dilation;
        const x = j * g0.w.stride - g0.w.padBefore + b * g0.w.dilation;
        const inside = y >= 0 && y < g0.h.size && x >= 0 && x < g0.w.size;
        const v = inside ? input.data[(p * g0.h.size + y) * g0.w.size + x]! : (knobs.padValue ?? -Infinity);
        if (v > best || ((knobs.nanWins ?? true) && Number.isNaN(v))) best = v;
      }
      out[(p * outH + i) * outW + j] = best;
    }
    return { shape: [g0.batch, g0.channels, outH, outW], data: out };
  };
}

/** conv2d whose inner loop has `if (w === 0) continue` — a common "optimisation". */
function convSkippingZeroTaps(input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const x = padForConv(toTensor(input, 'conv2d', 'input'), g);
  const [, , ph, pw] = x.shape as [number, number, number, number];
  const gi = g.inChannels / g.groups;
  const go = g.outChannels / g.groups;
  const out = new Float64Array(g.batch * g.outChannels * g.h.out * g.w.out);
  for (let n = 0; n < g.batch; n++) for (let o = 0; o < g.outChannels; o++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
    let s = bias ? bias.data[o]! : 0;
    for (let c = 0; c < gi; c++) for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
      const wv = weight.data[((o * gi + c) * g.h.kernel + a) * g.w.kernel + b]!;
      if (wv === 0) continue;
      s += wv * x.data[((n * g.inChannels + Math.floor(o / go) * gi + c) * ph + i * g.h.stride + a * g.h.dilation) * pw + j * g.w.stride + b * g.w.dilation]!;
    }
    out[((n * g.outChannels + o) * g.h.out + i) * g.w.out + j] = s;
  }
  return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
}

/** pad2d with a different index rule for one mode. */
function padWith(mode: Pad2dMode, source: (i: number, n: number) => number) {
  return (input: TensorData, pads: Pads, m: Pad2dMode, value = 0): TensorData => {
    if (m !== mode) return ref.pad2d(input, pads, m, value) as TensorData;
    const g = pad2dGeometry(input.shape, pads, m);
    const out = new Float64Array((input.data.length / (g.height * g.width)) * g.outH * g.outW);
    for (let p = 0; p < out.length / (g.outH * g.outW); p++) for (let i = 0; i < g.outH; i++) for (let j = 0; j < g.outW; j++) {
      const r = source(i - pads.top, g.height);
      const c = source(j - pads.left, g.width);
      out[(p * g.outH + i) * g.outW + j] = input.data[(p * g.height + r) * g.width + c]!;
    }
    return { shape: [...g.outerShape, g.outH, g.outW], data: out };
  };
}

/** Moves every plane's content by (dy, dx), dropping what falls off and filling with 0. */
function shifted(t: TensorData, dy: number, dx: number): TensorData {
  const h = t.shape[t.shape.length - 2]!;
  const w = t.shape[t.shape.length - 1]!;
  const data = new Float64Array(t.data.length);
  for (let p = 0; p < t.data.length / (h * w); p++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) {
    const si = i - dy;
    const sj = j - dx;
    if (si >= 0 && si < h && sj >= 0 && sj < w) data[(p * h + i) * w + j] = t.data[(p * h + si) * w + sj]!;
  }
  return { shape: [...t.shape], data };
}

/** Max-pool backward that gives the gradient to every element equal to the window's maximum. */
function maxPoolBackwardToEveryTie(input: TensorData, gradOutput: TensorData, opts: MaxPool2dOptions): TensorData {
  const g = maxPool2dGeometry(input.shape, opts);
  const y = maxPoolWith({})(input, opts);
  const grad = new Float64Array(input.data.length);
  for (let p = 0; p < g.batch * g.channels; p++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
    const o = (p * g.h.out + i) * g.w.out + j;
    for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
      const r = i * g.h.stride - g.h.padBefore + a * g.h.dilation;
      const c = j * g.w.stride - g.w.padBefore + b * g.w.dilation;
      if (r < 0 || r >= g.h.size || c < 0 || c >= g.w.size) continue;
      if (input.data[(p * g.h.size + r) * g.w.size + c] === y.data[o]) grad[(p * g.h.size + r) * g.w.size + c]! += gradOutput.data[o]!;
    }
  }
  return { shape: [...input.shape], data: grad };
}

/** The reference's answer, or a garbage 1-element tensor where the reference rejects the call. */
function answerAnyway(f: () => TensorData | Promise<TensorData>): TensorData | Promise<TensorData> {
  try {
    return f();
  } catch {
    return { shape: [1], data: [0] };
  }
}

export const brokenAdapters: BrokenAdapter[] = [
  broken('conv-padding-axes-swapped', "note 004's conv2d_padding: pads the height with the width padding", {
    conv2d: (x, w, b, o = {}) => {
      const p = sides(x, w, b, o);
      return ref.conv2d(x, w, b, { ...o, padding: { top: p.left, bottom: p.right, left: p.top, right: p.bottom } });
    },
  }),
  broken('conv-output-size-ceil', 'ceil instead of floor in the output size (reads one window past the end as zeros)', {
    conv2d: (x, w, b, o = {}) => {
      const [sh, sw] = pairOf(o.stride, 1);
      const p = sides(x, w, b, o);
      return ref.conv2d(x, w, b, { ...o, paddingMode: 'zeros', padding: { ...p, bottom: p.bottom + sh - 1, right: p.right + sw - 1 } });
    },
  }),
  broken('conv-kernel-flipped', 'true convolution where cross-correlation is meant (kernel rotated 180°)', {
    conv2d: (x, w, b, o) => ref.conv2d(x, flipKernel({ shape: w.shape, data: Float64Array.from(w.data) }), b, o),
    corr2d: (x, k) => ref.corr2d(x, flipKernel({ shape: k.shape, data: Float64Array.from(k.data) })),
  }),
  broken('conv-stride-height-only', 'a stride pair collapsed to its first element', {
    conv2d: (x, w, b, o = {}) => ref.conv2d(x, w, b, { ...o, stride: pairOf(o.stride, 1)[0] }),
  }),
  broken('conv-dilation-ignored', 'dilation accepted but not applied', {
    conv2d: (x, w, b, o = {}) => ref.conv2d(x, w, b, { ...o, dilation: 1 }),
  }),
  broken('conv-groups-share-first-slice', 'every group reads the first group of input channels', {
    conv2d: (x, w, b, o = {}) => {
      const g = o.groups ?? 1;
      if (g === 1) return ref.conv2d(x, w, b, o);
      const [n, c, h, wd] = x.shape as [number, number, number, number];
      const per = c / g;
      const data = Float64Array.from({ length: x.data.length }, (_, i) => {
        const ch = Math.floor(i / (h * wd)) % c;
        return x.data[i - (ch - (ch % per)) * h * wd]!;
      });
      return ref.conv2d({ shape: [n, c, h, wd], data }, w, b, o);
    },
  }),
  broken('conv-bias-first-channel', 'bias[0] added to every output channel', {
    conv2d: (x, w, b, o) => ref.conv2d(x, w, b === null ? null : { shape: b.shape, data: Array.from(b.data, () => b.data[0]!) }, o),
  }),
  broken('conv-same-notes-convention', "'same' puts the odd extra row on top (the notes' 001 §2.1) instead of bottom", {
    conv2d: (x, w, b, o = {}) => {
      if (o.padding !== 'same') return ref.conv2d(x, w, b, o);
      const p = sides(x, w, b, o);
      return ref.conv2d(x, w, b, { ...o, padding: { top: p.bottom, bottom: p.top, left: p.right, right: p.left } });
    },
  }),
  broken('conv-skips-zero-weights', 'skips taps whose weight is 0, so a NaN or ∞ under a zero weight vanishes', { conv2d: convSkippingZeroTaps }),
  { adapter: float32Adapter('float32-claims-float64', 'float64'), bug: 'computes in float32 but declares float64: loses precision' },
  broken('pad-reflect-repeats-edge', "reflect implemented as 'symmetric' (the edge pixel repeated)", {
    pad2d: padWith('reflect', (i, n) => (i < 0 ? -i - 1 : i >= n ? 2 * n - 1 - i : i)),
  }),
  broken('pad-circular-as-replicate', 'circular padding clamps to the edge instead of wrapping', {
    pad2d: padWith('circular', (i, n) => Math.min(Math.max(i, 0), n - 1)),
  }),
  broken('pad-negative-ignored', 'negative pads treated as 0 instead of cropping', {
    pad2d: (x, p, m, v) => ref.pad2d(x, { top: Math.max(p.top, 0), bottom: Math.max(p.bottom, 0), left: Math.max(p.left, 0), right: Math.max(p.right, 0) }, m, v),
  }),
  broken('maxpool-nan-ignored', 'max pooling with `v > best` only: NaN never wins', { maxPool2d: maxPoolWith({ nanWins: false }) }),
  broken('maxpool-zero-padding', 'max pooling pads with 0 instead of −∞', { maxPool2d: maxPoolWith({ padValue: 0 }) }),
  broken('maxpool-ceil-last-window-kept', 'ceil mode keeps a last window that starts in the right padding', { maxPool2d: maxPoolWith({ keepLastCeilWindow: true }) }),
  broken('maxpool-window-off-by-one', 'window loop stops one short (k − 1 taps per axis)', { maxPool2d: maxPoolWith({ windowShrink: 1 }) }),
  broken('pool-square-kernel', 'kernelSize pair collapsed to its first element (square windows only)', {
    maxPool2d: (x, o) => ref.maxPool2d(x, { ...o, kernelSize: pairOf(o.kernelSize, 1)[0], stride: o.stride ?? o.kernelSize, padding: pairOf(o.padding, 0)[0] }),
    avgPool2d: (x, o) => ref.avgPool2d(x, { ...o, kernelSize: pairOf(o.kernelSize, 1)[0], stride: o.stride ?? o.kernelSize, padding: pairOf(o.padding, 0)[0] }),
  }),
  broken('avgpool-count-include-pad-ignored', 'count_include_pad ignored: always divides by the whole window', {
    avgPool2d: (x, o: AvgPool2dOptions) => ref.avgPool2d(x, { ...o, countIncludePad: true }),
  }),
  broken('avgpool-divisor-override-ignored', 'divisor_override accepted but not applied', {
    avgPool2d: (x, o: AvgPool2dOptions) => {
      const { divisorOverride: _ignored, ...rest } = o;
      return ref.avgPool2d(x, rest);
    },
  }),
  broken('conv-transpose-output-padding-ignored', 'outputPadding accepted but not applied', {
    convTranspose2d: (x, w, b, o = {}) => ref.convTranspose2d(x, w, b, { ...o, outputPadding: 0 }),
  }),
  broken('corr2d-drops-last-row', "output height h − kh instead of h − kh + 1 (an off-by-one in the notes' loop bounds)", {
    corr2d: async (x, k) => {
      const y = await ref.corr2d(x, k);
      const [h, w] = y.shape as [number, number];
      return h > 1 ? { shape: [h - 1, w], data: Array.from(y.data).slice(0, (h - 1) * w) } : y;
    },
  }),
  broken('accepts-invalid-configurations', 'clamps invalid options (stride 0, over-large padding, …) instead of rejecting them, in every forward operator', {
    conv2d: (x, w, b, o = {}) => answerAnyway(() => ref.conv2d(x, w, b, o)),
    convTranspose2d: (x, w, b, o = {}) => answerAnyway(() => ref.convTranspose2d!(x, w, b, o)),
    pad2d: (x, pads, mode, value) => answerAnyway(() => ref.pad2d!(x, pads, mode, value)),
    maxPool2d: (x, o) => answerAnyway(() => ref.maxPool2d!(x, o)),
    avgPool2d: (x, o) => answerAnyway(() => ref.avgPool2d!(x, o)),
  }),
  broken('conv-input-grad-shifted-with-padding', 'the input gradient is misaligned by one row when padding > 0', {
    conv2dBackward: async (x, w, b, g, o = {}) => {
      const grads = await ref.conv2dBackward!(x, w, b, g, o);
      const p = sides(x, w, b, o);
      return p.top + p.bottom + p.left + p.right > 0 ? { ...grads, input: shifted(grads.input, 1, 0) } : grads;
    },
  }),
  broken('maxpool-grad-to-every-tie', 'the max-pool gradient is sent to every tied maximum', { maxPool2dBackward: maxPoolBackwardToEveryTie }),
  broken('maxpool-argmax-ignores-padding', 'the argmax is decoded without subtracting the padding offset', {
    maxPool2dBackward: async (x, g, o) => {
      const [ph, pw] = pairOf(o.padding, 0);
      return shifted(await ref.maxPool2dBackward!(x, g, o), ph, pw);
    },
  }),
  broken('avgpool-backward-ignores-count-include-pad', 'the backward divides by the whole window even without count_include_pad', {
    avgPool2dBackward: (x, g, o: AvgPool2dOptions) => ref.avgPool2dBackward!(x, g, { ...o, countIncludePad: true }),
  }),
  broken('conv-transpose-weight-grad-flipped', 'the transposed convolution returns its weight gradient rotated 180°', {
    convTranspose2dBackward: async (x, w, b, g, o) => {
      const grads = await ref.convTranspose2dBackward!(x, w, b, g, o);
      return { ...grads, weight: flipKernel({ shape: grads.weight.shape, data: Float64Array.from(grads.weight.data) }) };
    },
  }),
  broken('pad-backward-crops-only', 'pad2d backward crops, forgetting what reflect/replicate/circular copied', {
    pad2dBackward: (x, g, p, _m) => ref.pad2dBackward!(x, g, p, 'constant'),
  }),
  ...adaptiveBrokenAdapters,
];
