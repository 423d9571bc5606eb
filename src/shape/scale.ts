/**
 * How large generated cases get (issue 10; spec/shapes.md `shape.scale`). Most cases stay tiny, because they
 * shrink best and run fast; a fixed share is drawn at realistic scale (channel tails, tiles, big kernels,
 * depthwise, wide pools), bounded by a work budget per call.
 * - `small`: tiny cases only (the catalogue before issue 10);
 * - `default`: tiny cases plus the realistic share;
 * - `large`: a bigger realistic share and budget.
 */
export type Scale = 'small' | 'default' | 'large';

export const SCALES: readonly Scale[] = ['small', 'default', 'large'];

export interface ScaleModel {
  /** Relative weight of realistic cases against tiny ones (tiny weight is 1 − this). */
  readonly realisticShare: number;
  /** Multiply-adds one forward call of a realistic case may cost (its reference runs in the same budget). */
  readonly workBudget: number;
  /** Largest spatial extent, channel count and batch of a realistic case. */
  readonly maxExtent: number;
  readonly maxChannels: number;
  readonly maxBatch: number;
}

export const SCALE_MODELS: Readonly<Record<Scale, ScaleModel>> = {
  small: { realisticShare: 0, workBudget: 0, maxExtent: 0, maxChannels: 0, maxBatch: 0 },
  default: { realisticShare: 0.2, workBudget: 60_000, maxExtent: 64, maxChannels: 64, maxBatch: 5 },
  large: { realisticShare: 0.5, workBudget: 2_000_000, maxExtent: 64, maxChannels: 64, maxBatch: 5 },
};

export function isScale(value: string): value is Scale {
  return (SCALES as readonly string[]).includes(value);
}
