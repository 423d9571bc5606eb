/**
 * Deliberately wrong backward operators, each a plausible bug, wrapped as adapters around the reference: the
 * gradient tests must catch every one (wrong-backwards.test.ts).
 */
import type { Adapter, MaxPool2dOptions, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { maxPool2dGeometry } from '../../src/shape/pool2dGeometry.js';
import { avgPool2dBackward } from '../../src/reference/avgPool2dBackward.js';
import { tensor } from '../../src/tensor/tensor.js';
import { toTensor, toTensorData } from '../../src/tensor/tensorData.js';

/** conv2d's input gradient read one column too far right whenever there is padding (an off-by-one in `left`). */
export const convInputShiftedWhenPadded: Adapter = {
  ...reference,
  name: 'conv-input-shifted-when-padded',
  async conv2dBackward(input, weight, bias, gradOutput, opts = {}) {
    const g = await reference.conv2dBackward!(input, weight, bias, gradOutput, opts);
    const { pads } = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    if (pads.top + pads.bottom + pads.left + pads.right === 0) return g;
    const width = input.shape[3]!;
    const shifted = Float64Array.from(g.input.data, (_, i) => (i % width === width - 1 ? 0 : g.input.data[i + 1]!));
    return { ...g, input: { shape: g.input.shape, data: shifted } };
  },
};

/** max pooling's gradient sent to EVERY element equal to the window's maximum, instead of the first one. */
export const maxPoolGradientToEveryTie: Adapter = {
  ...reference,
  name: 'max-pool-gradient-to-every-tie',
  maxPool2dBackward(input, gradOutput, opts) {
    return scatterToWindowMaxima(input, gradOutput, opts, (best, v) => v === best || (Number.isNaN(best) && Number.isNaN(v)));
  },
};

/** max pooling's gradient sent to the FIRST NaN of a window rather than the last (`grad.max-pool2d.nan`). */
export const maxPoolGradientToFirstNaN: Adapter = {
  ...reference,
  name: 'max-pool-gradient-to-first-nan',
  maxPool2dBackward(input, gradOutput, opts) {
    let taken = false;
    return scatterToWindowMaxima(input, gradOutput, opts, (best, v, first) => {
      if (first) taken = false;
      if (Number.isNaN(best)) { const hit = Number.isNaN(v) && !taken; if (hit) taken = true; return hit; }
      if (v === best && !taken) { taken = true; return true; }
      return false;
    });
  },
};

/** average pooling's backward that always divides by the window's area inside the input (ignores count_include_pad). */
export const avgPoolIgnoringCountIncludePad: Adapter = {
  ...reference,
  name: 'avg-pool-ignoring-count-include-pad',
  avgPool2dBackward(input, gradOutput, opts) {
    const x = toTensor(input, 'test', 'input');
    return toTensorData(avgPool2dBackward(x, toTensor(gradOutput, 'test', 'gradOutput'), { ...opts, countIncludePad: false }));
  },
};

/** pad2d's backward that overwrites instead of accumulating (the last copy of a reflected element wins). */
export const padBackwardOverwrites: Adapter = {
  ...reference,
  name: 'pad-backward-overwrites',
  async pad2dBackward(input, gradOutput, pads, mode) {
    // Send a one-hot gradient through the reference to learn each output position's source, then overwrite.
    const planeOut = gradOutput.shape.slice(-2).reduce((a, b) => a * b, 1);
    const planeIn = input.shape.slice(-2).reduce((a, b) => a * b, 1);
    const result = new Float64Array(input.data.length);
    for (let k = 0; k < planeOut; k++) {
      const hot = new Float64Array(planeOut);
      hot[k] = 1;
      const single = await reference.pad2dBackward!({ shape: [...input.shape.slice(-2)], data: new Float64Array(planeIn) }, { shape: [...gradOutput.shape.slice(-2)], data: hot }, pads, mode);
      const source = Array.from(single.data).findIndex((v) => v !== 0);
      if (source < 0) continue;
      for (let p = 0; p * planeIn < input.data.length; p++) result[p * planeIn + source] = gradOutput.data[p * planeOut + k]!;
    }
    return { shape: [...input.shape], data: result };
  },
};

/**
 * Scans each window as the forward does and sends G to every element `chosen(best, v, first)` accepts, where
 * best is the window's maximum (NaN if it holds one) and `first` marks the window's first element.
 */
function scatterToWindowMaxima(input: TensorData, gradOutput: TensorData, opts: MaxPool2dOptions, chosen: (best: number, v: number, first: boolean) => boolean): TensorData {
  const g = maxPool2dGeometry(input.shape, opts);
  const out = tensor(input.shape);
  for (let p = 0; p < g.batch * g.channels; p++) {
    for (let i = 0; i < g.h.out; i++) {
      for (let j = 0; j < g.w.out; j++) {
        const cells: number[] = [];
        for (let a = 0; a < g.h.kernel; a++) {
          for (let b = 0; b < g.w.kernel; b++) {
            const y = i * g.h.stride - g.h.padBefore + a * g.h.dilation;
            const x = j * g.w.stride - g.w.padBefore + b * g.w.dilation;
            if (y >= 0 && y < g.h.size && x >= 0 && x < g.w.size) cells.push(p * g.h.size * g.w.size + y * g.w.size + x);
          }
        }
        const values = cells.map((c) => input.data[c]!);
        const best = values.some(Number.isNaN) ? NaN : Math.max(...values);
        cells.forEach((c, k) => { if (chosen(best, values[k]!, k === 0)) out.data[c]! += gradOutput.data[(p * g.h.out + i) * g.w.out + j]!; });
      }
    }
  }
  return toTensorData(out);
}
