/**
 * Health checks (spec/conventions.md kit.health.vacuous): a property that held but whose cases proved little is
 * `vacuous`, not passed, with its reason, share and threshold — for each reason a deliberately vacuous property,
 * and beside it the same property made healthy, which passes. The reference's default run has no vacuous check.
 * Reports and the CI baseline treat the status as the clause says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { applyBaseline, mergeBaseline, type Baseline } from '../../src/kit/ci/baseline.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { isTrivialTensor, VACUOUS_THRESHOLD } from '../../src/kit/health/caseHealth.js';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';
import { toHtmlReport } from '../../src/kit/report/htmlReport.js';
import { checkFromJson, toJsonReport } from '../../src/kit/report/jsonReport.js';
import { toJUnitXml } from '../../src/kit/report/junitReport.js';
import { DEFAULT_SEED, type ConformanceReport } from '../../src/kit/runConformance.js';
import { packageRoot } from '../../src/spec/specClauses.js';
import { callOp } from '../../properties/callAdapter.js';
import { catalogue } from '../../properties/catalogue.js';
import { defineProperty, type Property } from '../../properties/property.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';

const RUN = { seed: DEFAULT_SEED, runs: 100 };

const notInput = (got: ArrayLike<number>, input: readonly number[]) =>
  new PropertyFailure('conv2d', `[${Array.from(got).join(', ')}]`, `the input [${input.join(', ')}]`, 'conv2d(input, 1×1 weight of 1)', 'conv.definition');

/** conv2d of an input drawn by `values` with a 1 × 1 weight of 1: the property holds when the answer equals the input. */
function identityConv(id: string, values: fc.Arbitrary<number>, extra: Partial<Property<number[]>> = {}): Property {
  return defineProperty<number[]>({
    id,
    operator: 'conv2d',
    family: 'invariants',
    title: 'a 1 × 1 kernel of 1 answers the input',
    clauses: ['conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => fc.array(values, { minLength: 4, maxLength: 4 }),
    predicate: async (adapter, data) => {
      const input: TensorData = { shape: [1, 1, 2, 2], data };
      const out = await callOp(adapter, { op: 'conv2d', inputs: { input, weight: { shape: [1, 1, 1, 1], data: [1] }, bias: null }, options: {} });
      if (Array.from(out.data).some((v, i) => v !== data[i])) throw notInput(out.data, data);
    },
    ...extra,
  });
}

describe('a tensor is trivial when it tells nothing apart', () => {
  it('empty, all zero, or two or more equal elements; one nonzero element or two different ones are not', () => {
    expect(isTrivialTensor({ data: [] })).toBe(true);
    expect(isTrivialTensor({ data: [0] })).toBe(true);
    expect(isTrivialTensor({ data: [0, -0, 0] })).toBe(true);
    expect(isTrivialTensor({ data: [3, 3, 3, 3] })).toBe(true);
    expect(isTrivialTensor({ data: [NaN, NaN] })).toBe(true);
    expect(isTrivialTensor({ data: [3] })).toBe(false);
    expect(isTrivialTensor({ data: [3, 3, 3, 4] })).toBe(false);
    expect(isTrivialTensor({ data: [NaN, 1] })).toBe(false);
  });
});

describe('a deliberately vacuous property is reported as vacuous', () => {
  it('trivial-outputs: every input zero, so every answer is zero', async () => {
    const r = await checkProperty(reference, identityConv('test.zero-inputs', fc.constant(0)), RUN);
    expect(r.status).toBe('vacuous');
    expect(r.health).toEqual({ reason: 'trivial-outputs', share: 1, threshold: VACUOUS_THRESHOLD, cases: 100 });
    expect(r.message).toMatch(/^vacuous \(trivial-outputs\): 100% of 100 cases got only trivial answers .* above 50%/);
    const healthy = await checkProperty(reference, identityConv('test.mixed-inputs', fc.integer({ min: -3, max: 3 })), RUN);
    expect(healthy.status).toBe('passed');
  });

  it('trivial-outputs is waived for a property whose point is a constant answer (constantAnswers)', async () => {
    const r = await checkProperty(reference, identityConv('test.zero-inputs-by-design', fc.constant(0), { constantAnswers: true }), RUN);
    expect(r.status).toBe('passed');
  });

  it('lacks-feature: the property is about NaN and most cases have none', async () => {
    // 1 in 10 values is NaN: a case of 4 has one with probability 1 − 0.9⁴ ≈ 34%, so about 66% lack it.
    const values = fc.oneof({ arbitrary: fc.constant(Number.NaN), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 9 });
    const property = identityConv('test.nan-rarely', values, {
      exercises: (data) => data.some(Number.isNaN),
      // NaN ≠ NaN: the identity check compares NaN positions instead.
      predicate: async (adapter, data) => {
        const out = await callOp(adapter, { op: 'conv2d', inputs: { input: { shape: [1, 1, 2, 2], data }, weight: { shape: [1, 1, 1, 1], data: [1] }, bias: null }, options: {} });
        if (Array.from(out.data).some((v, i) => !Object.is(v, data[i]))) throw notInput(out.data, data);
      },
    });
    const r = await checkProperty(reference, property, RUN);
    expect(r.status).toBe('vacuous');
    expect(r.health?.reason).toBe('lacks-feature');
    expect(r.health!.share).toBeGreaterThan(0.5);
    expect(r.health!.share).toBeLessThan(0.85);
  });

  it('lacks-feature on a real declaration: max-pool2d.nan-and-infinity drawn without NaN or ±∞', async () => {
    const real = catalogue.find((p) => p.id === 'max-pool2d.nan-and-infinity')!;
    expect((await checkProperty(reference, real, RUN)).status).toBe('passed');
    // Every NaN and ±∞ replaced by 0 (a filter would never end: the generator places one on purpose).
    const finite = (c: unknown) => { const x = c as { input: TensorData }; return { ...x, input: { shape: x.input.shape, data: Array.from(x.input.data, (v) => (Number.isFinite(v) ? v : 0)) } }; };
    const finiteOnly: Property = { ...real, arbitrary: (scale) => real.arbitrary(scale).map(finite) };
    const r = await checkProperty(reference, finiteOnly, RUN);
    expect(r.status).toBe('vacuous');
    expect(r.health).toEqual({ reason: 'lacks-feature', share: 1, threshold: VACUOUS_THRESHOLD, cases: 100 });
  });

  it('skipped-by-features: 19 in 20 candidates need a bias the adapter declared unsupported (7 in 10 is not enough)', async () => {
    const noBias: Adapter = { ...reference, name: 'no-bias', supports: { features: { 'conv2d.bias': false } } };
    const property = defineProperty<number>({
      ...identityConv('test.mostly-bias', fc.constant(0)),
      arbitrary: () => fc.integer({ min: 0, max: 19 }),
      caseFeatures: (v) => (v < 19 ? ['conv2d.bias'] : []),
      predicate: async (adapter, v) => {
        const out = await callOp(adapter, { op: 'conv2d', inputs: { input: { shape: [1, 1, 1, 2], data: [v, 1] }, weight: { shape: [1, 1, 1, 1], data: [1] }, bias: null }, options: {} });
        if (out.data[0] !== v) throw notInput(out.data, [v, 1]);
      },
    });
    const r = await checkProperty(noBias, property, RUN);
    expect(r.status).toBe('vacuous');
    expect(r.health?.reason).toBe('skipped-by-features');
    expect(r.health!.share).toBeGreaterThan(0.9);
    expect(r.health!.threshold).toBe(0.9);
    // 7 in 10 skipped: the filter still found the run's full number of cases, so the check counts as passed.
    const sevenInTen: Property = { ...property, arbitrary: () => fc.integer({ min: 0, max: 9 }), caseFeatures: (v: unknown) => ((v as number) < 7 ? ['conv2d.bias'] : []) };
    expect((await checkProperty(noBias, sevenInTen, RUN)).status).toBe('passed');
    // The same property on an adapter with the feature: nothing is skipped.
    expect((await checkProperty(reference, property, RUN)).status).toBe('passed');
  });

  it("filtered: the property's precondition discards 7 in 10 candidates", async () => {
    const property = defineProperty<number>({
      ...identityConv('test.mostly-discarded', fc.constant(0)),
      arbitrary: () => fc.integer({ min: 0, max: 9 }),
      predicate: async (adapter, v) => {
        fc.pre(v >= 7);
        const out = await callOp(adapter, { op: 'conv2d', inputs: { input: { shape: [1, 1, 1, 2], data: [v, 1] }, weight: { shape: [1, 1, 1, 1], data: [1] }, bias: null }, options: {} });
        if (out.data[0] !== v) throw notInput(out.data, [v, 1]);
      },
    });
    const r = await checkProperty(reference, property, RUN);
    expect(r.status).toBe('vacuous');
    expect(r.health?.reason).toBe('filtered');
    expect(r.health!.share).toBeGreaterThan(0.6);
  });

  it('a replayed path (one case) is never judged', async () => {
    const first = await checkProperty(reference, identityConv('test.zero-inputs', fc.constant(0)), { ...RUN, path: '0' });
    expect(first.status).toBe('passed');
  });
});

// That the reference's default run (seed, runs, scale) has no vacuous check is asserted in
// test/proof-of-power.test.ts, on the whole default run it makes anyway: the suite runs that catalogue once.

describe('reports and the CI baseline', () => {
  const vacuous: CheckResult = {
    id: 'conv2d.linear-in-input', kind: 'property', operator: 'conv2d', family: 'linearity', status: 'vacuous', clauses: ['conv.definition'],
    message: 'vacuous (trivial-outputs): 80% of 100 cases got only trivial answers', health: { reason: 'trivial-outputs', share: 0.8, threshold: 0.5, cases: 100 },
  };
  const report: ConformanceReport = { adapter: 'x', dtype: 'float64', seed: DEFAULT_SEED, runs: 100, checks: [vacuous] };

  it('JSON: status vacuous with its health, summary.vacuous, valid against the schema; merge reads it back', () => {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema/report.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    const json = JSON.parse(JSON.stringify(toJsonReport(report))) as { summary: Record<string, number>; checks: unknown[] };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.summary).toEqual({ total: 1, passed: 0, failed: 0, error: 0, skipped: 0, vacuous: 1 });
    expect(checkFromJson(json.checks[0], 0)).toMatchObject({ status: 'vacuous', health: vacuous.health });
  });

  it('console, HTML and JUnit list it apart, never as passed', () => {
    const text = formatConsoleReport(report, undefined, { color: false });
    expect(text).toContain('vacuous 1 (held, but proved little: not counted as passed):');
    expect(text).toContain('0 passed, 0 failed, 0 errors, 0 skipped, 1 vacuous (1 checks)');
    expect(toHtmlReport(report, { generatedAt: new Date(0) })).toContain('<h2>Vacuous (1): held, but proved little</h2>');
    const xml = toJUnitXml(report, { timestamp: new Date(0) });
    expect(xml).toContain('<skipped message="vacuous (trivial-outputs): 80% of 100 cases got only trivial answers"/>');
    expect(xml).toMatch(/<testsuites [^>]*skipped="1"/);
  });

  it('baseline: a vacuous check is neither a failure nor stale, and baseline write keeps its entry', () => {
    const baseline: Baseline = { adapter: 'x', seed: DEFAULT_SEED, entries: [{ id: vacuous.id, status: 'failed', reason: 'known', clause: 'conv.definition' }] };
    const verdict = applyBaseline(report, baseline, new Set([vacuous.id]));
    expect(verdict.newFailures).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(verdict.vacuous.map((c) => c.id)).toEqual([vacuous.id]);
    const merged = mergeBaseline(baseline, report, () => 'new');
    expect(merged.removed).toEqual([]);
    expect(merged.baseline.entries).toEqual(baseline.entries);
  });
});
