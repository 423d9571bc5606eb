/**
 * The vector-Jacobian product of pad2d (spec/gradients.md, `grad.pad2d`): the exact adjoint of the forward in
 * src/reference/pad2d.ts. Every output position read one kept input element (or the constant); its gradient
 * goes back to that element, so reflect, replicate and circular padding ACCUMULATE several output gradients
 * into one source, and positions holding the constant send nothing. Cropped elements (negative pads,
 * `pad.negative`) were never read and get zero. The constant `value` does not depend on the input.
 */
import type { Pad2dMode, Pads } from '../adapter/contract.js';
import { pad2dGeometry, pad2dOutputShape } from '../shape/pad2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradOutput } from './checkGradOutput.js';
import { sourceIndex } from './pad2d.js';

export function pad2dBackward(inputShape: readonly number[], gradOutput: Tensor, pads: Pads, mode: Pad2dMode = 'constant'): Tensor {
  const g = pad2dGeometry(inputShape, pads, mode, 'pad2dBackward');
  checkGradOutput('pad2dBackward', gradOutput, pad2dOutputShape(g));
  const gradInput = tensor(inputShape);
  const { height, width, outH, outW } = g;
  const planes = gradInput.data.length / (height * width);
  // The same source map as the forward: output row o reads kept row o − max(top, 0), shifted by the crop.
  const rowSource = Int32Array.from({ length: outH }, (_, o) => keptSource(o - Math.max(0, g.pads.top), g.keptH, g.cropTop, mode));
  const colSource = Int32Array.from({ length: outW }, (_, o) => keptSource(o - Math.max(0, g.pads.left), g.keptW, g.cropLeft, mode));
  const go = gradOutput.data;
  const gi = gradInput.data;
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    const outBase = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      const r = rowSource[i]!;
      if (r < 0) continue;
      for (let j = 0; j < outW; j++) {
        const c = colSource[j]!;
        if (c >= 0) gi[inBase + r * width + c]! += go[outBase + i * outW + j]!;
      }
    }
  }
  return gradInput;
}

function keptSource(i: number, kept: number, crop: number, mode: Pad2dMode): number {
  const k = sourceIndex(i, kept, mode);
  return k < 0 ? -1 : k + crop;
}
