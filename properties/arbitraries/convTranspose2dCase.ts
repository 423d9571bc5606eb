/** Valid conv_transpose2d configurations (spec/conv-transpose2d.md), bounded like conv2dCase. */
import fc from 'fast-check';
import type { ConvTranspose2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { transposedOutputSize } from '../../src/shape/windowOutputSize.js';
import { oneTo, tensorArb, upTo } from './values.js';

export interface ConvTranspose2dCase {
  readonly input: TensorData;
  readonly weight: TensorData;
  readonly bias: TensorData | null;
  readonly options: ConvTranspose2dOptions;
}

export function convTranspose2dCaseArb(): fc.Arbitrary<ConvTranspose2dCase> {
  return fc
    .record({
      batch: oneTo(2),
      groups: oneTo(2),
      groupIn: oneTo(2),
      groupOut: oneTo(2),
      kernel: fc.tuple(oneTo(3), oneTo(3)),
      stride: fc.tuple(oneTo(3), oneTo(3)),
      dilation: fc.tuple(oneTo(2), oneTo(2)),
      padding: fc.tuple(upTo(2), upTo(2)),
      outputPadding: fc.tuple(upTo(2), upTo(2)),
      size: fc.tuple(oneTo(4), oneTo(4)),
      bias: fc.boolean(),
    })
    .chain((p) => {
      const outputPadding: [number, number] = [
        Math.min(p.outputPadding[0], Math.max(p.stride[0], p.dilation[0]) - 1),
        Math.min(p.outputPadding[1], Math.max(p.stride[1], p.dilation[1]) - 1),
      ];
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
