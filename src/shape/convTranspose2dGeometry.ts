/**
 * Validates conv_transpose2d's arguments and resolves them (spec/conv-transpose2d.md). The weight is
 * [C, O/groups, kH, kW] (`tensor.layout.transposed-weight`): the same tensor a conv2d from O to C channels uses.
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { checkBias, checkInteger, optionsObject, checkOutputExtent, checkPair, checkRank } from './argumentChecks.js';
import { transposedOutputSize } from './windowOutputSize.js';

export interface ConvTranspose2dGeometry {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  /** The spatial axes: input size, kernel, stride, dilation, padding, output padding, output size. */
  readonly h: TransposedAxis;
  readonly w: TransposedAxis;
}

/** One axis of a transposed convolution (`shape.conv-transpose`). */
export interface TransposedAxis {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padding: number;
  readonly outputPadding: number;
  readonly out: number;
}

export function convTranspose2dGeometry(
  inputShape: readonly number[],
  weightShape: readonly number[],
  biasShape: readonly number[] | null,
  optsGiven: ConvTranspose2dOptions | null = {},
  op = 'convTranspose2d',
): ConvTranspose2dGeometry {
  const opts = optionsObject(op, optsGiven, 'convt.padding');
  checkRank(op, 'input', inputShape, 4, 'N, C, H, W', 'tensor.layout.nchw');
  checkRank(op, 'weight', weightShape, 4, 'C, O/groups, kH, kW', 'tensor.layout.transposed-weight');
  const [batch, inChannels, height, width] = inputShape as [number, number, number, number];
  const [weightIn, groupOut, kernelH, kernelW] = weightShape as [number, number, number, number];
  const groups = checkInteger(op, 'opts.groups', opts.groups ?? 1, { min: 1, clause: 'convt.groups' });
  if (weightIn !== inChannels) {
    throw new ConvkitError({ code: 'E_SHAPE', op, argument: 'weight.shape[0]', value: weightIn, rule: `must equal input channels ${inChannels}`, clause: 'tensor.layout.transposed-weight' });
  }
  if (inChannels % groups !== 0) {
    throw new ConvkitError({ code: 'E_SHAPE', op, argument: 'opts.groups', value: groups, rule: `must divide input channels (${inChannels})`, clause: 'convt.groups' });
  }
  const outChannels = groupOut * groups;
  checkBias(op, biasShape, outChannels);
  const [strideH, strideW] = checkPair(op, 'opts.stride', opts.stride, 1, { min: 1, clause: 'conv.stride' });
  const [dilationH, dilationW] = checkPair(op, 'opts.dilation', opts.dilation, 1, { min: 1, clause: 'conv.dilation' });
  const [padH, padW] = checkPair(op, 'opts.padding', opts.padding, 0, { min: 0, clause: 'convt.padding' });
  const [outputPadH, outputPadW] = checkPair(op, 'opts.outputPadding', opts.outputPadding, 0, { min: 0, clause: 'convt.output-padding' });
  // PyTorch: "output padding must be smaller than either stride or dilation" (aten/src/ATen/native/Convolution.cpp).
  for (const [axis, op_, s, d] of [['[0]', outputPadH, strideH, dilationH], ['[1]', outputPadW, strideW, dilationW]] as const) {
    if (op_ >= Math.max(s, d)) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument: `opts.outputPadding${axis}`, value: op_, rule: `must be < max(stride, dilation) = ${Math.max(s, d)}`, clause: 'convt.output-padding' });
    }
  }
  const outH = checkOutputExtent(op, 'output height', transposedOutputSize(height, kernelH, strideH, dilationH, padH, outputPadH), `padding ${padH} removes every row`, 'shape.positive');
  const outW = checkOutputExtent(op, 'output width', transposedOutputSize(width, kernelW, strideW, dilationW, padW, outputPadW), `padding ${padW} removes every column`, 'shape.positive');
  const h = { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, outputPadding: outputPadH, out: outH };
  const w = { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, outputPadding: outputPadW, out: outW };
  return { batch, inChannels, outChannels, groups, h, w };
}

export function convTranspose2dOutputShape(g: ConvTranspose2dGeometry): number[] {
  return [g.batch, g.outChannels, g.h.out, g.w.out];
}
