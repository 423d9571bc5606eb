/**
 * mulberry32: a tiny seedable generator of uniform numbers in [0, 1) (Tommy Ettinger's 32-bit mix, public
 * domain). Enough for reproducible layer initialisation; it does not reproduce torch.rand's stream, which is
 * why the notes' training fixtures store their (recovered) initial kernels instead of a seed.
 */
export type RandomSource = () => number;

export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
