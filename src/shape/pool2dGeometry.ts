/**
 * Validates max/avg pooling arguments and resolves them to numbers (spec/pooling.md). Both pools share
 * this, and the window formula of `windowOutputSize`.
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { AvgPool2dOptions, MaxPool2dOptions } from '../adapter/contract.js';
import { checkInteger, checkOutputExtent, checkPair, checkRank } from './argumentChecks.js';
import { geometryAxis, type GeometryAxis } from './windowOutputSize.js';
import { slidingTaps, type WindowGrid } from './windowWalker.js';

export interface Pool2dGeometry {
  readonly batch: number;
  readonly channels: number;
  /** The spatial axes: size, kernel, stride, dilation, padding (before = after), ceil mode, output count. */
  readonly h: GeometryAxis;
  readonly w: GeometryAxis;
  readonly ceilMode: boolean;
}

export interface AvgPool2dGeometry extends Pool2dGeometry {
  readonly countIncludePad: boolean;
  readonly divisorOverride: number | null;
}

export function maxPool2dGeometry(inputShape: readonly number[], opts: MaxPool2dOptions, op = 'maxPool2d'): Pool2dGeometry {
  return poolGeometry(op, inputShape, opts, checkPoolOptions(op, opts).dilation);
}

/** Pooling options are required (they hold kernelSize): anything but an object is refused before it is read. */
function checkPoolOptions<T extends object>(op: string, opts: T): T {
  if (typeof opts !== 'object' || opts === null) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts', value: opts, rule: 'must be an object with kernelSize', clause: 'pool.kernel' });
  }
  return opts;
}

export function avgPool2dGeometry(inputShape: readonly number[], opts: AvgPool2dOptions, op = 'avgPool2d'): AvgPool2dGeometry {
  const base = poolGeometry(op, inputShape, checkPoolOptions(op, opts), undefined);
  const countIncludePad = opts.countIncludePad ?? true;
  if (typeof countIncludePad !== 'boolean') {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts.countIncludePad', value: countIncludePad, rule: 'must be a boolean', clause: 'pool.avg.count-include-pad' });
  }
  const divisorOverride = opts.divisorOverride === undefined ? null : checkInteger(op, 'opts.divisorOverride', opts.divisorOverride, { min: 1, clause: 'pool.avg.divisor-override' });
  return { ...base, countIncludePad, divisorOverride };
}

export function pool2dOutputShape(g: Pool2dGeometry): number[] {
  return [g.batch, g.channels, g.h.out, g.w.out];
}

function poolGeometry(op: string, inputShape: readonly number[], opts: MaxPool2dOptions | AvgPool2dOptions, dilation: MaxPool2dOptions['dilation']): Pool2dGeometry {
  checkRank(op, 'input', inputShape, 4, 'N, C, H, W', 'tensor.layout.nchw');
  const [batch, channels, height, width] = inputShape as [number, number, number, number];
  if (typeof opts !== 'object' || opts === null) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts', value: opts, rule: 'must be an object with kernelSize', clause: 'pool.kernel' });
  }
  const [kernelH, kernelW] = checkPair(op, 'opts.kernelSize', opts.kernelSize, NaN, { min: 1, clause: 'pool.kernel' });
  const [strideH, strideW] = checkPair(op, 'opts.stride', opts.stride, [kernelH, kernelW], { min: 1, clause: 'pool.stride.default' });
  const [padH, padW] = checkPair(op, 'opts.padding', opts.padding, 0, { min: 0, clause: 'pool.padding.limit' });
  const [dilationH, dilationW] = checkPair(op, 'opts.dilation', dilation, 1, { min: 1, clause: 'pool.max.dilation' });
  const ceilMode = opts.ceilMode ?? false;
  if (typeof ceilMode !== 'boolean') {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts.ceilMode', value: ceilMode, rule: 'must be a boolean', clause: 'pool.ceil-mode' });
  }
  // PyTorch checks the limit against the undilated kernel (aten/src/ATen/native/Pool.h, pool2d_shape_check:
  // "pad should be at most half of effective kernel size" compares pad ≤ kernel/2).
  for (const [axis, pad, kernel] of [['[0]', padH, kernelH], ['[1]', padW, kernelW]] as const) {
    if (pad > Math.floor(kernel / 2)) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument: `opts.padding${axis}`, value: pad, rule: `must be ≤ ⌊kernelSize/2⌋ = ${Math.floor(kernel / 2)}`, clause: 'pool.padding.limit' });
    }
  }
  const h = geometryAxis({ size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padBefore: padH, padAfter: padH, ceilMode });
  const w = geometryAxis({ size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padBefore: padW, padAfter: padW, ceilMode });
  checkOutputExtent(op, 'output height', h.out, `padded height ${height + 2 * padH} < dilated kernel height ${dilationH * (kernelH - 1) + 1}`, 'shape.positive');
  checkOutputExtent(op, 'output width', w.out, `padded width ${width + 2 * padW} < dilated kernel width ${dilationW * (kernelW - 1) + 1}`, 'shape.positive');
  return { batch, channels, h, w, ceilMode };
}

/** The pool's windows for the one walker (windowWalker.ts): strided, padded (and for max, dilated) taps per axis. */
export function pool2dGrid(g: Pool2dGeometry): WindowGrid {
  return { planes: g.batch * g.channels, height: g.h.size, width: g.w.size, outH: g.h.out, outW: g.w.out, rowTaps: (i) => slidingTaps(g.h, i), colTaps: (j) => slidingTaps(g.w, j) };
}
