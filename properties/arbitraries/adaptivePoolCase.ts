/**
 * Valid adaptive-pooling configurations (`pool.adaptive.output-size`): an NCHW input of up to 2 × 2 planes of up
 * to 7 × 7, and an outputSize (an integer or a pair) from 1 to 8 per axis — smaller than the input (uneven and
 * even windows), equal to it, and larger (repeated elements, `pool.adaptive.windows`). By scale (`shape.scale`)
 * a share of realistic ones: the batch and channel counts of real heads (channel tails, multiples of 4, 8 and 16,
 * batches to the scale's maximum) on the planes they pool — ResNet's global pool (outputSize 1 on 7 × 7), VGG's
 * 7 × 7 head on 7 × 7 (identity windows), an uneven 3 × 3 head — and on planes up to 9 × 9 (sizes kept small:
 * every element is drawn by fast-check, and the channel and batch counts are the point). With no scale given, the default run's mix.
 */
import fc from 'fast-check';
import type { AdaptivePool2dOptions, Pair, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import type { InvalidCall } from '../../src/operators/operatorRecord.js';
import { float32Value, oneTo, tensorArb } from './values.js';
import { scaleMix, sizeArb } from './scaleMix.js';
import type { Scale, ScaleModel } from '../../src/shape/scale.js';

export interface AdaptivePool2dCase {
  readonly input: TensorData;
  readonly options: AdaptivePool2dOptions;
}

interface AdaptiveConfig {
  readonly planes: [number, number];
  readonly size: [number, number];
  readonly outputSize: number | [number, number];
}

const tinyConfig: fc.Arbitrary<AdaptiveConfig> = fc.record({
  planes: fc.tuple(oneTo(2), oneTo(2)),
  size: fc.tuple(oneTo(7), oneTo(7)),
  outputSize: fc.oneof(oneTo(8), fc.tuple(oneTo(8), oneTo(8))),
});

function realisticConfig(m: ScaleModel): fc.Arbitrary<AdaptiveConfig> {
  // Half the channel counts are multiples of 4, 8 and 16 (the vector widths kernels unroll by), half any size with
  // the tails favoured: each channel class a kernel may code separately is drawn (`kit.coverage`).
  const multiples = [4, 8, 12, 16, 24, 32, 40, 48, 56, 64].filter((c) => c <= m.maxChannels);
  const channels = fc.oneof(sizeArb(m.maxChannels), fc.constantFrom(...multiples));
  const planes = fc.tuple(sizeArb(m.maxBatch), channels);
  const head = fc.constantFrom<Pick<AdaptiveConfig, 'size' | 'outputSize'>>(
    { size: [7, 7], outputSize: 1 },
    { size: [7, 7], outputSize: 7 },
    { size: [7, 7], outputSize: [3, 3] },
  );
  return fc.oneof(
    fc.record({ planes, head }).map(({ planes: p, head: h }) => ({ planes: p, ...h })),
    fc.record({ planes, size: fc.tuple(oneTo(9), oneTo(9)), outputSize: fc.oneof(oneTo(8), fc.tuple(oneTo(8), oneTo(8))) }),
  );
}

/** `values` sets the input's elements; `distinct` gives tie-free inputs (a unique max-pooling gradient). */
export function adaptivePool2dCaseArb(
  values: fc.Arbitrary<number> | ((shape: number[]) => fc.Arbitrary<TensorData>) = float32Value,
  scale: Scale = 'default',
): fc.Arbitrary<AdaptivePool2dCase> {
  return scaleMix(scale, tinyConfig, realisticConfig).chain((c) => {
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
