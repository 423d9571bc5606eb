/**
 * Calibration of the bounds on a real library (spec/numerics.md, "Calibration on real libraries"): runs the default
 * conformance run (seed, runs, scale) against an adapter while recording every successful call of an operator that
 * sums products, then gives per operator — conv2d also per reduction length K = C/groups·k_h·k_w — the largest
 * |adapter − reference| / bound over finite elements with a non-zero bound, the bound being the adapter's declared
 * one (`num.declaration`: forward as referenceWithBound, backward as the gradient properties, n = gradOutput size).
 * Calls whose inputs are not float32-exact are left out (`num.float32-inputs`: the training fixtures' SGD weights).
 * It writes the measurement as data (CalibrationReport, JSON); scripts/calibrationTable.ts prints the table.
 *   npx tsx scripts/calibrationMeasure.ts --adapter tfjs --json /tmp/calibration/tfjs.json
 * --adapter takes every spec `convkit run` does (built-in names, module paths, cmd:…, page:…).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Adapter, OperatorName, TensorData } from '../src/adapter/contract.js';
import type { ForwardOp, OperatorCall } from '../src/adapter/operatorCall.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import { invokeBackward } from '../src/adapter/operatorCall.js';
import { declarationFor, type Declaration } from '../src/check/declaredNumerics.js';
import { sumBound } from '../src/check/tolerance.js';
import { loadAdapter } from '../src/cli/loadAdapter.js';
import { DEFAULT_RUNS, DEFAULT_SEED, runConformance } from '../src/kit/runConformance.js';
import { referenceWithBound } from '../properties/assertions/referenceBound.js';
import { absTensor } from '../properties/transforms/elementwise.js';

/** One row of the measurement: an operator (or conv2d at one K class) under its declaration. */
export interface CalibrationRow {
  /** The adapter method measured (`conv2d`, `conv2dBackward`). */
  readonly operator: string;
  /** conv2d only: the reduction-length class, e.g. 'K ≤ 32'; absent for the operator's overall row. */
  readonly kClass?: string;
  readonly declaration: Declaration;
  readonly calls: number;
  /** The largest error / bound over the calls' finite elements (≤ 1 passes). */
  readonly worstRatio: number;
}

export interface CalibrationReport {
  readonly format: 'convkit-calibration/1';
  readonly adapter: string;
  readonly adapterSpec: string;
  readonly dtype: Adapter['dtype'];
  readonly seed: number;
  readonly runs: number;
  readonly rows: readonly CalibrationRow[];
  /** The status of conv2d.exact-integers in the same run (`num.exact-integers`), when the adapter has conv2d. */
  readonly exactIntegers?: string;
  readonly generatedAt: string;
}

type Recorded = { kind: 'forward' | 'backward'; call: OperatorCall; gradOutput?: TensorData; result: unknown };

const ARGS: Partial<Record<ForwardOp, string[]>> = { corr2d: ['x', 'k'], conv2d: ['input', 'weight', 'bias'], convTranspose2d: ['input', 'weight', 'bias'], avgPool2d: ['input'] };
const BACKWARD: Record<string, ForwardOp> = { conv2dBackward: 'conv2d', convTranspose2dBackward: 'convTranspose2d', avgPool2dBackward: 'avgPool2d' };

function recording(adapter: Adapter, log: Recorded[]): Adapter {
  const wrapped: Record<string, unknown> = { ...adapter };
  for (const [op, names] of Object.entries(ARGS)) {
    const f = adapter[op as ForwardOp] as ((...a: unknown[]) => unknown) | undefined;
    if (!f) continue;
    wrapped[op] = async (...a: unknown[]) => {
      const result = await f(...a);
      const inputs = Object.fromEntries(names.map((n, i) => [n, (a[i] ?? null) as TensorData | null]));
      log.push({ kind: 'forward', call: { op: op as ForwardOp, inputs, options: (a[names.length] ?? {}) as Record<string, unknown> }, result });
      return result;
    };
  }
  for (const [bop, op] of Object.entries(BACKWARD)) {
    const f = adapter[bop as keyof Adapter] as ((...a: unknown[]) => unknown) | undefined;
    if (!f) continue;
    wrapped[bop] = async (...a: unknown[]) => {
      const result = await f(...a);
      const conv = op !== 'avgPool2d';
      const inputs = conv ? { input: a[0], weight: a[1], bias: a[2] } : { input: a[0] };
      log.push({ kind: 'backward', call: { op, inputs: inputs as Record<string, TensorData | null>, options: (a[conv ? 4 : 2] ?? {}) as Record<string, unknown> }, gradOutput: a[conv ? 3 : 1] as TensorData, result });
      return result;
    };
  }
  return wrapped as unknown as Adapter;
}

/** The tolerance assumes float32-exact inputs (`num.float32-inputs`); the training fixtures' SGD steps are not. */
const float32Exact = (ts: unknown[]) => ts.every((t) => !t || Array.from((t as TensorData).data).every((v) => !Number.isFinite(v) || Math.fround(v) === v));

function worstRatio(got: ArrayLike<number>, want: ArrayLike<number>, bound: (i: number) => number): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const b = bound(i);
    if (!Number.isFinite(want[i]!) || !Number.isFinite(got[i]!) || !(b > 0) || !Number.isFinite(b)) continue;
    worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / b);
  }
  return worst;
}

/** The method a recorded call measures and its worst ratio under the adapter's declaration for that method. */
async function ratioOf(r: Recorded, adapter: Adapter): Promise<[OperatorName, number]> {
  if (r.kind === 'forward') {
    const { expected, bound } = await referenceWithBound(r.call, adapter);
    const got = (r.result as TensorData).data;
    return [r.call.op, got.length === expected.data.length ? worstRatio(got, expected.data, bound) : 0];
  }
  const method = `${r.call.op}Backward` as OperatorName;
  const g = r.gradOutput!;
  const want = await invokeBackward(reference, r.call, g);
  const conv = r.call.op !== 'avgPool2d';
  const absCall = conv ? { ...r.call, inputs: Object.fromEntries(Object.entries(r.call.inputs).map(([k, t]) => [k, t ? absTensor(t) : null])) } : r.call;
  const sums = await invokeBackward(reference, absCall, absTensor(g));
  const got = (conv ? r.result : { input: r.result }) as Record<string, TensorData | undefined>;
  const declared = declarationFor(adapter, method);
  let worst = 0;
  for (const [name, w] of Object.entries(want)) {
    const a = got[name];
    if (!w || !a || a.data.length !== w.data.length) continue;
    worst = Math.max(worst, worstRatio(a.data, w.data, (i) => sumBound(g.data.length, sums[name]!.data[i]!, declared)));
  }
  return [method, worst];
}

function kClass(call: OperatorCall): string {
  const [, cg = 0, kh = 0, kw = 0] = call.inputs['weight']?.shape ?? [];
  const k = cg * kh * kw;
  return k <= 32 ? 'K ≤ 32' : k <= 64 ? 'K 33–64' : k <= 256 ? 'K 65–256' : 'K > 256';
}

export async function measureCalibration(adapterSpec: string, seed = DEFAULT_SEED, runs = DEFAULT_RUNS): Promise<CalibrationReport> {
  const adapter = await loadAdapter(adapterSpec);
  try {
    const log: Recorded[] = [];
    const report = await runConformance(recording(adapter, log), { seed, runs });
    const worst = new Map<string, { operator: OperatorName; kClass?: string; ratio: number; calls: number }>();
    for (const r of log) {
      if (!float32Exact([...Object.values(r.call.inputs), r.gradOutput])) continue;
      const measured = await ratioOf(r, adapter).catch(() => null); // a call the reference rejects measures nothing
      if (measured === null) continue;
      const [operator, ratio] = measured;
      // conv2d also by its reduction length (shape.scale draws K past 32, 64 and 256): do long sums come nearer the bound?
      const keys: (string | undefined)[] = r.kind === 'forward' && r.call.op === 'conv2d' ? [undefined, kClass(r.call)] : [undefined];
      for (const k of keys) {
        const key = `${operator}|${k ?? ''}`;
        const w = worst.get(key) ?? { operator, ...(k !== undefined ? { kClass: k } : {}), ratio: 0, calls: 0 };
        worst.set(key, { ...w, ratio: Math.max(w.ratio, ratio), calls: w.calls + 1 });
      }
    }
    const rows = [...worst.values()].map((w): CalibrationRow => ({ operator: w.operator, ...(w.kClass !== undefined ? { kClass: w.kClass } : {}), declaration: declarationFor(adapter, w.operator), calls: w.calls, worstRatio: w.ratio }));
    const exact = report.checks.find((c) => c.id === 'conv2d.exact-integers')?.status;
    return { format: 'convkit-calibration/1', adapter: adapter.name, adapterSpec, dtype: adapter.dtype, seed, runs, rows, ...(exact !== undefined ? { exactIntegers: exact } : {}), generatedAt: new Date().toISOString() };
  } finally {
    await adapter.close?.();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { adapter: { type: 'string' }, json: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' } } });
  if (values.adapter === undefined) throw new Error('usage: calibrationMeasure.ts --adapter <spec> [--json <file>] [--seed N] [--runs N]');
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer ≥ 1, got "${values.runs}"`);
  const started = process.cpuUsage();
  const t0 = Date.now();
  const result = await measureCalibration(values.adapter, seed, runs);
  const cpu = process.cpuUsage(started);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (values.json !== undefined) writeFileSync(values.json, text);
  else process.stdout.write(text);
  console.error(`${values.adapter}: ${result.rows.length} rows, ${((Date.now() - t0) / 1000).toFixed(0)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s cpu (this process)`);
}
