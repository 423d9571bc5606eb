/**
 * Validates adaptive pooling arguments and resolves them to one `AdaptiveAxis` per spatial axis
 * (spec/pooling.md, `pool.adaptive.output-size`, `pool.adaptive.windows`; spec/shapes.md, `shape.adaptive-pool`).
 *
 * Derivation of the windows. Output i of an axis of n inputs pooled to m outputs covers the input range
 * [⌊i·n/m⌋, ⌈(i+1)·n/m⌉): the real interval [i·n/m, (i+1)·n/m) of length n/m, widened to whole elements.
 * Because (i+1)·n/m > i·n/m, every window holds at least one element; consecutive windows overlap by at most one
 * element when m does not divide n, and the first starts at 0 and the last ends at n, so every input element is
 * in some window. When m divides n the windows are [i·k, (i+1)·k) with k = n/m: max/avg pooling with
 * kernel = stride = n/m. m = 1 is global pooling. m > n repeats elements (windows of 1 or 2 elements).
 *
 * Worked example, n = 5, m = 3: [⌊0⌋, ⌈5/3⌉) = [0, 2), [⌊5/3⌋, ⌈10/3⌉) = [1, 4), [⌊10/3⌋, ⌈15/3⌉) = [3, 5).
 * The bounds are computed in integers (no float rounding), as PyTorch's `start_index` / `end_index` do
 * (aten/src/ATen/native/AdaptivePooling.h).
 */
import type { WindowGrid } from './windowWalker.js';
import { ConvkitError } from '../errors/convkitError.js';
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { checkInteger, checkRank } from './argumentChecks.js';

export interface AdaptiveAxis {
  /** n: the input extent. */
  readonly size: number;
  /** m: the output extent. */
  readonly outSize: number;
}

export interface AdaptivePool2dGeometry {
  readonly batch: number;
  readonly channels: number;
  readonly h: AdaptiveAxis;
  readonly w: AdaptiveAxis;
}

/** Input range [start, end) of output i along one axis (`pool.adaptive.windows`). */
export function adaptiveWindow(axis: AdaptiveAxis, i: number): { readonly start: number; readonly end: number } {
  const { size: n, outSize: m } = axis;
  const low = i * n;
  const high = (i + 1) * n;
  return { start: (low - (low % m)) / m, end: (high + ((m - (high % m)) % m)) / m };
}

export function adaptivePool2dGeometry(inputShape: readonly number[], opts: AdaptivePool2dOptions, op: string): AdaptivePool2dGeometry {
  checkRank(op, 'input', inputShape, 4, 'N, C, H, W', 'tensor.layout.nchw');
  const [batch, channels, height, width] = inputShape as [number, number, number, number];
  const [outH, outW] = outputSize(op, opts);
  return { batch, channels, h: { size: height, outSize: outH }, w: { size: width, outSize: outW } };
}

export function adaptivePool2dOutputShape(g: AdaptivePool2dGeometry): number[] {
  return [g.batch, g.channels, g.h.outSize, g.w.outSize];
}

/**
 * outputSize is an integer or a [height, width] pair of integers ≥ 0 (`pool.adaptive.output-size`); 0 would give
 * an empty output and is refused as E_EMPTY (`pool.adaptive.output-size.zero`, where PyTorch answers an empty
 * tensor).
 */
function outputSize(op: string, opts: AdaptivePool2dOptions): [number, number] {
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts', value: opts, rule: 'must be an object with outputSize', clause: 'pool.adaptive.output-size' });
  }
  const v: unknown = opts.outputSize;
  const rule = { min: 0, clause: 'pool.adaptive.output-size' };
  let named: [string, number][];
  if (Array.isArray(v)) {
    if (v.length !== 2) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts.outputSize', value: v, rule: 'must be an integer or a pair [height, width]', clause: 'pool.adaptive.output-size' });
    }
    named = [['opts.outputSize[0]', checkInteger(op, 'opts.outputSize[0]', v[0], rule)], ['opts.outputSize[1]', checkInteger(op, 'opts.outputSize[1]', v[1], rule)]];
  } else {
    const m = checkInteger(op, 'opts.outputSize', v, rule);
    named = [['opts.outputSize', m], ['opts.outputSize', m]];
  }
  for (const [argument, m] of named) {
    if (m === 0) {
      throw new ConvkitError({ code: 'E_EMPTY', op, argument, value: 0, rule: 'must be ≥ 1: the output would have no elements', clause: 'pool.adaptive.output-size.zero' });
    }
  }
  return [named[0]![1], named[1]![1]];
}

/** The adaptive windows for the one walker (windowWalker.ts): each axis maps output i to `adaptiveWindow`. */
export function adaptivePool2dGrid(g: AdaptivePool2dGeometry): WindowGrid {
  const taps = (axis: AdaptiveAxis) => (i: number) => {
    const w = adaptiveWindow(axis, i);
    return { first: w.start, end: w.end, step: 1 };
  };
  return { planes: g.batch * g.channels, height: g.h.size, width: g.w.size, outH: g.h.outSize, outW: g.w.outSize, rowTaps: taps(g.h), colTaps: taps(g.w) };
}
