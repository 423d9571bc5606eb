/**
 * Receptive-field arithmetic for a stack of window layers along one axis (spec/shapes.md,
 * `shape.receptive-field`). Output element o of the last layer depends on input positions
 * start + o·jump … start + o·jump + size − 1 (before clipping to the input), where for layers applied in order
 *
 *     jump_ℓ  = jump_{ℓ−1} · s_ℓ
 *     size_ℓ  = size_{ℓ−1} + d_ℓ·(k_ℓ − 1) · jump_{ℓ−1}
 *     start_ℓ = start_{ℓ−1} − p_ℓ · jump_{ℓ−1}
 *
 * starting from jump 1, size 1, start 0 (the input itself). Example: two 3×3 convs with stride 1 and padding 1
 * give size 5 and start −2: output o sees inputs o − 2 … o + 2.
 */
export interface WindowLayer {
  readonly kernel: number;
  readonly stride?: number;
  readonly dilation?: number;
  /** Padding before the first element (top or left). */
  readonly padBefore?: number;
}

export interface ReceptiveField {
  readonly jump: number;
  readonly size: number;
  readonly start: number;
}

export function receptiveField(layers: readonly WindowLayer[]): ReceptiveField {
  let jump = 1;
  let size = 1;
  let start = 0;
  for (const layer of layers) {
    const stride = layer.stride ?? 1;
    const dilation = layer.dilation ?? 1;
    size += dilation * (layer.kernel - 1) * jump;
    start -= (layer.padBefore ?? 0) * jump;
    jump *= stride;
  }
  return { jump, size, start };
}

/** The input positions [first, last] (inclusive, clipped to 0 … inputSize − 1) output `index` depends on. */
export function receptiveRange(field: ReceptiveField, index: number, inputSize: number): [first: number, last: number] {
  const first = field.start + index * field.jump;
  return [Math.max(0, first), Math.min(inputSize - 1, first + field.size - 1)];
}
