/**
 * The reference's tensor: a shape and a row-major Float64Array (spec/tensors.md, `tensor.layout.row-major`,
 * `num.reference-float64`). Deliberately no strides or views: every operator reads one dense buffer.
 */
export interface Tensor {
  /** A fresh array owned by the tensor (mutable type so a Tensor is also a contract TensorData). */
  readonly shape: number[];
  readonly data: Float64Array;
}

export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: readonly number[], data?: ArrayLike<number>): Tensor {
  const size = elementCount(shape);
  const buffer = new Float64Array(size);
  if (data !== undefined) {
    if (data.length !== size) {
      throw new RangeError(`tensor: data.length=${data.length}, but shape [${shape.join(', ')}] needs ${size}`);
    }
    buffer.set(data);
  }
  return { shape: [...shape], data: buffer };
}

export function zeros(shape: readonly number[]): Tensor {
  return tensor(shape);
}

export function full(shape: readonly number[], value: number): Tensor {
  const t = tensor(shape);
  t.data.fill(value);
  return t;
}

/** Builds a tensor from nested arrays, e.g. `fromNested([[1, 2], [3, 4]])`. */
export function fromNested(nested: unknown): Tensor {
  const shape: number[] = [];
  let level: unknown = nested;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const flat = (nested as unknown[]).flat(Infinity) as number[];
  return tensor(shape, flat);
}

/** Nested arrays in row-major order, the inverse of `fromNested`; handy in messages and fixtures. */
export function toNested(t: Tensor): unknown {
  const build = (dim: number, offset: number): unknown => {
    const size = t.shape[dim] ?? 1;
    if (dim === t.shape.length - 1) return Array.from(t.data.subarray(offset, offset + size));
    const stride = elementCount(t.shape.slice(dim + 1));
    return Array.from({ length: size }, (_, i) => build(dim + 1, offset + i * stride));
  };
  return t.shape.length === 0 ? t.data[0] : build(0, 0);
}

export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  if (elementCount(shape) !== t.data.length) {
    throw new RangeError(`reshape: [${t.shape.join(', ')}] has ${t.data.length} elements, [${shape.join(', ')}] needs ${elementCount(shape)}`);
  }
  return { shape: [...shape], data: t.data };
}

export function mapTensor(t: Tensor, f: (v: number) => number): Tensor {
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(t.data[i]!);
  return { shape: [...t.shape], data: out };
}
