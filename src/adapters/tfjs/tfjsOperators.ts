/**
 * The contract's operators written with TensorFlow.js ops, on NCHW tensors: each converts to tfjs's NHWC / HWIO
 * layouts, calls the tfjs op that does the work, and converts back. Only layout, option spelling and
 * composition of tfjs ops happen here — never arithmetic on values — so what is checked is tfjs's. The
 * backward operators differentiate these functions with tf.grads, i.e. with tfjs's registered gradients.
 */
import type { AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pad2dMode, Pads, Pair } from '../../adapter/contract.js';
import type * as Tf from '@tensorflow/tfjs-core';

type T4 = Tf.Tensor4D;
type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** int-or-pair options, read once in src/shape/pair.ts. */
export { pairOf as pair } from '../../shape/pair.js';
import { pairOf as pair } from '../../shape/pair.js';

/**
 * Sides of conv2d's padding as the adapter hands them to tfjs (also read by ../tfjs-wasm/refusingOutOfBoundsWindows.ts);
 * 'same' split as tf (and `conv.padding.same.torch`): the odd row goes after.
 */
export function tfjsConvSides(o: Conv2dOptions, kh: number, kw: number): Pads {
  const p = o.padding;
  if (p === undefined || p === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (p === 'same') {
    const [dh, dw] = pair(o.dilation, 1);
    const th = dh * (kh - 1);
    const tw = dw * (kw - 1);
    return { top: Math.floor(th / 2), bottom: th - Math.floor(th / 2), left: Math.floor(tw / 2), right: tw - Math.floor(tw / 2) };
  }
  if (typeof p === 'object' && !Array.isArray(p)) return p;
  const [ph, pw] = pair(p as Pair, 0);
  return { top: ph, bottom: ph, left: pw, right: pw };
}

/** The operators on one tfjs instance (the user's installation, loaded by tfjsRuntime.ts). */
export function tfjsOperators(tf: typeof Tf) {
  const toNhwc = (x: Tf.Tensor): T4 => tf.transpose(x as T4, [0, 2, 3, 1]);
  const toNchw = (x: Tf.Tensor): T4 => tf.transpose(x as T4, [0, 3, 1, 2]);
  const spatial = (top: number, bottom: number, left: number, right: number): ExplicitPadding => [[0, 0], [top, bottom], [left, right], [0, 0]];

  /** Splits x (and w) along their channel axes into `groups` parts, runs `one` on each pair, concatenates. */
  function grouped(x: T4, w: T4, groups: number, xAxis: number, wAxis: number, one: (x: T4, w: T4) => T4): T4 {
    if (groups === 1) return one(x, w);
    const xs = tf.split(x, groups, xAxis) as T4[];
    const ws = tf.split(w, groups, wAxis) as T4[];
    return tf.concat(xs.map((xi, g) => one(xi, ws[g]!)), 3) as T4;
  }

  function conv2d(x: T4, w: T4, b: Tf.Tensor1D | null, o: Conv2dOptions = {}): T4 {
    const [, , kh, kw] = w.shape;
    const mode = o.paddingMode ?? 'zeros';
    let xh = toNhwc(x);
    let pad: 'valid' | 'same' | ExplicitPadding;
    if (mode === 'reflect') {
      const s = tfjsConvSides(o, kh, kw);
      xh = tf.mirrorPad(xh, spatial(s.top, s.bottom, s.left, s.right), 'reflect');
      pad = 'valid';
    } else if (mode !== 'zeros') {
      throw new Error(`tfjs has no '${mode}' padding (tf.mirrorPad offers reflect and symmetric only)`);
    } else if (o.padding === 'same' || o.padding === 'valid') {
      pad = o.padding;
    } else {
      const s = tfjsConvSides(o, kh, kw);
      pad = spatial(s.top, s.bottom, s.left, s.right);
    }
    const strides = pair(o.stride, 1);
    const dilations = pair(o.dilation, 1);
    const wh = tf.transpose(w, [2, 3, 1, 0]); // OIHW → HWIO
    // tf.conv2d refuses a stride and a dilation both > 1 ("Either strides or dilations must be 1"): then the
    // dilated convolution runs at stride 1 and every s-th row and column is kept (stride is subsampling, exact).
    const subsample = strides.some((v) => v > 1) && dilations.some((v) => v > 1);
    let y = grouped(xh, wh, o.groups ?? 1, 3, 3, (xi, wi) => tf.conv2d(xi, wi, subsample ? 1 : strides, pad, 'NHWC', dilations));
    if (subsample) y = tf.stridedSlice(y, [0, 0, 0, 0], y.shape, [1, strides[0], strides[1], 1]) as T4;
    if (b) y = tf.add(y, b); // tfjs's conv2d has no bias; tf.fused.conv2d adds it the same way (broadcasting)
    return toNchw(y);
  }

  function convTranspose2d(x: T4, w: T4, b: Tf.Tensor1D | null, o: ConvTranspose2dOptions = {}): T4 {
    const [n, c, h, wd] = x.shape;
    const [, og, kh, kw] = w.shape;
    const groups = o.groups ?? 1;
    const [sh, sw] = pair(o.stride, 1);
    const [ph, pw] = pair(o.padding, 0);
    const [oph, opw] = pair(o.outputPadding, 0);
    const [dh, dw] = pair(o.dilation, 1);
    if (dh !== 1 || dw !== 1) throw new Error(`tf.conv2dTranspose has no dilation (got dilation [${dh}, ${dw}])`);
    if (c % groups !== 0) throw new Error(`groups=${groups} does not divide the ${c} input channels`);
    // tfjs takes the output shape instead of outputPadding: the input size of the conv2d this transposes.
    const outH = (h - 1) * sh - 2 * ph + kh + oph;
    const outW = (wd - 1) * sw - 2 * pw + kw + opw;
    const wh = tf.transpose(w, [2, 3, 1, 0]); // [C, O/G, kh, kw] → [kh, kw, O/G, C]
    let y = grouped(toNhwc(x), wh, groups, 3, 3, (xi, wi) => tf.conv2dTranspose(xi, wi, [n, outH, outW, og], [sh, sw], spatial(ph, ph, pw, pw)));
    if (b) y = tf.add(y, b);
    return toNchw(y);
  }

  /** pad2d on the last two axes: negative pads crop with tf.slice first, then tf.pad or tf.mirrorPad. */
  function pad2d(x: Tf.Tensor, pads: Pads, mode: Pad2dMode, value = 0): Tf.Tensor {
    const shape = x.shape;
    const h = shape[shape.length - 2]!;
    const w = shape[shape.length - 1]!;
    const x3 = tf.reshape(x, [-1, h, w]) as Tf.Tensor3D;
    const ct = Math.max(0, -pads.top);
    const cl = Math.max(0, -pads.left);
    const kh = h - ct - Math.max(0, -pads.bottom);
    const kw = w - cl - Math.max(0, -pads.right);
    // tf.slice reads a size of -1 as "to the end" and 0 as empty: a crop that keeps nothing has no tfjs spelling.
    if (kh < 1 || kw < 1) throw new Error(`pads ${JSON.stringify(pads)} crop the whole ${h}×${w} plane`);
    const kept = ct === 0 && cl === 0 && kh === h && kw === w ? x3 : tf.slice(x3, [0, ct, cl], [-1, kh, kw]);
    const p: [number, number][] = [[0, 0], [Math.max(0, pads.top), Math.max(0, pads.bottom)], [Math.max(0, pads.left), Math.max(0, pads.right)]];
    let y: Tf.Tensor3D;
    if (mode === 'constant') y = tf.pad(kept, p, value);
    else if (mode === 'reflect') y = tf.mirrorPad(kept, p, 'reflect');
    else throw new Error(`tfjs has no '${mode}' padding (tf.mirrorPad offers reflect and symmetric only)`);
    return tf.reshape(y, [...shape.slice(0, -2), y.shape[1], y.shape[2]]);
  }

  function maxPool2d(x: T4, o: MaxPool2dOptions): T4 {
    const k = pair(o.kernelSize, 1);
    const s = pair(o.stride, 0) as [number, number];
    const strides = o.stride === undefined ? k : s;
    const [ph, pw] = pair(o.padding, 0);
    const d = pair(o.dilation, 1);
    const rounding = o.ceilMode ? 'ceil' : undefined;
    const pad = spatial(ph, ph, pw, pw);
    // tf.maxPool has no dilation, and tf.pool's needs stride 1, no ceil rounding, and drops explicit padding
    // (a 3×3 input with k 2, d 2, padding 1 gives 1×1, not 3×3): dilation is declared unsupported.
    if (d[0] !== 1 || d[1] !== 1) throw new Error(`tf.maxPool has no dilation (got dilation [${d.join(', ')}])`);
    return toNchw(tf.maxPool(toNhwc(x), k, strides, pad, rounding));
  }

  /**
   * tf.avgPool divides by the number of input elements in the window (countIncludePad false). The default
   * countIncludePad true is tf.pad with zeros, then tf.avgPool without padding: the zeros are then elements.
   */
  function avgPool2d(x: T4, o: AvgPool2dOptions): T4 {
    if (o.divisorOverride !== undefined) throw new Error('tf.avgPool has no divisor override');
    const k = pair(o.kernelSize, 1);
    const strides = o.stride === undefined ? k : pair(o.stride, 0);
    const [ph, pw] = pair(o.padding, 0);
    const rounding = o.ceilMode ? 'ceil' : undefined;
    let xh = toNhwc(x);
    let pad = spatial(ph, ph, pw, pw);
    if ((o.countIncludePad ?? true) && (ph !== 0 || pw !== 0)) {
      xh = tf.pad(xh, pad);
      pad = spatial(0, 0, 0, 0);
    }
    return toNchw(tf.avgPool(xh, k, strides, pad, rounding));
  }

  return { conv2d, convTranspose2d, pad2d, maxPool2d, avgPool2d };
}

export type TfjsOperators = ReturnType<typeof tfjsOperators>;
