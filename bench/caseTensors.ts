/**
 * The tensors of one benchmark case, made once and shared by every implementation: the same values (uniform
 * in [−1, 1), seeded) as float64 for the reference and float32 for the libraries, in the contract's NCHW/OIHW.
 */
import type { TensorData } from '../src/adapter/contract.js';
import { mulberry32 } from '../src/autograd/seededRandom.js';
import type { BenchCase } from './shapes.js';

export interface CaseTensors {
  readonly input: TensorData;
  /** Conv cases only. */
  readonly weight: TensorData | null;
  readonly bias: TensorData | null;
}

export interface CaseData {
  readonly float64: CaseTensors;
  readonly float32: CaseTensors;
}

const SEED = 6;

function uniform(shape: readonly number[], next: () => number): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  return Float64Array.from({ length: size }, () => 2 * next() - 1);
}

export function caseData(c: BenchCase): CaseData {
  const next = mulberry32(SEED);
  const shapes: (readonly number[] | null)[] = [c.input, c.kind === 'conv2d' ? c.weight : null, c.kind === 'conv2d' ? [c.weight[0]] : null];
  const values = shapes.map((s) => (s === null ? null : { shape: [...s], data: uniform(s, next) }));
  const as32 = (t: TensorData | null): TensorData | null => (t === null ? null : { shape: t.shape, data: Float32Array.from(t.data) });
  const [input, weight, bias] = values as [TensorData, TensorData | null, TensorData | null];
  return {
    float64: { input, weight, bias },
    float32: { input: as32(input)!, weight: as32(weight), bias: as32(bias) },
  };
}
