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
import { padSourceMaps } from './pad2d.js';

export function pad2dBackward(inputShape: readonly number[], gradOutput: Tensor, pads: Pads, mode: Pad2dMode = 'constant'): Tensor {
  const g = pad2dGeometry(inputShape, pads, mode, 'pad2dBackward');
  checkGradOutput('pad2dBackward', gradOutput, pad2dOutputShape(g));
  const gradInput = tensor(inputShape);
  const go = gradOutput.data;
  const gi = gradInput.data;
  const { rows, cols } = padSourceMaps(g, mode);
  const { height, width, outH, outW } = g;
  const planes = gi.length / (height * width);
  // Row-major output order, as the forward reads: where several outputs copied one element, their gradients
  // are added to it in that order.
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    let o = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      const r = rows[i]!;
      if (r < 0) {
        o += outW;
        continue;
      }
      const inRow = inBase + r * width;
      for (let j = 0; j < outW; j++, o++) {
        const c = cols[j]!;
        if (c >= 0) gi[inRow + c]! += go[o]!;
      }
    }
  }
  return gradInput;
}
