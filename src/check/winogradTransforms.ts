/**
 * The transform matrices of Winograd's minimal filtering F(m, 3) for m = 2 and 4, as Lavin & Gray give them
 * ("Fast Algorithms for Convolutional Neural Networks", CVPR 2016, §4.1–4.2): for a tile d of α = m + 2 inputs
 * and a 3-tap kernel g, the m outputs of the correlation are Y = Aᵀ[(G g) ⊙ (Bᵀ d)], and in 2-D
 * Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A (spec/numerics.md, `num.bound.winograd`). Data only: the bound uses their absolute values.
 */
export interface WinogradTransform {
  /** m: outputs per tile and axis. */
  readonly m: number;
  /** r: kernel taps per axis. */
  readonly r: number;
  /** Aᵀ (m × α), α = m + r − 1. */
  readonly AT: readonly (readonly number[])[];
  /** G (α × r). */
  readonly G: readonly (readonly number[])[];
  /** Bᵀ (α × α). */
  readonly BT: readonly (readonly number[])[];
}

export const WINOGRAD_F2_3: WinogradTransform = {
  m: 2,
  r: 3,
  AT: [[1, 1, 1, 0], [0, 1, -1, -1]],
  G: [[1, 0, 0], [1 / 2, 1 / 2, 1 / 2], [1 / 2, -1 / 2, 1 / 2], [0, 0, 1]],
  BT: [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]],
};

export const WINOGRAD_F4_3: WinogradTransform = {
  m: 4,
  r: 3,
  AT: [[1, 1, 1, 1, 1, 0], [0, 1, -1, 2, -2, 0], [0, 1, 1, 4, 4, 0], [0, 1, -1, 8, -8, 1]],
  G: [[1 / 4, 0, 0], [-1 / 6, -1 / 6, -1 / 6], [-1 / 6, 1 / 6, -1 / 6], [1 / 24, 1 / 12, 1 / 6], [1 / 24, -1 / 12, 1 / 6], [0, 0, 1]],
  BT: [[4, 0, -5, 0, 1, 0], [0, -4, -4, 1, 1, 0], [0, 4, -4, -1, 1, 0], [0, -2, -1, 2, 1, 0], [0, 2, -1, -2, 1, 0], [0, 4, 0, -5, 0, 1]],
};

/** The transform of a declared tile (`kit.protocol.numerics` allows 2 and 4). */
export function winogradTransform(m: number): WinogradTransform {
  if (m === 2) return WINOGRAD_F2_3;
  if (m === 4) return WINOGRAD_F4_3;
  throw new RangeError(`winogradTile must be 2 or 4 (m of F(m×m, 3×3)), got ${m}`);
}
