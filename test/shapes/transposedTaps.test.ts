/** The kernel and input runs of one transposed axis, against hand derivations from y = i·s − p + a·d (`convt.definition`). */
import { describe, expect, it } from 'vitest';
import type { TransposedAxis } from '../../src/shape/convTranspose2dGeometry.js';
import { inputRangesByKernel, kernelRangesByInput } from '../../src/shape/transposedTaps.js';

// size 2, kernel 4, stride 2, padding 1: out = (2 − 1)·2 − 2·1 + (4 − 1) + 1 = 4 (the DCGAN layer, one row).
const dcgan: TransposedAxis = { size: 2, kernel: 4, stride: 2, dilation: 1, padding: 1, outputPadding: 0, out: 4 };

describe('kernelRangesByInput and inputRangesByKernel', () => {
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

  it('stride 3, dilation 2, padding 2, output padding 2: the cropped taps leave the runs (hand-derived)', () => {
    // out = (2 − 1)·3 − 2·2 + 2·(2 − 1) + 2 + 1 = 4; y = 3i − 2 + 2a: (i0,a0) → −2 cropped, (i0,a1) → 0,
    // (i1,a0) → 1, (i1,a1) → 3.
    const axis: TransposedAxis = { size: 2, kernel: 2, stride: 3, dilation: 2, padding: 2, outputPadding: 2, out: 4 };
    const byInput = kernelRangesByInput(axis);
    expect([[...byInput.lo], [...byInput.hi]]).toEqual([[1, 0], [2, 2]]);
    const byKernel = inputRangesByKernel(axis);
    expect([[...byKernel.lo], [...byKernel.hi]]).toEqual([[1, 0], [2, 2]]);
  });
});
