/** Options with height and width exchanged, for the NCHW transposition properties. */
import type { AvgPool2dOptions, Conv2dOptions, MaxPool2dOptions, Pad2dMode, Pads, Pair } from '../../src/adapter/contract.js';

export function swapPair(p: Pair | undefined): Pair | undefined {
  return Array.isArray(p) ? [p[1], p[0]] : p;
}

export function swapPads(p: Pads): Pads {
  return { top: p.left, bottom: p.right, left: p.top, right: p.bottom };
}

export function swapConv2dOptions(o: Conv2dOptions): Conv2dOptions {
  const out: Conv2dOptions = { ...o };
  if (o.stride !== undefined) out.stride = swapPair(o.stride)!;
  if (o.dilation !== undefined) out.dilation = swapPair(o.dilation)!;
  if (o.padding !== undefined) {
    out.padding = typeof o.padding === 'object' && !Array.isArray(o.padding) ? swapPads(o.padding) : typeof o.padding === 'string' ? o.padding : swapPair(o.padding)!;
  }
  return out;
}

export function swapPoolOptions<T extends MaxPool2dOptions | AvgPool2dOptions>(o: T): T {
  const out = { ...o, kernelSize: swapPair(o.kernelSize)! } as T;
  if (o.stride !== undefined) out.stride = swapPair(o.stride)!;
  if (o.padding !== undefined) out.padding = swapPair(o.padding)!;
  if ('dilation' in o && o.dilation !== undefined) (out as MaxPool2dOptions).dilation = swapPair(o.dilation)!;
  return out;
}

export type { Pad2dMode };
