/**
 * A conv2d or corr2d call seen as what a transform algorithm (Winograd, FFT) works on: the padded input planes and
 * the kernels, as |value| + λ with every non-finite value replaced by 0 (the bounds of `num.bound.winograd` and
 * `num.bound.fft` are taken over the finite values; `num.nan-locality` says what the non-finite ones may do), plus
 * where the non-finite values are. corr2d(x, k) is the conv2d of one plane with one kernel (`corr.definition`).
 */
import type { Conv2dOptions, TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { padForConv } from '../reference/conv2d.js';
import { conv2dGeometry, type Conv2dGeometry } from '../shape/conv2dGeometry.js';
import { tensor } from '../tensor/tensor.js';
import { TRANSFORM_OPERATORS } from '../adapter/numericsProblems.js';

export interface ConvPlanes {
  readonly g: Conv2dGeometry;
  /** Padded input [N, C, Hp, Wp] as |x| + λ (λ = storage shift on the input's own elements, 0 on zero padding). */
  readonly input: Float64Array;
  readonly hp: number;
  readonly wp: number;
  /** Weight [O, C/G, kH, kW] as |w| + λ. */
  readonly weight: Float64Array;
  /** |b| + λ per output channel, or null. */
  readonly bias: Float64Array | null;
  /** Whether the padded input holds a non-finite value at [n, c, i, j] (same layout as `input`). */
  readonly inputNonFinite: Uint8Array;
  /** Whether output channel o's kernels or bias hold a non-finite value. */
  readonly channelNonFinite: Uint8Array;
}


export function isTransformCall(call: OperatorCall): boolean {
  return (TRANSFORM_OPERATORS as readonly string[]).includes(call.op);
}

function asConv(call: OperatorCall): { input: TensorData; weight: TensorData; bias: TensorData | null; options: Conv2dOptions } {
  if (call.op === 'corr2d') {
    const x = call.inputs['x']!;
    const k = call.inputs['k']!;
    return { input: { shape: [1, 1, ...x.shape], data: x.data }, weight: { shape: [1, 1, ...k.shape], data: k.data }, bias: null, options: {} };
  }
  return { input: call.inputs['input']!, weight: call.inputs['weight']!, bias: call.inputs['bias'] ?? null, options: (call.options ?? {}) as Conv2dOptions };
}

const finiteAbs = (v: number, shift: number) => (Number.isFinite(v) ? Math.abs(v) + shift : 0);

export function convPlanes(call: OperatorCall, shift: number): ConvPlanes {
  const c = asConv(call);
  const g = conv2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options, call.op);
  // Padding modes other than zeros copy input elements, so the flags and the shifted values travel with them.
  const abs = padForConv(tensor(c.input.shape, Float64Array.from(c.input.data, (v) => finiteAbs(v, shift))), g);
  const flags = padForConv(tensor(c.input.shape, Float64Array.from(c.input.data, (v) => (Number.isFinite(v) ? 0 : 1))), g);
  const [, , hp, wp] = abs.shape as [number, number, number, number];
  const weight = Float64Array.from(c.weight.data, (v) => finiteAbs(v, shift));
  const bias = c.bias === null ? null : Float64Array.from(c.bias.data, (v) => finiteAbs(v, shift));
  const perChannel = c.weight.data.length / g.outChannels;
  const channelNonFinite = new Uint8Array(g.outChannels);
  for (let o = 0; o < g.outChannels; o++) {
    let bad = c.bias !== null && !Number.isFinite(c.bias.data[o]!);
    for (let q = o * perChannel; q < (o + 1) * perChannel && !bad; q++) bad = !Number.isFinite(c.weight.data[q]!);
    channelNonFinite[o] = bad ? 1 : 0;
  }
  return { g, input: Float64Array.from(abs.data), hp, wp, weight, bias, inputNonFinite: Uint8Array.from(flags.data, (v) => (v === 0 ? 0 : 1)), channelNonFinite };
}
