/**
 * The precision fingerprint (spec/numerics.md, `num.fingerprint`) beyond conv2d: corr2d, convTranspose2d and avgPool2d adapters that
 * declare float32 but round their inputs to TF32, or sum in float16, are fingerprinted as what they were built to do
 * (the Arithmetic they compute in, precisionOperators.ts), in the JSON, console and HTML reports; an honest float32 one
 * carries no fingerprint; failures are grouped so that each operator is measured once. The cases' sizes are the
 * brief's n = C·k·k, and the positive cases' single output is checked against a product sum written out here.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../../src/adapter/contract.js';
import type { CheckResult } from '../../../src/check/checkResult.js';
import { addFingerprints, runConformance } from '../../../src/kit/runConformance.js';
import { measureFingerprint } from '../../../src/kit/measureFingerprint.js';
import { formatConsoleReport } from '../../../src/kit/report/consoleReport.js';
import { formatJsonReport } from '../../../src/kit/report/jsonReport.js';
import { toHtmlReport } from '../../../src/kit/report/htmlReport.js';
import { OPERATORS, operatorRecord } from '../../../src/operators/index.js';
import { fingerprintCallsOf } from '../../../src/operators/fingerprintCases.js';
import type { PrecisionFingerprint } from '../../../src/check/precisionFingerprint.js';
import { summingPrecisionAdapter } from './precisionOperators.js';

const tf32 = summingPrecisionAdapter('tf32-declared-float32', { storage: 'tf32', accumulate: 'float32' }, undefined);
const float16Sums = summingPrecisionAdapter('float16-sums-declared-float32', { storage: 'float16', accumulate: 'float16' }, undefined);
const honest = summingPrecisionAdapter('float32', { storage: 'float32', accumulate: 'float32' }, undefined);

const cases = [
  { adapter: tf32, behaves: { storage: 'tf32', accumulate: 'float32' }, like: 'TF32 (inputs rounded to 10 bits)' },
  { adapter: float16Sums, behaves: { storage: 'float16', accumulate: 'float16' }, like: 'float16 accumulation' },
] as const;

const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

const OPS = [{ name: 'corr2d', id: 'corr2d' }, { name: 'convTranspose2d', id: 'conv-transpose2d' }, { name: 'avgPool2d', id: 'avg-pool2d' }] as const;

describe('num.fingerprint for corr2d, convTranspose2d and avgPool2d', () => {
  for (const { name, id } of OPS) {
    for (const { adapter, behaves, like } of cases) {
      it(`${id}: ${adapter.name} is fingerprinted as ${like} in the JSON, console and HTML reports`, async () => {
        const report = await runConformance(adapter, { only: `${id}.definition` });
        const check = report.checks.find((c) => c.id === `${id}.definition`);
        expect(check?.status).toBe('failed');
        const json = JSON.parse(formatJsonReport(report)) as { checks: { id: string; fingerprint?: PrecisionFingerprint }[] };
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        const fingerprint = json.checks.find((c) => c.id === `${id}.definition`)?.fingerprint;
        expect(fingerprint?.operator).toBe(name);
        expect(fingerprint?.declared).toEqual({ storage: 'float32', accumulate: 'float32' });
        expect(fingerprint?.behavesLike).toEqual(behaves);
        const says = `${name} declares float32; behaves like ${like}`;
        expect(formatConsoleReport(report, () => 'replay', { color: false })).toContain(says);
        expect(toHtmlReport(report)).toContain(says);
      });
    }

    it(`${id}: an honest float32 adapter passes and, made to look failing, gets no fingerprint`, async () => {
      const report = await runConformance(honest, { only: `${id}.definition` });
      expect(report.checks.find((c) => c.id === `${id}.definition`)?.status).toBe('passed');
      const checks = [failedCheck(id, 'definition')];
      await addFingerprints(honest, checks);
      expect(checks[0]!.fingerprint).toBeUndefined();
    });
  }

  it('measures each failing operator once, however many of its checks failed, and only operators with cases', async () => {
    const { adapter, calls } = counting(tf32);
    const checks = [
      failedCheck('corr2d', 'definition'), failedCheck('conv-transpose2d', 'definition'), failedCheck('corr2d', 'exact-integers'), failedCheck('conv-transpose2d', 'exact-integers'),
      failedCheck('avg-pool2d', 'definition'), failedCheck('max-pool2d', 'definition'), { ...failedCheck('conv2d', 'definition'), status: 'passed' as const },
    ];
    await addFingerprints(adapter, checks);
    // 4 positive + 3 mixed-sign + 1 tiny + 1 single-product case (fingerprintCases.ts); max-pool2d has no cases, conv2d did not fail.
    expect(calls).toEqual({ corr2d: 9, convTranspose2d: 9, avgPool2d: 9 });
    expect(checks.map((c) => c.fingerprint?.operator)).toEqual(['corr2d', 'convTranspose2d', 'corr2d', 'convTranspose2d', 'avgPool2d', undefined, undefined]);
    expect(checks[0]!.fingerprint).toBe(checks[2]!.fingerprint);
  });
});

describe('num.fingerprint names every modelled arithmetic', () => {
  // Each adapter is built to compute in one (storage, accumulation) pair (precisionOperators.ts rounds after every
  // product and partial sum) and declares float32; the fingerprint must name the pair it was built with. bfloat16
  // accumulation is the hard one: float16 accumulation's bound is so loose on long sums that only the single products
  // tell them apart.
  const built = [['float32', 'float32'], ['tf32', 'float32'], ['float16', 'float32'], ['bfloat16', 'float32'], ['float16', 'float16'], ['bfloat16', 'bfloat16']] as const;
  for (const name of ['conv2d', 'corr2d', 'convTranspose2d', 'avgPool2d'] as const) {
    it(`${name}: each of ${built.length} arithmetics is fingerprinted as itself`, async () => {
      const named: string[] = [];
      for (const [storage, accumulate] of built) {
        const adapter = summingPrecisionAdapter(`${storage}-${accumulate}`, { storage, accumulate }, { storage: 'float32', accumulate: 'float32' });
        const f = await measureFingerprint(adapter, operatorRecord(name));
        named.push(f?.behavesLike ? `${f.behavesLike.storage}/${f.behavesLike.accumulate}` : 'none');
      }
      expect(named).toEqual(built.map(([s, a]) => `${s}/${a}`));
    });
  }
});

describe('fingerprint cases', () => {
  it('conv2d, corr2d, convTranspose2d and avgPool2d have them, and they sum n = C·k·k = 64 … 4096, 9 … 576, 36 and 1 terms', () => {
    expect(OPERATORS.filter((r) => r.fingerprintCalls !== undefined).map((r) => r.name)).toEqual(['corr2d', 'conv2d', 'convTranspose2d', 'avgPool2d']);
    const n = [64, 256, 1024, 4096, 9, 72, 576, 36, 1];
    for (const name of ['conv2d', 'corr2d', 'convTranspose2d'] as const) {
      const record = operatorRecord(name);
      expect(record.fingerprintCalls!().map((c) => record.terms(c)), name).toEqual(n);
    }
    // avgPool2d's terms count the division too (`num.tolerance.terms`).
    const avg = operatorRecord('avgPool2d');
    expect(avg.fingerprintCalls!().map((c) => avg.terms(c))).toEqual(n.map((t) => t + 1));
  });

  // The raw pairs, input [1, C, k, k] and weight [1, C, k, k]; values are multiples of 2⁻¹⁰ in [1/2, 1], so every sum
  // below is exact in float64 (products are multiples of 2⁻²⁰, totals below 2¹²) whatever the order.
  const pairs: [TensorData, TensorData][] = [];
  fingerprintCallsOf((input, weight) => (pairs.push([input, weight]), { op: 'conv2d', inputs: {}, options: {} }));
  const positives = pairs.slice(0, 4);
  const dot = ([x, w]: [TensorData, TensorData]) => Array.from(x.data).reduce((s, v, i) => s + v * w.data[i]!, 0);
  // convt.definition with padding k − 1: the one output takes input (c, k−1−a, k−1−b) times weight (c, 0, a, b).
  const flippedDot = ([x, w]: [TensorData, TensorData]) => {
    const [, c = 1, k = 1] = x.shape;
    let s = 0;
    for (let p = 0; p < c; p++) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) s += x.data[(p * k + (k - 1 - a)) * k + (k - 1 - b)]! * w.data[(p * k + a) * k + b]!;
    return s;
  };

  // pool.avg.definition: the window is the whole plane; n is a power of two, so the mean is exact too.
  const mean = ([x]: [TensorData, TensorData]) => Array.from(x.data).reduce((s, v) => s + v, 0) / x.data.length;

  for (const [name, expected] of [['conv2d', dot], ['corr2d', dot], ['convTranspose2d', flippedDot], ['avgPool2d', mean]] as const) {
    it(`${name}'s positive cases have one output, the sum (mean) of all C·k·k terms`, () => {
      const record = operatorRecord(name);
      const outputs = record.fingerprintCalls!().slice(0, 4).map((c) => Array.from(record.reference(c).data));
      expect(outputs).toEqual(positives.map((p) => [expected(p)]));
    });
  }
});

/** A failed value comparison of `<operator>.<check>`, as the runner records it (addFingerprints reads only these fields). */
function failedCheck(operator: string, check: 'definition' | 'exact-integers'): CheckResult {
  const family = check === 'definition' ? 'definition' : 'numerics';
  return { id: `${operator}.${check}`, kind: 'property', operator, family, status: 'failed', clauses: [], detail: { actual: { shape: [1], data: [0] }, expected: { shape: [1], data: [1] } } };
}

/** The adapter with every call of its methods counted by method name. */
function counting(inner: Adapter): { adapter: Adapter; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const adapter: Record<string, unknown> = { ...inner };
  for (const [key, value] of Object.entries(inner)) {
    if (typeof value !== 'function') continue;
    adapter[key] = (...args: unknown[]) => {
      calls[key] = (calls[key] ?? 0) + 1;
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { adapter: adapter as unknown as Adapter, calls };
}
