/**
 * Valid adaptive-pooling configurations (`pool.adaptive.output-size`): an NCHW input of up to 2 × 2 planes of up
 * to 7 × 7, and an outputSize (an integer or a pair) from 1 to 8 per axis — smaller than the input (uneven and
 * even windows), equal to it, and larger (repeated elements, `pool.adaptive.windows`).
 */
import fc from 'fast-check';
import type { AdaptivePool2dOptions, Pair, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import type { InvalidCall } from '../../src/operators/operatorRecord.js';
import { float32Value, oneTo, tensorArb } from './values.js';

export interface AdaptivePool2dCase {
  readonly input: TensorData;
  readonly options: AdaptivePool2dOptions;
}

const configArb = fc.record({
  planes: fc.tuple(oneTo(2), oneTo(2)),
  size: fc.tuple(oneTo(7), oneTo(7)),
  outputSize: fc.oneof(oneTo(8), fc.tuple(oneTo(8), oneTo(8))),
});

/** `values` sets the input's elements; `distinct` gives tie-free inputs (a unique max-pooling gradient). */
export function adaptivePool2dCaseArb(values: fc.Arbitrary<number> | ((shape: number[]) => fc.Arbitrary<TensorData>) = float32Value): fc.Arbitrary<AdaptivePool2dCase> {
  return configArb.chain((c) => {
    const shape = [c.planes[0], c.planes[1], c.size[0], c.size[1]];
    const input = typeof values === 'function' ? values(shape) : tensorArb(shape, values);
    const outputSize: Pair = typeof c.outputSize === 'number' ? c.outputSize : [c.outputSize[0], c.outputSize[1]];
    return input.map((t) => ({ input: t, options: { outputSize } }));
  });
}

export function adaptivePool2dCall(op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d'): (c: AdaptivePool2dCase) => OperatorCall {
  return (c) => ({ op, inputs: { input: c.input }, options: c.options as unknown as Record<string, unknown> });
}

/**
 * Calls that break one outputSize rule each (`pool.adaptive.output-size`, `pool.adaptive.output-size.zero`): a
 * negative size, a pair of the wrong length, and a zero size (an empty output: an empty answer is accepted).
 */
export function adaptivePool2dInvalidArb(op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d'): fc.Arbitrary<InvalidCall> {
  const valid = adaptivePool2dCaseArb().map(adaptivePool2dCall(op));
  const withSize = (call: OperatorCall, outputSize: unknown): OperatorCall => ({ ...call, options: { ...call.options, outputSize } });
  return fc.oneof(
    fc.tuple(valid, fc.integer({ min: -3, max: -1 })).map(([call, m]) => ({ call: withSize(call, m), breaks: 'pool.adaptive.output-size' })),
    fc.tuple(valid, oneTo(3)).map(([call, m]) => ({ call: withSize(call, [m]), breaks: 'pool.adaptive.output-size' })),
    fc.tuple(valid, fc.constantFrom<unknown>(0, [0, 1], [2, 0])).map(([call, m]) => ({ call: withSize(call, m), breaks: 'pool.adaptive.output-size.zero' })),
  );
}
