/**
 * The shape module's own tests (STYLE habit 7): the worked examples of its doc comments, both 'same'
 * conventions, and receptive fields of stacks — values worked by hand here, not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { receptiveField, receptiveRange, samePadding, transposedOutputSize, windowOutputSize } from '../../src/index.js';

const axis = (size: number, kernel: number, stride: number, pad: number, ceilMode = false, dilation = 1) =>
  windowOutputSize({ size, kernel, stride, dilation, padBefore: pad, padAfter: pad, ceilMode });

describe('windowOutputSize (shape.window, shape.window.ceil, pool.ceil-mode.last-window)', () => {
  it('the notes: 8×8 with k=3, p=1 stays 8; 100 with k=3 gives 98 (001 §2.1, 003)', () => {
    expect(axis(8, 3, 1, 1)).toBe(8);
    expect(axis(100, 3, 1, 0)).toBe(98);
  });
  it("d2l's stride examples: 8 with k=3, p=1, s=2 → 4; (8, k=3, p=0, s=3) → 2 and (8, k=5, p=1, s=4) → 2", () => {
    expect(axis(8, 3, 2, 1)).toBe(4);
    expect(axis(8, 3, 3, 0)).toBe(2);
    expect(axis(8, 5, 4, 1)).toBe(2);
  });
  it('ceil mode keeps a partial last window that starts inside, drops one that would start in the right padding', () => {
    expect(axis(5, 2, 2, 0, false)).toBe(2);
    expect(axis(5, 2, 2, 0, true)).toBe(3); // starts 0, 2, 4
    expect(axis(4, 2, 2, 1, true)).toBe(3); // starts −1, 1, 3: 3 is inside
    expect(axis(3, 2, 2, 1, true)).toBe(2); // a third window would start at 3, the right padding
  });
  it('ceil mode with a window larger than the padded input answers one window (as PyTorch)', () => {
    expect(axis(1, 3, 3, 0, true)).toBe(1);
    expect(axis(1, 3, 3, 0, false)).toBe(0);
  });
  it('dilation widens the window to d·(k − 1) + 1', () => {
    expect(axis(7, 3, 1, 0, false, 2)).toBe(3);
  });
});

describe("'same' padding conventions (conv.padding.same.torch, conv.padding.same.notes)", () => {
  it('odd total: torch puts the extra row after, the notes before', () => {
    expect(samePadding(2, 1, 'torch')).toEqual([0, 1]);
    expect(samePadding(2, 1, 'notes')).toEqual([1, 0]);
    expect(samePadding(4, 1)).toEqual([1, 2]);
  });
  it('even total splits evenly in both', () => {
    expect(samePadding(3, 1, 'torch')).toEqual([1, 1]);
    expect(samePadding(3, 2, 'notes')).toEqual([2, 2]);
  });
});

describe('transposedOutputSize (shape.conv-transpose)', () => {
  it('(n − 1)s − 2p + d(k − 1) + outputPadding + 1', () => {
    expect(transposedOutputSize(3, 3, 2, 1, 1, 1)).toBe(6); // 4 − 2 + 2 + 1 + 1
    expect(transposedOutputSize(1, 1, 1, 1, 0, 0)).toBe(1);
  });
});

describe('receptiveField (shape.receptive-field)', () => {
  it('two 3×3 convolutions with padding 1 see 5 inputs, starting 2 before', () => {
    expect(receptiveField([{ kernel: 3, padBefore: 1 }, { kernel: 3, padBefore: 1 }])).toEqual({ jump: 1, size: 5, start: -2 });
  });
  it('a stride-2 layer doubles the jump and widens what follows', () => {
    const f = receptiveField([{ kernel: 3, stride: 2 }, { kernel: 3 }]);
    expect(f).toEqual({ jump: 2, size: 7, start: 0 });
    expect(receptiveRange(f, 1, 10)).toEqual([2, 8]);
  });
  it('clips to the input', () => {
    expect(receptiveRange({ jump: 1, size: 5, start: -2 }, 0, 4)).toEqual([0, 2]);
  });
});
