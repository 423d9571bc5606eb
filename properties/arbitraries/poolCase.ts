/**
 * Valid max- and average-pooling configurations: kernel, stride (sometimes left to default), padding up to
 * ⌊k/2⌋ (`pool.padding.limit`), dilation (max only), ceil mode, count_include_pad, divisor override.
 */
import fc from 'fast-check';
import type { AvgPool2dOptions, MaxPool2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { windowOutputSize } from '../../src/shape/windowOutputSize.js';
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

const windowArb = (dilated: boolean, c: PoolCaseConstraints = {}) =>
  fc.record({
    kernel: fc.tuple(oneTo(3), oneTo(3)),
    stride: fc.option(fc.tuple(oneTo(3), oneTo(3)), { nil: undefined }),
    padding: fc.tuple(upTo(1), upTo(1)),
    dilation: dilated ? fc.tuple(oneTo(2), oneTo(2)) : fc.constant<[number, number]>([1, 1]),
    ceilMode: c.ceilMode === undefined ? fc.boolean() : fc.constant(c.ceilMode),
    size: fc.tuple(oneTo(6), oneTo(6)),
    planes: fc.tuple(oneTo(2), oneTo(2)),
  });

type Window = ReturnType<typeof windowArb> extends fc.Arbitrary<infer W> ? W : never;

function sized(w: Window): { shape: number[]; padding: [number, number] } {
  const padding: [number, number] = [Math.min(w.padding[0], w.kernel[0] >> 1), Math.min(w.padding[1], w.kernel[1] >> 1)];
  const stride = w.stride ?? w.kernel;
  const fits = (n: number, axis: 0 | 1) =>
    windowOutputSize({ size: n, kernel: w.kernel[axis], stride: stride[axis], dilation: w.dilation[axis], padBefore: padding[axis], padAfter: padding[axis], ceilMode: w.ceilMode }) >= 1;
  let [h, wd] = w.size;
  while (!fits(h, 0)) h++;
  while (!fits(wd, 1)) wd++;
  return { shape: [w.planes[0], w.planes[1], h, wd], padding };
}

export function maxPool2dCaseArb(values: fc.Arbitrary<number> = float32Value, c: PoolCaseConstraints & { readonly dilation?: boolean } = {}): fc.Arbitrary<MaxPool2dCase> {
  return windowArb(c.dilation ?? true, c).chain((w) => {
    const { shape, padding } = sized(w);
    const options: MaxPool2dOptions = { kernelSize: w.kernel, padding, dilation: w.dilation, ceilMode: w.ceilMode };
    if (w.stride) options.stride = w.stride;
    return tensorArb(shape, values).map((input) => ({ input, options }));
  });
}

export function avgPool2dCaseArb(c: PoolCaseConstraints = {}): fc.Arbitrary<AvgPool2dCase> {
  const divisorArb = c.divisorOverride === false ? fc.constant(undefined) : fc.option(oneTo(5), { nil: undefined, freq: 4 });
  return fc.record({ w: windowArb(false, c), countIncludePad: fc.boolean(), divisor: divisorArb }).chain(({ w, countIncludePad, divisor }) => {
    const { shape, padding } = sized(w);
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
