/**
 * fast-check arbitraries of operator calls for the gradient tests: every option of every differentiable
 * operator, sizes bounded by MAX_EXTENT so finite differences stay cheap. Values are multiples of 1/4 in
 * [−2, 2]; `tieFree` adds i/1024 to element i, so no two elements of a tensor are within 2ε of each other
 * (max pooling is then differentiable at the point; `grad.gradcheck`).
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';

export const MAX_EXTENT = 5;

const small = (max: number) => fc.integer({ min: 1, max });
const count = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export type ValueKind = 'grid' | 'tieFree' | 'ties';

/** 'ties' draws from {−1, 0, 1, NaN, −∞} often, to exercise the max-pool tie and NaN rules. */
export function tensorOf(shape: number[], kind: ValueKind = 'grid'): fc.Arbitrary<TensorData> {
  const n = count(shape);
  const element = kind === 'ties'
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(-1, 0, 1) }, { weight: 1, arbitrary: fc.constantFrom(NaN, -Infinity) }, { weight: 2, arbitrary: fc.integer({ min: -8, max: 8 }).map((v) => v / 4) })
    : fc.integer({ min: -8, max: 8 }).map((v) => v / 4);
  return fc.array(element, { minLength: n, maxLength: n }).map((data) => ({
    shape,
    data: kind === 'tieFree' ? data.map((v, i) => v + i / 1024) : data,
  }));
}

const pads4 = (min: number, max: number) => fc.record({ top: fc.integer({ min, max }), bottom: fc.integer({ min, max }), left: fc.integer({ min, max }), right: fc.integer({ min, max }) });

export const conv2dCall: fc.Arbitrary<OperatorCall> = fc
  .record({
    n: small(2), g: small(2), cg: small(2), og: small(2), h: small(MAX_EXTENT - 2), w: small(MAX_EXTENT - 2), kh: small(3), kw: small(3),
    s: fc.tuple(small(3), small(3)), d: fc.tuple(small(2), small(2)), bias: fc.boolean(),
    padding: fc.oneof(fc.constant<unknown>('valid'), fc.constant<unknown>('same'), fc.integer({ min: 0, max: 2 }), fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), pads4(0, 2)),
    mode: fc.constantFrom('zeros', 'reflect', 'replicate', 'circular'),
  })
  .chain((c) => {
    const stride = c.padding === 'same' ? [1, 1] : c.s;
    return fc
      .record({ input: tensorOf([c.n, c.g * c.cg, c.h + 2, c.w + 2]), weight: tensorOf([c.g * c.og, c.cg, c.kh, c.kw]), bias: c.bias ? tensorOf([c.g * c.og]) : fc.constant(null) })
      .map((inputs): OperatorCall => ({ op: 'conv2d', inputs, options: { stride, padding: c.padding, dilation: c.d, groups: c.g, paddingMode: c.mode } }));
  });

export const convTranspose2dCall: fc.Arbitrary<OperatorCall> = fc
  .record({ n: small(2), g: small(2), cg: small(2), og: small(2), h: small(3), w: small(3), kh: small(3), kw: small(3), s: fc.tuple(small(3), small(3)), d: small(2), p: fc.integer({ min: 0, max: 2 }), op: fc.integer({ min: 0, max: 2 }), bias: fc.boolean() })
  .chain((c) => fc
    .record({ input: tensorOf([c.n, c.g * c.cg, c.h, c.w]), weight: tensorOf([c.g * c.cg, c.og, c.kh, c.kw]), bias: c.bias ? tensorOf([c.g * c.og]) : fc.constant(null) })
    .map((inputs): OperatorCall => ({
      op: 'convTranspose2d', inputs,
      options: { stride: c.s, padding: c.p, outputPadding: [Math.min(c.op, Math.max(c.s[0], c.d) - 1), Math.min(c.op, Math.max(c.s[1], c.d) - 1)], dilation: c.d, groups: c.g },
    })));

export const pad2dCall: fc.Arbitrary<OperatorCall> = fc
  .record({ h: small(MAX_EXTENT), w: small(MAX_EXTENT), mode: fc.constantFrom('constant', 'reflect', 'replicate', 'circular'), pads: pads4(-2, 4), value: fc.constantFrom(0, 1.5, -2) })
  .chain((c) => tensorOf([1, 2, c.h, c.w]).map((input): OperatorCall => ({ op: 'pad2d', inputs: { input }, options: { pads: c.pads, mode: c.mode, value: c.value } })));

const poolOptions = fc.record({ kh: small(3), kw: small(3), s: fc.option(fc.tuple(small(3), small(3)), { nil: undefined }), ph: fc.integer({ min: 0, max: 1 }), pw: fc.integer({ min: 0, max: 1 }), ceilMode: fc.boolean(), h: small(MAX_EXTENT + 1), w: small(MAX_EXTENT + 1) });

export function maxPool2dCall(kind: ValueKind): fc.Arbitrary<OperatorCall> {
  return fc.record({ o: poolOptions, d: fc.tuple(small(2), small(2)) }).chain(({ o, d }) =>
    tensorOf([1, 2, o.h, o.w], kind).map((input): OperatorCall => ({
      op: 'maxPool2d', inputs: { input },
      options: { kernelSize: [o.kh, o.kw], ...(o.s ? { stride: o.s } : {}), padding: [Math.min(o.ph, o.kh >> 1), Math.min(o.pw, o.kw >> 1)], dilation: d, ceilMode: o.ceilMode },
    })));
}

export const avgPool2dCall: fc.Arbitrary<OperatorCall> = fc.record({ o: poolOptions, cip: fc.boolean(), div: fc.option(small(5), { nil: undefined }) }).chain(({ o, cip, div }) =>
  tensorOf([1, 2, o.h, o.w]).map((input): OperatorCall => ({
    op: 'avgPool2d', inputs: { input },
    options: { kernelSize: [o.kh, o.kw], ...(o.s ? { stride: o.s } : {}), padding: [Math.min(o.ph, o.kh >> 1), Math.min(o.pw, o.kw >> 1)], ceilMode: o.ceilMode, countIncludePad: cip, ...(div ? { divisorOverride: div } : {}) },
  })));

/**
 * Adaptive pooling to an outputSize smaller, equal or larger than the input (an int or a pair); max pooling
 * with ties, NaN and −∞ ('ties') or without ('grid'), so the route of each gradient is the spec's
 * (`grad.adaptive-max-pool2d`: the first maximum, the last NaN).
 */
export function adaptivePool2dCall(op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d', kind: ValueKind = 'grid'): fc.Arbitrary<OperatorCall> {
  return fc.record({ n: small(2), c: small(2), h: small(MAX_EXTENT + 2), w: small(MAX_EXTENT + 2), size: fc.oneof(small(8), fc.tuple(small(8), small(8))) }).chain((o) =>
    tensorOf([o.n, o.c, o.h, o.w], kind).map((input): OperatorCall => ({ op, inputs: { input }, options: { outputSize: o.size } })));
}

/** The call without its tensor values, for failure messages. */
export function describeCall(call: OperatorCall): string {
  return JSON.stringify({ op: call.op, options: call.options, shapes: Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, t?.shape ?? null])) });
}
