/** The tap tables of one transposed axis, against hand derivations from y = i·s − p + a·d (`convt.definition`). */
import { describe, expect, it } from 'vitest';
import type { TransposedAxis } from '../../src/shape/convTranspose2dGeometry.js';
import { inputRangesByKernel, kernelRangesByInput, transposedTaps } from '../../src/shape/transposedTaps.js';

// size 2, kernel 4, stride 2, padding 1: out = (2 − 1)·2 − 2·1 + (4 − 1) + 1 = 4 (the DCGAN layer, one row).
const dcgan: TransposedAxis = { size: 2, kernel: 4, stride: 2, dilation: 1, padding: 1, outputPadding: 0, out: 4 };

const pairs = (axis: TransposedAxis) => {
  const t = transposedTaps(axis);
  return Array.from({ length: axis.out }, (_, y) => Array.from({ length: t.start[y + 1]! - t.start[y]! }, (_, k) => [t.kernel[t.start[y]! + k], t.input[t.start[y]! + k]]));
};

describe('transposedTaps', () => {
  it('4×4 stride 2 padding 1 on 2 inputs: (a, i) per output, inputs ascending (hand-derived)', () => {
    // y = 2i − 1 + a: y0 ← (1,0); y1 ← (2,0),(0,1); y2 ← (3,0),(1,1); y3 ← (2,1) (a = 4 does not exist).
    expect(pairs(dcgan)).toEqual([[[1, 0]], [[2, 0], [0, 1]], [[3, 0], [1, 1]], [[2, 1]]]);
  });

  it('dilation 2, stride 3, output padding 2: the outputs no tap reaches have none (hand-derived)', () => {
    // out = (2 − 1)·3 − 0 + 2·(2 − 1) + 2 + 1 = 8; y = 3i + 2a: i ∈ {0,1}, a ∈ {0,1} → y ∈ {0, 2, 3, 5}.
    const axis: TransposedAxis = { size: 2, kernel: 2, stride: 3, dilation: 2, padding: 0, outputPadding: 2, out: 8 };
    expect(pairs(axis)).toEqual([[[0, 0]], [], [[1, 0]], [[0, 1]], [], [[1, 1]], [], []]);
  });

  it('kernel runs per input and input runs per kernel index (hand-derived)', () => {
    // Input 0 lands on 2·0 − 1 + a ∈ [0, 4) for a = 1 … 3; input 1 on 1 + a for a = 0 … 2.
    const byInput = kernelRangesByInput(dcgan);
    expect([...byInput.lo]).toEqual([1, 0]);
    expect([...byInput.hi]).toEqual([4, 3]);
    // a = 0 reaches only input 1; a = 1, 2 both inputs; a = 3 only input 0 (1 + 3 = 4 is cropped).
    const byKernel = inputRangesByKernel(dcgan);
    expect([...byKernel.lo]).toEqual([1, 0, 0, 0]);
    expect([...byKernel.hi]).toEqual([2, 2, 2, 1]);
  });
});
