/** The JSON report validates against its published schema, and loses nothing: NaN, ±∞, −0, typed arrays. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatJsonReport, toJsonReport } from '../../src/kit/report/jsonReport.js';
import { failingReport, passingReport, syntheticReport } from './reportFixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

function expectValid(json: unknown): void {
  const ok = validate(json);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe('JSON report', () => {
  it('validates for a passing run', async () => {
    const report = await passingReport();
    const json = JSON.parse(formatJsonReport(report, { adapterSpec: 'reference', startedAt: new Date(0), finishedAt: new Date(2500) })) as Record<string, unknown>;
    expectValid(json);
    expect(json).toMatchObject({ format: 'convkit-report/1', adapter: 'reference', dtype: 'float64', runs: 2, durationMs: 2500, startedAt: '1970-01-01T00:00:00.000Z' });
    expect(json['summary']).toEqual({ total: report.checks.length, passed: report.checks.length, failed: 0, error: 0, skipped: 0 });
  });

  it('validates for a failing run, each failure with its replay command and compared tensors', async () => {
    const json = JSON.parse(formatJsonReport(await failingReport(), { adapterSpec: 'broken.ts' })) as { checks: Array<Record<string, unknown>> };
    expectValid(json);
    const failed = json.checks.find((c) => c['id'] === 'conv2d.definition')!;
    expect(failed).toMatchObject({ status: 'failed', operator: 'conv2d', family: 'definition' });
    expect(failed['replay']).toMatch(/^convkit replay conv2d\.definition --adapter broken\.ts --seed 20261121 --path [\d:]+$/);
    expect(failed['detail']).toMatchObject({ actual: { shape: expect.any(Array), data: expect.any(Array) }, expected: { data: expect.any(Array) } });
  });

  it('serialises non-finite numbers, −0 and typed arrays losslessly', () => {
    const json = toJsonReport(syntheticReport, { generatedAt: new Date(0) });
    expectValid(JSON.parse(JSON.stringify(json)));
    const check = JSON.parse(JSON.stringify(json.checks[1])) as { counterexample: { input: { data: unknown[] } }; detail: { actual: { data: unknown[] } } };
    expect(check.counterexample.input.data).toEqual([1, '-0', 'Infinity', 'NaN']);
    expect(check.detail.actual.data).toEqual([2, '-0', 'Infinity', 'NaN']);
    const back = check.counterexample.input.data.map(Number);
    expect(Object.is(back[1], -0) && back[2] === Infinity && Number.isNaN(back[3])).toBe(true);
  });

  it('rejects what the schema forbids', () => {
    const json = JSON.parse(JSON.stringify(toJsonReport(syntheticReport))) as { checks: Array<Record<string, unknown>> };
    json.checks[0]!['status'] = 'flaky';
    expect(validate(json)).toBe(false);
  });
});
