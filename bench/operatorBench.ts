/**
 * The operator benchmark: each case of shapes.ts on the reference and on every loaded library — through its
 * adapter and raw — timed side by side (timing.ts). Before timing, each adapter's output is compared with the
 * reference's, so a figure can never come from a call that computes something else.
 */
import type { TensorData } from '../src/adapter/contract.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import { adapterContender } from './adapterContender.js';
import { caseData } from './caseTensors.js';
import type { Library } from './libraries.js';
import { benchCases, flops, type BenchCase } from './shapes.js';
import { timeSideBySide, type Timed, type Timing, type TimingConstraints } from './timing.js';

export interface OperatorResult {
  readonly op: BenchCase['kind'];
  readonly case: string;
  readonly flops: number | null;
  /** Keyed 'reference', '<lib>' (through the adapter) and '<lib> raw'. */
  readonly timings: Readonly<Record<string, Timing>>;
  /** Largest |library − reference| over the output, per library adapter (float32 against float64). */
  readonly maxAbsDiff: Readonly<Record<string, number>>;
}

function maxAbsDiff(a: TensorData, b: TensorData): number {
  if (a.shape.join() !== b.shape.join()) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) worst = Math.max(worst, Math.abs(a.data[i]! - b.data[i]!));
  return worst;
}

async function benchCase(c: BenchCase, libraries: readonly Library[], timing: TimingConstraints): Promise<OperatorResult> {
  const data = caseData(c);
  const names = ['reference'];
  const contenders: Timed[] = [adapterContender(reference, c, data.float64)];
  const releases: (() => void | Promise<void>)[] = [];
  const expected = (await contenders[0]!()) as TensorData;
  const diffs: Record<string, number> = {};
  for (const lib of libraries) {
    const viaAdapter = adapterContender(lib.adapter, c, data.float32);
    diffs[lib.key] = maxAbsDiff((await viaAdapter()) as TensorData, expected);
    const raw = await lib.raw(c, data.float32);
    releases.push(raw.release);
    names.push(lib.key, `${lib.key} raw`);
    contenders.push(viaAdapter, raw.run);
  }
  try {
    const timings = await timeSideBySide(contenders, timing);
    return { op: c.kind, case: c.name, flops: flops(c), timings: Object.fromEntries(names.map((n, i) => [n, timings[i]!])), maxAbsDiff: diffs };
  } finally {
    for (const release of releases) await release();
  }
}

export async function operatorBench(
  libraries: readonly Library[],
  timing: TimingConstraints = {},
  onCase: (r: OperatorResult) => void = () => undefined,
): Promise<OperatorResult[]> {
  const results: OperatorResult[] = [];
  for (const c of benchCases) {
    const r = await benchCase(c, libraries, timing);
    onCase(r);
    results.push(r);
  }
  return results;
}
