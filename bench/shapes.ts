/**
 * The benchmark's cases, from a CIFAR-sized input to ImageNet-sized layers: the same shapes for every
 * implementation. Convolutions carry a bias (as the adapters' callers pass one); pooling uses the contract's
 * defaults otherwise (average pooling counts padding, `pool.avg.count-include-pad`).
 */
import type { AvgPool2dOptions, Conv2dOptions, MaxPool2dOptions } from '../src/adapter/contract.js';

export interface ConvCase {
  readonly kind: 'conv2d';
  readonly name: string;
  /** [N, C, H, W] */
  readonly input: readonly [number, number, number, number];
  /** [O, C/groups, kh, kw] */
  readonly weight: readonly [number, number, number, number];
  readonly opts: Conv2dOptions & { stride: number; padding: number };
}

export interface PoolCase {
  readonly kind: 'maxPool2d' | 'avgPool2d';
  readonly name: string;
  readonly input: readonly [number, number, number, number];
  readonly opts: MaxPool2dOptions & AvgPool2dOptions & { kernelSize: number; stride: number; padding: number };
}

export type BenchCase = ConvCase | PoolCase;

const conv = (name: string, input: ConvCase['input'], weight: ConvCase['weight'], stride: number, padding: number): ConvCase => ({
  kind: 'conv2d',
  name,
  input,
  weight,
  opts: { stride, padding },
});

const pools = (name: string, input: PoolCase['input'], kernelSize: number, stride: number, padding: number): PoolCase[] =>
  (['maxPool2d', 'avgPool2d'] as const).map((kind) => ({ kind, name, input, opts: { kernelSize, stride, padding } }));

export const benchCases: readonly BenchCase[] = [
  conv('cifar 1×3×32×32 → 16, k3 p1', [1, 3, 32, 32], [16, 3, 3, 3], 1, 1),
  conv('1×16×56×56 → 16, k3 p1', [1, 16, 56, 56], [16, 16, 3, 3], 1, 1),
  conv('resnet 1×64×56×56 → 64, k3 p1', [1, 64, 56, 56], [64, 64, 3, 3], 1, 1),
  conv('resnet stem 1×3×224×224 → 64, k7 s2 p3', [1, 3, 224, 224], [64, 3, 7, 7], 2, 3),
  conv('downsample 1×64×56×56 → 128, k3 s2 p1', [1, 64, 56, 56], [128, 64, 3, 3], 2, 1),
  ...pools('1×16×32×32, k2 s2', [1, 16, 32, 32], 2, 2, 0),
  ...pools('resnet 1×64×112×112, k3 s2 p1', [1, 64, 112, 112], 3, 2, 1),
];

/** Output extent of a window of size k, stride s, padding p on each side (no dilation, floor rounding). */
export const outExtent = (n: number, k: number, s: number, p: number): number => Math.floor((n + 2 * p - k) / s) + 1;

/**
 * Floating-point operations of a convolution: one multiply and one add per weight tap per output element,
 * 2·N·O·outH·outW·(C/groups)·kh·kw (the bias adds are not counted). Pooling has no such count: null.
 */
export function flops(c: BenchCase): number | null {
  if (c.kind !== 'conv2d') return null;
  const [n, , h, w] = c.input;
  const [o, cg, kh, kw] = c.weight;
  const { stride: s, padding: p } = c.opts;
  return 2 * n * o * outExtent(h, kh, s, p) * outExtent(w, kw, s, p) * cg * kh * kw;
}
