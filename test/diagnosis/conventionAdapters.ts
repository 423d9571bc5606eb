/**
 * One adapter per named convention (spec/conventions.md kit.diagnosis.conventions): each follows that convention
 * and is otherwise the reference. They are written here, apart from the variants in src/diagnosis (the code under
 * test): own loops for pooling, own index arithmetic for layouts, and the broken adapters of brokenAdapters.ts
 * where one already follows a convention.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, MaxPool2dOptions, Pair, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';

const ref = reference as Required<Pick<Adapter, 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d' | 'avgPool2dBackward'>> & Adapter;
const pairOf = (p: Pair | undefined, d: number): [number, number] => (Array.isArray(p) ? [p[0], p[1]] : [p ?? d, p ?? d]);

function following(id: string, patch: Partial<Adapter>): [string, Adapter] {
  return [id, { ...reference, name: `follows-${id}`, ...patch }];
}

function brokenNamed(name: string): Adapter {
  const found = brokenAdapters.find((b) => b.adapter.name === name);
  if (found === undefined) throw new Error(`no broken adapter ${name}`);
  return found.adapter;
}

/** One pooling axis: size n, kernel k, stride s, dilation d, padding p; ceil mode keeps or drops the last window. */
interface Axis { n: number; k: number; s: number; d: number; p: number; out: number }

function axis(n: number, k: number, s: number, d: number, p: number, ceil: boolean, keepPaddingWindow: boolean): Axis {
  const span = n + 2 * p - d * (k - 1) - 1;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  // pool.ceil-mode.last-window: the last window must start inside the input or the left padding.
  if (ceil && !keepPaddingWindow && (out - 1) * s >= n + p) out--;
  return { n, k, s, d, p, out };
}

function poolAxes(x: TensorData, o: MaxPool2dOptions | AvgPool2dOptions, keepPaddingWindow = false): [Axis, Axis] {
  const [kh, kw] = pairOf(o.kernelSize, 1);
  const [sh, sw] = pairOf(o.stride ?? o.kernelSize, 1);
  const [dh, dw] = pairOf((o as MaxPool2dOptions).dilation, 1);
  const [ph, pw] = pairOf(o.padding, 0);
  const [, , h, w] = x.shape as [number, number, number, number];
  return [axis(h, kh, sh, dh, ph, o.ceilMode === true, keepPaddingWindow), axis(w, kw, sw, dw, pw, o.ceilMode === true, keepPaddingWindow)];
}

/** Max pooling by plain loops, with the knobs the conventions turn. */
function maxPool(knobs: { nanWins: boolean; empty: number; keepPaddingWindow: boolean }) {
  return (x: TensorData, o: MaxPool2dOptions): TensorData => {
    ref.maxPool2d(x, o); // the spec's refusals stand
    const [H, W] = poolAxes(x, o, knobs.keepPaddingWindow);
    const [n, c] = x.shape as [number, number];
    const out: number[] = [];
    for (let q = 0; q < n * c; q++) for (let i = 0; i < H.out; i++) for (let j = 0; j < W.out; j++) {
      let best = -Infinity, any = false;
      for (let a = 0; a < H.k; a++) for (let b = 0; b < W.k; b++) {
        const y = i * H.s - H.p + a * H.d, z = j * W.s - W.p + b * W.d;
        if (y < 0 || y >= H.n || z < 0 || z >= W.n) continue;
        any = true;
        const v = x.data[(q * H.n + y) * W.n + z]!;
        if (v > best || (knobs.nanWins && Number.isNaN(v))) best = v;
      }
      out.push(any ? best : knobs.empty);
    }
    return { shape: [n, c, H.out, W.out], data: out };
  };
}

type Divisor = 'spec' | 'inputs-only' | 'padded-always' | 'full-kernel';

/**
 * Average pooling by plain loops. 'spec': pool.avg.definition (inputs only when countIncludePad is false, else the
 * window clipped to the padded extent); 'inputs-only': always the input elements; 'padded-always': the clipped
 * window even when countIncludePad is false; 'full-kernel': k_h·k_w whenever padding counts.
 */
function avgPool(divisor: Divisor) {
  return (x: TensorData, o: AvgPool2dOptions): TensorData => {
    ref.avgPool2d(x, o);
    const [H, W] = poolAxes(x, o);
    const [n, c] = x.shape as [number, number];
    const countPad = o.countIncludePad !== false;
    const out: number[] = [];
    for (let q = 0; q < n * c; q++) for (let i = 0; i < H.out; i++) for (let j = 0; j < W.out; j++) {
      let sum = 0, inputs = 0, padded = 0;
      for (let a = 0; a < H.k; a++) for (let b = 0; b < W.k; b++) {
        const y = i * H.s - H.p + a, z = j * W.s - W.p + b;
        if (y < H.n + H.p && z < W.n + W.p) padded++;
        if (y < 0 || y >= H.n || z < 0 || z >= W.n) continue;
        inputs++;
        sum += x.data[(q * H.n + y) * W.n + z]!;
      }
      const d = o.divisorOverride ?? (divisor === 'inputs-only' ? inputs : divisor === 'padded-always' ? padded : !countPad ? inputs : divisor === 'full-kernel' ? H.k * W.k : padded);
      out.push(sum / d);
    }
    return { shape: [n, c, H.out, W.out], data: out };
  };
}

/** The avg-pool backward dividing every window's gradient by k_h·k_w (tfjs-backend-cpu AvgPoolGrad). */
function avgPoolBackwardFullKernel(x: TensorData, g: TensorData, o: AvgPool2dOptions): TensorData {
  ref.avgPool2d(x, o);
  const [H, W] = poolAxes(x, o);
  const [n, c] = x.shape as [number, number];
  const grad = new Array<number>(x.data.length).fill(0);
  for (let q = 0; q < n * c; q++) for (let i = 0; i < H.out; i++) for (let j = 0; j < W.out; j++) {
    const share = g.data[(q * H.out + i) * W.out + j]! / (o.divisorOverride ?? H.k * W.k);
    for (let a = 0; a < H.k; a++) for (let b = 0; b < W.k; b++) {
      const y = i * H.s - H.p + a, z = j * W.s - W.p + b;
      if (y >= 0 && y < H.n && z >= 0 && z < W.n) grad[(q * H.n + y) * W.n + z]! += share;
    }
  }
  return { shape: [...x.shape], data: grad };
}

/** TensorFlow 'SAME' at any stride: out = ⌈n/s⌉, total padding split ⌊total/2⌋ before, the rest after. */
function tfSame(x: TensorData, w: TensorData, b: TensorData | null, o: Conv2dOptions = {}): TensorData | Promise<TensorData> {
  const [sh, sw] = pairOf(o.stride, 1);
  if (o.padding !== 'same' || (sh === 1 && sw === 1)) return ref.conv2d(x, w, b, o);
  const [dh, dw] = pairOf(o.dilation, 1);
  const total = (n: number, k: number, s: number, d: number) => Math.max((Math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0);
  const th = total(x.shape[2]!, w.shape[2]!, sh, dh), tw = total(x.shape[3]!, w.shape[3]!, sw, dw);
  return ref.conv2d(x, w, b, { ...o, padding: { top: Math.floor(th / 2), bottom: th - Math.floor(th / 2), left: Math.floor(tw / 2), right: tw - Math.floor(tw / 2) } });
}

/** The weight's bytes read as HWIO [k_h, k_w, C_in/groups, C_out], rearranged to OIHW for the reference. */
function hwioAsOihw(w: TensorData): TensorData {
  const [co, ci, kh, kw] = w.shape as [number, number, number, number];
  const data: number[] = [];
  for (let o = 0; o < co; o++) for (let i = 0; i < ci; i++) for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) data.push(w.data[((a * kw + b) * ci + i) * co + o]!);
  return { shape: [co, ci, kh, kw], data };
}

/** NCHW-labelled bytes read as NHWC, and NCHW results written back as NHWC bytes. */
function nhwcRead(x: TensorData): TensorData {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const data: number[] = [];
  for (let a = 0; a < n; a++) for (let k = 0; k < c; k++) for (let y = 0; y < h; y++) for (let z = 0; z < w; z++) data.push(x.data[((a * h + y) * w + z) * c + k]!);
  return { shape: [n, c, h, w], data };
}
function nhwcWrite(t: TensorData): TensorData {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const data: number[] = [];
  for (let a = 0; a < n; a++) for (let y = 0; y < h; y++) for (let z = 0; z < w; z++) for (let k = 0; k < c; k++) data.push(t.data[((a * c + k) * h + y) * w + z]!);
  return { shape: [n, c, h, w], data };
}

/** Explicit sides of a conv call (any padding form), for the axis-swapping adapters. */
const sidesOf = (x: TensorData, w: TensorData, b: TensorData | null, o: Conv2dOptions) => conv2dGeometry(x.shape, w.shape, b?.shape ?? null, o).pads;

/** Convention id → an adapter that follows it. */
export const conventionAdapters: ReadonlyMap<string, Adapter> = new Map([
  ['true-convolution', brokenNamed('conv-kernel-flipped')],
  following('padding-axes-swapped', {
    conv2d: (x, w, b, o = {}) => {
      const p = sidesOf(x, w, b, o);
      return ref.conv2d(x, w, b, { ...o, padding: { top: p.left, bottom: p.right, left: p.top, right: p.bottom } });
    },
  }),
  ['same-extra-top-left', brokenNamed('conv-same-notes-convention')],
  following('tf-same-padding', { conv2d: tfSame }),
  ['reflect-symmetric', brokenNamed('pad-reflect-repeats-edge')],
  following('replicate-as-zeros', { pad2d: (x, p, m, v) => ref.pad2d(x, p, m === 'replicate' ? 'constant' : m, m === 'replicate' ? 0 : v) }),
  following('count-include-pad-false', { avgPool2d: avgPool('inputs-only') }),
  following('count-include-pad-true', { avgPool2d: avgPool('padded-always') }),
  following('avg-divisor-full-window', { avgPool2d: avgPool('full-kernel') }),
  following('max-pool-nan-ignored', { maxPool2d: maxPool({ nanWins: false, empty: -Infinity, keepPaddingWindow: false }) }),
  following('ceil-keeps-padding-window', { maxPool2d: maxPool({ nanWins: true, empty: -Infinity, keepPaddingWindow: true }) }),
  following('empty-window-lowest-float', { maxPool2d: maxPool({ nanWins: true, empty: -Number.MAX_VALUE, keepPaddingWindow: false }) }),
  following('stride-swapped', {
    conv2d: (x, w, b, o = {}) => {
      const [sh, sw] = pairOf(o.stride, 1);
      return ref.conv2d(x, w, b, { ...o, stride: [sw, sh] });
    },
  }),
  following('weights-hwio', { conv2d: (x, w, b, o) => ref.conv2d(x, hwioAsOihw(w), b, o) }),
  following('nhwc-data', { conv2d: async (x, w, b, o) => nhwcWrite(await ref.conv2d(nhwcRead(x), w, b, o)) }),
  ['output-padding-ignored', brokenNamed('conv-transpose-output-padding-ignored')],
  ['max-grad-all-ties', brokenNamed('maxpool-grad-to-every-tie')],
  following('avg-grad-full-window', { avgPool2dBackward: avgPoolBackwardFullKernel }),
]);

/** Broken adapters of brokenAdapters.ts that follow a convention (the rest have a random bug). */
export const CONVENTION_BUGS: ReadonlyMap<string, string> = new Map([
  ['conv-padding-axes-swapped', 'padding-axes-swapped'],
  ['conv-kernel-flipped', 'true-convolution'],
  ['conv-same-notes-convention', 'same-extra-top-left'],
  ['pad-reflect-repeats-edge', 'reflect-symmetric'],
  ['maxpool-nan-ignored', 'max-pool-nan-ignored'],
  ['maxpool-ceil-last-window-kept', 'ceil-keeps-padding-window'],
  ['avgpool-count-include-pad-ignored', 'count-include-pad-true'],
  ['conv-transpose-output-padding-ignored', 'output-padding-ignored'],
  ['maxpool-grad-to-every-tie', 'max-grad-all-ties'],
  ['avgpool-backward-ignores-count-include-pad', 'avg-grad-full-window'],
]);
