/**
 * Validates conv2d's arguments and resolves every option to numbers (spec/conv2d.md). The reference, the
 * properties and the runner all call this, so an option means one thing everywhere.
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { Conv2dOptions, Pads, PaddingMode } from '../adapter/contract.js';
import { checkBias, checkInteger, optionsObject, checkOneOf, checkOutputExtent, checkPair, checkRank } from './argumentChecks.js';
import { samePadding } from './samePadding.js';
import { geometryAxis, type GeometryAxis } from './windowOutputSize.js';
import { checkPadLimits } from './pad2dGeometry.js';

export interface Conv2dGeometry {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  /** The spatial axes: size, kernel, stride, dilation, padding before and after, output count. */
  readonly h: GeometryAxis;
  readonly w: GeometryAxis;
  /** The same padding as the 2-D sides pad2d takes (`h.padBefore` = top, …). */
  readonly pads: Pads;
  readonly paddingMode: PaddingMode;
}

const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'] as const;

export function conv2dOutputShape(g: Conv2dGeometry): number[] {
  return [g.batch, g.outChannels, g.h.out, g.w.out];
}

export function conv2dGeometry(
  inputShape: readonly number[],
  weightShape: readonly number[],
  biasShape: readonly number[] | null,
  optsGiven: Conv2dOptions | null = {},
  op = 'conv2d',
): Conv2dGeometry {
  const opts = optionsObject(op, optsGiven, 'conv.padding.forms');
  checkRank(op, 'input', inputShape, 4, 'N, C, H, W', 'tensor.layout.nchw');
  checkRank(op, 'weight', weightShape, 4, 'O, C/groups, kH, kW', 'tensor.layout.oihw');
  const [batch, inChannels, height, width] = inputShape as [number, number, number, number];
  const [outChannels, groupChannels, kernelH, kernelW] = weightShape as [number, number, number, number];

  const groups = checkInteger(op, 'opts.groups', opts.groups ?? 1, { min: 1, clause: 'conv.groups' });
  if (inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw new ConvkitError({
      code: 'E_SHAPE', op, argument: 'opts.groups', value: groups,
      rule: `must divide both input channels (${inChannels}) and output channels (${outChannels})`, clause: 'conv.groups',
    });
  }
  if (groupChannels * groups !== inChannels) {
    throw new ConvkitError({
      code: 'E_SHAPE', op, argument: 'weight.shape[1]', value: groupChannels,
      rule: `must equal input channels / groups = ${inChannels}/${groups}`, clause: 'conv.channels',
    });
  }
  checkBias(op, biasShape, outChannels);

  const [strideH, strideW] = checkPair(op, 'opts.stride', opts.stride, 1, { min: 1, clause: 'conv.stride' });
  const [dilationH, dilationW] = checkPair(op, 'opts.dilation', opts.dilation, 1, { min: 1, clause: 'conv.dilation' });
  const paddingMode = checkOneOf(op, 'opts.paddingMode', opts.paddingMode ?? 'zeros', PADDING_MODES, 'conv.padding.mode');
  const pads = resolveConvPadding(op, opts.padding, [kernelH, kernelW], [dilationH, dilationW], [strideH, strideW]);
  if (paddingMode !== 'zeros') {
    checkPadLimits(op, 'opts.padding', [height, width], pads, paddingMode === 'reflect' ? 'reflect' : paddingMode);
  }

  const h = geometryAxis({ size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padBefore: pads.top, padAfter: pads.bottom });
  const w = geometryAxis({ size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padBefore: pads.left, padAfter: pads.right });
  checkOutputExtent(op, 'output height', h.out, `padded height ${height + pads.top + pads.bottom} < dilated kernel height ${dilationH * (kernelH - 1) + 1}`, 'shape.positive');
  checkOutputExtent(op, 'output width', w.out, `padded width ${width + pads.left + pads.right} < dilated kernel width ${dilationW * (kernelW - 1) + 1}`, 'shape.positive');

  return { batch, inChannels, outChannels, groups, h, w, pads, paddingMode };
}

/** Every padding form of `conv.padding.forms` to explicit sides. */
export function resolveConvPadding(
  op: string,
  padding: Conv2dOptions['padding'],
  kernel: [number, number],
  dilation: [number, number],
  stride: [number, number],
): Pads {
  const rule = { min: 0, clause: 'conv.padding.forms' };
  if (padding === undefined || padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts.padding', value: 'same', rule: `needs stride 1, got stride [${stride.join(', ')}]`, clause: 'conv.padding.same' });
    }
    const [top, bottom] = samePadding(kernel[0], dilation[0]);
    const [left, right] = samePadding(kernel[1], dilation[1]);
    return { top, bottom, left, right };
  }
  if (typeof padding === 'object' && !Array.isArray(padding)) {
    return {
      top: checkInteger(op, 'opts.padding.top', padding.top, rule),
      bottom: checkInteger(op, 'opts.padding.bottom', padding.bottom, rule),
      left: checkInteger(op, 'opts.padding.left', padding.left, rule),
      right: checkInteger(op, 'opts.padding.right', padding.right, rule),
    };
  }
  if (typeof padding === 'string') {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts.padding', value: padding, rule: "must be an integer, [ph, pw], {top, bottom, left, right}, 'valid' or 'same'", clause: 'conv.padding.forms' });
  }
  const [ph, pw] = checkPair(op, 'opts.padding', padding, 0, rule);
  return { top: ph, bottom: ph, left: pw, right: pw };
}
