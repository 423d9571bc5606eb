/**
 * Padding of the last two axes (spec/padding.md). Negative pads crop first (`pad.negative`); then output
 * position o reads kept position o − max(before, 0) when that is inside the kept region, and otherwise the
 * mode's `sourceIndex` says where it reads, or that it is the constant.
 */
import { ConvkitError } from '../errors/convkitError.js';
import { pad2dGeometry, pad2dOutputShape, type Pad2dGeometry } from '../shape/pad2dGeometry.js';
import type { Pad2dMode, Pads } from '../adapter/contract.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

/**
 * Where padded position `i` (in input coordinates, may be < 0 or ≥ size) reads from, or −1 for the constant.
 * reflect mirrors without repeating the edge (`pad.reflect`), replicate clamps (`pad.replicate`), circular
 * wraps (`pad.circular`). Limits are checked before (`pad.reflect.limit`, `pad.circular.limit`).
 */
export function sourceIndex(i: number, size: number, mode: Pad2dMode | 'zeros'): number {
  if (i >= 0 && i < size) return i;
  switch (mode) {
    case 'constant':
    case 'zeros':
      return -1;
    case 'reflect':
      return i < 0 ? -i : 2 * (size - 1) - i;
    case 'replicate':
      return i < 0 ? 0 : size - 1;
    case 'circular':
      return ((i % size) + size) % size;
  }
}

export function pad2d(input: Tensor, pads: Pads, mode: Pad2dMode = 'constant', value = 0): Tensor {
  const g = pad2dGeometry(input.shape, pads, mode);
  if (typeof value !== 'number') {
    throw new ConvkitError({ code: 'E_OPTION', op: 'pad2d', argument: 'value', value, rule: 'must be a number', clause: 'pad.constant' });
  }
  const out = tensor(pad2dOutputShape(g));
  const { rows, cols } = padSourceMaps(g, mode);
  const { height, width, outH, outW } = g;
  const xs = input.data;
  const planes = xs.length / (height * width);
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    let o = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      const r = rows[i]!;
      if (r < 0) {
        out.data.fill(value, o, o + outW);
        o += outW;
        continue;
      }
      const inRow = inBase + r * width;
      for (let j = 0; j < outW; j++, o++) {
        const c = cols[j]!;
        out.data[o] = c < 0 ? value : xs[inRow + c]!;
      }
    }
  }
  return out;
}

/**
 * Where each output row and column of a pad reads from: the kept input row (column) it copies, or −1 for the
 * constant; output (i, j) copies input (rows[i], cols[j]) of its plane when both are ≥ 0. The one map the
 * forward reads through and the backward accumulates back through, in row-major output order (`grad.pad2d`).
 * Output row o reads kept row o − max(top, 0), shifted by the crop; likewise columns.
 */
export function padSourceMaps(g: Pad2dGeometry, mode: Pad2dMode): { readonly rows: Int32Array; readonly cols: Int32Array } {
  return {
    rows: Int32Array.from({ length: g.outH }, (_, o) => keptSource(o - Math.max(0, g.pads.top), g.keptH, g.cropTop, mode)),
    cols: Int32Array.from({ length: g.outW }, (_, o) => keptSource(o - Math.max(0, g.pads.left), g.keptW, g.cropLeft, mode)),
  };
}

function keptSource(i: number, kept: number, crop: number, mode: Pad2dMode): number {
  const k = sourceIndex(i, kept, mode);
  return k < 0 ? -1 : k + crop;
}
