/**
 * 'same' padding: the total padding d·(k − 1) that keeps a stride-1 output the size of its input, split
 * between the two sides (spec/conv2d.md, `conv.padding.same`). Two conventions exist for an odd total:
 * - 'torch' (`conv.padding.same.torch`): ⌊total/2⌋ before, the extra one after (bottom/right) — PyTorch's
 *   `_conv_forward` with padding='same' (torch/nn/modules/conv.py, `_reversed_padding_repeated_twice`).
 * - 'notes' (`conv.padding.same.notes`): ⌈total/2⌉ before (top/left), ⌊total/2⌋ after — the d2l notes, 001 §2.1.
 * The contract's 'same' means 'torch'.
 */
export type SameConvention = 'torch' | 'notes';

export function samePadding(kernel: number, dilation: number, convention: SameConvention = 'torch'): [before: number, after: number] {
  const total = dilation * (kernel - 1);
  const small = Math.floor(total / 2);
  const large = total - small;
  return convention === 'torch' ? [small, large] : [large, small];
}
