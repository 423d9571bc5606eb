/**
 * Tensors as reports see them: anything shaped like `{ shape, data }` (a TensorData, a fixture tensor, or a
 * tensor read back from a JSON report where non-finite values are the strings "NaN", "Infinity",
 * "-Infinity"), normalised to a shape and plain numbers; and the tensors found inside a counterexample.
 */
export interface ReportTensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

const decode = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);

/** The tensor in `value`, or null when it is not one (wrong shape, or data of the wrong length). */
export function asReportTensor(value: unknown): ReportTensor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return null;
  if (!(Array.isArray(data) || (ArrayBuffer.isView(data) && !(data instanceof DataView)))) return null;
  const values = Array.from(data as ArrayLike<unknown>, decode);
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  return values.length === count ? { shape: shape as number[], data: values } : null;
}

export interface NamedTensor {
  /** Where it sits in the counterexample, e.g. `weight` or `c.input`. */
  readonly name: string;
  readonly tensor: ReportTensor;
}

/** Every tensor inside a counterexample, depth first, named by its path. */
export function findTensors(value: unknown, name = ''): NamedTensor[] {
  const t = asReportTensor(value);
  if (t !== null) return [{ name: name || 'value', tensor: t }];
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => findTensors(v, name ? `${name}.${k}` : k));
}

/**
 * actual − expected element by element; 0 where both are the same non-finite value (NaN and NaN, +∞ and +∞),
 * NaN where only one is. Null when the shapes differ.
 */
export function difference(actual: ReportTensor, expected: ReportTensor): ReportTensor | null {
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, i) => d !== expected.shape[i])) return null;
  const data = actual.data.map((a, i) => {
    const e = expected.data[i]!;
    if (Number.isNaN(a) && Number.isNaN(e)) return 0;
    if (a === e) return 0;
    return a - e;
  });
  return { shape: actual.shape, data };
}

/** A tensor's shape as `[1, 1, 3, 3]`. */
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;
