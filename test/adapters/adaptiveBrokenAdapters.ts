/**
 * Deliberately broken adaptive pooling (spec/pooling.md, adaptive pooling), each one realistic bug, so every
 * generic property the two records get catches something: window bounds by integer division, a transposed
 * outputSize, a backward dividing by the even window size, a max gradient sent to the window's first element,
 * and an outputSize clamped instead of refused.
 */
import type { AdaptivePool2dOptions, Adapter, Pair, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { adaptivePool2dGeometry, adaptiveWindow } from '../../src/shape/adaptivePool2dGeometry.js';

type Op = 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d';
/** Input range [start, end) of output i of an axis of n inputs pooled to m outputs. */
type Windows = (n: number, m: number, i: number) => [number, number];

const specWindows: Windows = (n, m, i) => {
  const w = adaptiveWindow({ size: n, outSize: m }, i);
  return [w.start, w.end];
};
/** end = ⌊(i+1)·n/m⌋ (integer division) instead of the ceiling: the last element of an uneven window is dropped. */
const floorEndWindows: Windows = (n, m, i) => {
  const start = Math.floor((i * n) / m);
  return [start, Math.max(start + 1, Math.floor(((i + 1) * n) / m))];
};
const sizePair = (p: Pair): [number, number] => (Array.isArray(p) ? [p[0], p[1]] : [p, p]);

/** Validates the call as the spec says unless `outputSize` is given (the clamping bug); then pools with `windows`. */
function adaptivePoolWith(op: Op, windows: Windows, outputSize?: (o: AdaptivePool2dOptions) => [number, number]) {
  return (x: TensorData, o: AdaptivePool2dOptions): TensorData => {
    if (outputSize === undefined) adaptivePool2dGeometry(x.shape, o, op);
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const [mh, mw] = outputSize ? outputSize(o) : sizePair(o.outputSize);
    const out: number[] = [];
    for (let p = 0; p < n * c; p++) {
      for (let i = 0; i < mh; i++) {
        const [y0, y1] = windows(h, mh, i);
        for (let j = 0; j < mw; j++) {
          const [x0, x1] = windows(w, mw, j);
          let acc = op === 'adaptiveAvgPool2d' ? 0 : -Infinity;
          for (let y = y0; y < y1; y++) {
            for (let q = x0; q < x1; q++) {
              const v = Number(x.data[(p * h + y) * w + q]);
              acc = op === 'adaptiveAvgPool2d' ? acc + v : v > acc || Number.isNaN(v) ? v : acc;
            }
          }
          out.push(op === 'adaptiveAvgPool2d' ? acc / ((y1 - y0) * (x1 - x0)) : acc);
        }
      }
    }
    return { shape: [n, c, mh, mw], data: out };
  };
}

/** The backward of adaptive average pooling, dividing by ⌈H/m_h⌉·⌈W/m_w⌉ (the even window) instead of each window's size. */
function avgBackwardEvenDivisor(x: TensorData, g: TensorData, o: AdaptivePool2dOptions): TensorData {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [mh, mw] = sizePair(o.outputSize);
  const grad = new Float64Array(n * c * h * w);
  for (let p = 0; p < n * c; p++) {
    for (let i = 0; i < mh; i++) {
      const [y0, y1] = specWindows(h, mh, i);
      for (let j = 0; j < mw; j++) {
        const [x0, x1] = specWindows(w, mw, j);
        const share = Number(g.data[(p * mh + i) * mw + j]) / (Math.ceil(h / mh) * Math.ceil(w / mw));
        for (let y = y0; y < y1; y++) for (let q = x0; q < x1; q++) grad[(p * h + y) * w + q]! += share;
      }
    }
  }
  return { shape: [...x.shape], data: grad };
}

/** The backward of adaptive max pooling, sending each window's gradient to its first element, not its maximum. */
function maxBackwardToWindowStart(x: TensorData, g: TensorData, o: AdaptivePool2dOptions): TensorData {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [mh, mw] = sizePair(o.outputSize);
  const grad = new Float64Array(n * c * h * w);
  for (let p = 0; p < n * c; p++) {
    for (let i = 0; i < mh; i++) {
      for (let j = 0; j < mw; j++) grad[(p * h + specWindows(h, mh, i)[0]) * w + specWindows(w, mw, j)[0]]! += Number(g.data[(p * mh + i) * mw + j]);
    }
  }
  return { shape: [...x.shape], data: grad };
}

/** outputSize −1 or [m] answered as if valid: |m| clamped to ≥ 1, a one-element pair used for both axes. */
const clampedSize = (o: AdaptivePool2dOptions): [number, number] => {
  const p = o.outputSize as unknown;
  const [a, b] = Array.isArray(p) ? [p[0] as number, (p[1] ?? p[0]) as number] : [p as number, p as number];
  return [Math.max(1, Math.abs(a)), Math.max(1, Math.abs(b))];
};

const broken = (name: string, bug: string, patch: Partial<Adapter>) => ({ adapter: { ...reference, name, ...patch } as Adapter, bug });

export const adaptiveBrokenAdapters = [
  broken('adaptive-pool-floor-window-end', 'adaptive pooling windows end at ⌊(i+1)·n/m⌋ (integer division) instead of ⌈(i+1)·n/m⌉', {
    adaptiveAvgPool2d: adaptivePoolWith('adaptiveAvgPool2d', floorEndWindows),
    adaptiveMaxPool2d: adaptivePoolWith('adaptiveMaxPool2d', floorEndWindows),
  }),
  broken('adaptive-pool-output-size-transposed', 'outputSize [h, w] read as [w, h]', {
    adaptiveAvgPool2d: (x, o) => adaptivePoolWith('adaptiveAvgPool2d', specWindows)(x, { outputSize: sizePair(o.outputSize).reverse() as [number, number] }),
    adaptiveMaxPool2d: (x, o) => adaptivePoolWith('adaptiveMaxPool2d', specWindows)(x, { outputSize: sizePair(o.outputSize).reverse() as [number, number] }),
  }),
  broken('adaptive-avg-backward-even-divisor', 'the adaptive average backward divides by the even window size ⌈n/m⌉², not each window’s own', {
    adaptiveAvgPool2dBackward: avgBackwardEvenDivisor,
  }),
  broken('adaptive-max-grad-to-window-start', 'the adaptive max backward sends the gradient to the window’s first element', {
    adaptiveMaxPool2dBackward: maxBackwardToWindowStart,
  }),
  broken('adaptive-pool-clamps-output-size', 'a negative or one-element outputSize is clamped and answered instead of refused', {
    adaptiveAvgPool2d: adaptivePoolWith('adaptiveAvgPool2d', specWindows, clampedSize),
    adaptiveMaxPool2d: adaptivePoolWith('adaptiveMaxPool2d', specWindows, clampedSize),
  }),
];
