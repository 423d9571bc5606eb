/**
 * Calibration of `num.tolerance` on a real library: runs the default conformance run (seed, runs) against the
 * adapter while recording every successful call of an operator that sums products, then reports per operator
 * the largest |adapter − reference| / bound over finite elements with a non-zero bound (calls with float32-exact
 * inputs only, `num.float32-inputs`: the training fixtures' SGD weights are not), with the bound of the catalogue (forward: referenceWithBound; backward: as gradientProperties, n = gradOutput size).
 *   npx tsx test/adapters-real/measureCalibration.ts src/adapters/tfjs/cpu.ts
 * Its numbers are recorded in spec/numerics.md, "Calibration on real libraries".
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import type { ForwardOp, OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { invokeBackward } from '../../src/adapter/operatorCall.js';
import { sumBound } from '../../src/check/tolerance.js';
import { runConformance } from '../../src/kit/runConformance.js';
import { referenceWithBound } from '../../properties/assertions/referenceBound.js';
import { absTensor } from '../../properties/transforms/elementwise.js';

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

async function ratioOf(r: Recorded, dtype: Adapter['dtype']): Promise<[string, number]> {
  if (r.kind === 'forward') {
    const { expected, bound } = await referenceWithBound(r.call, dtype);
    const got = (r.result as TensorData).data;
    return [r.call.op, got.length === expected.data.length ? worstRatio(got, expected.data, bound) : 0];
  }
  const g = r.gradOutput!;
  const want = await invokeBackward(reference, r.call, g);
  const conv = r.call.op !== 'avgPool2d';
  const absCall = conv ? { ...r.call, inputs: Object.fromEntries(Object.entries(r.call.inputs).map(([k, t]) => [k, t ? absTensor(t) : null])) } : r.call;
  const sums = await invokeBackward(reference, absCall, absTensor(g));
  const got = (conv ? r.result : { input: r.result }) as Record<string, TensorData | undefined>;
  let worst = 0;
  for (const [name, w] of Object.entries(want)) {
    const a = got[name];
    if (!w || !a || a.data.length !== w.data.length) continue;
    worst = Math.max(worst, worstRatio(a.data, w.data, (i) => sumBound(g.data.length, sums[name]!.data[i]!, dtype)));
  }
  return [`${r.call.op}Backward`, worst];
}

function kClass(call: OperatorCall): string {
  const [, cg = 0, kh = 0, kw = 0] = call.inputs['weight']?.shape ?? [];
  const k = cg * kh * kw;
  return k <= 32 ? 'K ≤ 32' : k <= 64 ? 'K 33–64' : k <= 256 ? 'K 65–256' : 'K > 256';
}

const path = process.argv[2];
if (!path) throw new Error('usage: measureCalibration.ts <adapter module>');
const adapter = (await import(pathToFileURL(resolve(path)).href) as { default: Adapter }).default;
const log: Recorded[] = [];
await runConformance(recording(adapter, log));
const worst = new Map<string, { ratio: number; calls: number; at?: Recorded }>();
for (const r of log) {
  if (!float32Exact([...Object.values(r.call.inputs), r.gradOutput])) continue;
  const [op, ratio] = await ratioOf(r, adapter.dtype).catch(() => ['(reference rejected)', 0] as [string, number]);
  // conv2d also by its reduction length K = C/groups·kh·kw (shape.scale draws K past 32, 64 and 256), to show
  // whether long sums come nearer the bound than short ones.
  const keys = r.kind === 'forward' && r.call.op === 'conv2d' ? [op, `${op} ${kClass(r.call)}`] : [op];
  for (const key of keys) {
    const w = worst.get(key) ?? { ratio: 0, calls: 0 };
    worst.set(key, { ratio: Math.max(w.ratio, ratio), calls: w.calls + 1, ...(ratio > w.ratio ? { at: r } : w.at ? { at: w.at } : {}) });
  }
}
if (process.env['CALIBRATION_DEBUG']) for (const [op, w] of worst) console.error(op, w.ratio, String(JSON.stringify(w.at?.call ?? null, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).slice(0, 1500));
await adapter.close?.();
console.log(`${adapter.name}: largest error / bound per operator over the default run`);
for (const [op, w] of [...worst].sort()) console.log(`  ${op.padEnd(26)} ${w.ratio.toExponential(2)}  (${w.calls} calls)`);
