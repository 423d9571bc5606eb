/**
 * Valid conv_transpose2d configurations (spec/conv-transpose2d.md): tiny ones like conv2dCase, the output-padding
 * limit on purpose (`shape.boundaries`), and by scale a share of realistic decoder layers (`shape.scale`).
 */
import fc from 'fast-check';
import type { ConvTranspose2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { transposedOutputSize } from '../../src/shape/windowOutputSize.js';
import { oneTo, tensorArb, upTo } from './values.js';
import { kernelExtentArb, scaleMix, sizeArb, sometimes } from './scaleMix.js';
import type { Scale, ScaleModel } from '../../src/shape/scale.js';

export interface ConvTranspose2dCase {
  readonly input: TensorData;
  readonly weight: TensorData;
  readonly bias: TensorData | null;
  readonly options: ConvTranspose2dOptions;
}

interface ConvTParams {
  readonly batch: number;
  readonly groups: number;
  readonly groupIn: number;
  readonly groupOut: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly dilation: [number, number];
  readonly padding: [number, number];
  readonly outputPadding: [number, number];
  readonly size: [number, number];
  readonly bias: boolean;
  /** outputPadding set to its limit max(stride, dilation) − 1 (`shape.boundaries`). */
  readonly atLimit: boolean;
}

function tinyRecordParts() {
  return {
    batch: oneTo(2),
    kernel: fc.tuple(oneTo(3), oneTo(3)),
    stride: fc.tuple(oneTo(3), oneTo(3)),
    dilation: fc.tuple(oneTo(2), oneTo(2)),
    padding: fc.tuple(upTo(2), upTo(2)),
    outputPadding: fc.tuple(upTo(2), upTo(2)),
    bias: fc.boolean(),
    atLimit: sometimes(0.2),
  };
}

const tinyParams: fc.Arbitrary<ConvTParams> = fc.record({ ...tinyRecordParts(), groups: oneTo(2), groupIn: oneTo(2), groupOut: oneTo(2), size: fc.tuple(oneTo(4), oneTo(4)) });

/** (input, output) channels per group of the grouped realistic profile: the packings a vectorised kernel takes per group. */
export const GROUP_CHANNELS: readonly [number, number][] = [[2, 1], [1, 2], [3, 1]];

/**
 * Realistic decoder layers (`shape.scale`): 4×4 stride 2 padding 1 (DCGAN, U-Net; sub-pixel kernels split it
 * into four phases) and 3×3 stride 2 with output padding 1, on larger inputs; channel-heavy layers; and square
 * kernels 1 … 7 with 1, 3, 5 and 7 favoured (the separately coded paths; 5×5 and 7×7 decoder and super-resolution
 * layers) at strides 1 … 3, on batches up to the scale's maximum; and 2 to 4 groups of {@link GROUP_CHANNELS}.
 */
function realisticParams(m: ScaleModel): fc.Arbitrary<ConvTParams> {
  const layer = fc.constantFrom(
    { kernel: [4, 4] as [number, number], stride: [2, 2] as [number, number], padding: [1, 1] as [number, number], outputPadding: [0, 0] as [number, number] },
    { kernel: [3, 3] as [number, number], stride: [2, 2] as [number, number], padding: [1, 1] as [number, number], outputPadding: [1, 1] as [number, number] },
  );
  return fc.oneof(
    fc.record({ layer, batch: oneTo(2), groupIn: oneTo(3), groupOut: oneTo(3), size: fc.tuple(oneTo(16), oneTo(16)), bias: fc.boolean() }).map(
      (r): ConvTParams => ({ ...r.layer, batch: r.batch, groups: 1, groupIn: r.groupIn, groupOut: r.groupOut, dilation: [1, 1], size: r.size, bias: r.bias, atLimit: false }),
    ),
    fc.record({ ...tinyRecordParts(), groups: fc.constant(1), groupIn: sizeArb(m.maxChannels), groupOut: sizeArb(m.maxChannels), size: fc.tuple(oneTo(3), oneTo(3)) }),
    // Grouped layers with few channels per group, which vectorised kernels pack per group: (in, out) = (2, 1) is
    // read as one vec2 (ORT WebGPU's ConvTranspose2D then took every later group's weights from the wrong offset:
    // spec/numerics.md `num.calibration.declarations`), (1, 2) and (3, 1) beside it. Groups shrink towards 2.
    fc
      .record({ ...tinyRecordParts(), groups: fc.integer({ min: 2, max: 4 }), perGroup: fc.constantFrom<[number, number]>(...GROUP_CHANNELS), size: fc.tuple(oneTo(4), oneTo(4)) })
      .map(({ perGroup, ...r }): ConvTParams => ({ ...r, groupIn: perGroup[0], groupOut: perGroup[1] })),
    fc
      .record({ k: kernelExtentArb, stride: oneTo(3), batch: sizeArb(m.maxBatch), groupIn: oneTo(3), groupOut: oneTo(3), size: fc.tuple(oneTo(8), oneTo(8)), bias: fc.boolean(), atLimit: sometimes(0.2) })
      .map(
        (r): ConvTParams => ({
          kernel: [r.k, r.k],
          stride: [r.stride, r.stride],
          padding: [Math.floor((r.k - 1) / 2), Math.floor((r.k - 1) / 2)],
          outputPadding: [r.stride - 1, r.stride - 1],
          batch: r.batch,
          groups: 1,
          groupIn: r.groupIn,
          groupOut: r.groupOut,
          dilation: [1, 1],
          size: r.size,
          bias: r.bias,
          atLimit: r.atLimit,
        }),
      ),
  );
}


export function convTranspose2dCaseArb(scale: Scale = 'default'): fc.Arbitrary<ConvTranspose2dCase> {
  return scaleMix(scale, tinyParams, realisticParams).chain((p) => {
    const limit = (axis: 0 | 1) => Math.max(p.stride[axis], p.dilation[axis]) - 1;
    const outputPadding: [number, number] = p.atLimit ? [limit(0), limit(1)] : [Math.min(p.outputPadding[0], limit(0)), Math.min(p.outputPadding[1], limit(1))];
    // Grow the input until the padding leaves at least one output row and column (`shape.positive`).
    let [h, w] = p.size;
    while (transposedOutputSize(h, p.kernel[0], p.stride[0], p.dilation[0], p.padding[0], outputPadding[0]) < 1) h++;
    while (transposedOutputSize(w, p.kernel[1], p.stride[1], p.dilation[1], p.padding[1], outputPadding[1]) < 1) w++;
    const inChannels = p.groups * p.groupIn;
    return fc.record({
      input: tensorArb([p.batch, inChannels, h, w]),
      weight: tensorArb([inChannels, p.groupOut, p.kernel[0], p.kernel[1]]),
      bias: p.bias ? tensorArb([p.groups * p.groupOut]) : fc.constant(null),
      options: fc.constant<ConvTranspose2dOptions>({ stride: p.stride, padding: p.padding, outputPadding, dilation: p.dilation, groups: p.groups }),
    });
  });
}

export function convTranspose2dCall(c: ConvTranspose2dCase): OperatorCall {
  return { op: 'convTranspose2d', inputs: { input: c.input, weight: c.weight, bias: c.bias }, options: c.options as Record<string, unknown> };
}
