/**
 * A failed check's diagnosis travels as data to every report (spec/conventions.md kit.diagnosis.conventions,
 * kit.diagnosis.explain): checkProperty attaches it when asked, the JSON report carries it and validates against the
 * schema, merge reads it back, the console and the HTML report show it, and `convkit list --conventions` prints the
 * catalogue.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/checkResult.js';
import { CONVENTIONS } from '../../src/diagnosis/conventionCatalogue.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';
import { explainText } from '../../src/kit/report/diagnosisText.js';
import { toHtmlReport } from '../../src/kit/report/htmlReport.js';
import { checkFromJson, toJsonReport } from '../../src/kit/report/jsonReport.js';
import { DEFAULT_SEED, type ConformanceReport } from '../../src/kit/runConformance.js';
import { packageRoot } from '../../src/spec/specClauses.js';
import { catalogue } from '../../properties/catalogue.js';
import { conventionAdapters } from './conventionAdapters.js';
import { cliArgs } from '../cliCommand.js';

const root = packageRoot();
const schema = JSON.parse(readFileSync(join(root, 'schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

const avgDefinition = catalogue.find((p) => p.id === 'avg-pool2d.definition')!;
const onnxStyle = conventionAdapters.get('count-include-pad-false')!;

let failed: Promise<CheckResult> | undefined;
/** avg-pool2d.definition against an adapter with ONNX's count_include_pad default, diagnosed. */
const diagnosedFailure = () => (failed ??= checkProperty(onnxStyle, avgDefinition, { seed: DEFAULT_SEED, runs: 100, diagnose: true }));

const reportOf = (check: CheckResult): ConformanceReport => ({ adapter: onnxStyle.name, dtype: 'float64', seed: DEFAULT_SEED, runs: 100, checks: [check] });

describe('diagnosis in reports', () => {
  it('checkProperty diagnoses a failure only when asked', async () => {
    const check = await diagnosedFailure();
    expect(check.status).toBe('failed');
    expect(check.diagnosis?.conventions.map((c) => c.id)).toEqual(['count-include-pad-false']);
    // The shrunk case asks countIncludePad = true; with false the adapter divides as asked and passes: explain names it.
    expect(check.diagnosis?.dependsOn).toContainEqual({ parameter: 'countIncludePad', rule: 'one-of', values: [true] });
    const plain = await checkProperty(onnxStyle, avgDefinition, { seed: DEFAULT_SEED, runs: 100 });
    expect(plain.status).toBe('failed');
    expect(plain.diagnosis).toBeUndefined();
  });

  it('JSON carries checks[].diagnosis.conventions [{id, title, source}], valid against the schema, and merge reads it back', async () => {
    const check = await diagnosedFailure();
    const json = JSON.parse(JSON.stringify(toJsonReport(reportOf(check)))) as { checks: Array<Record<string, unknown>> };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const d = json.checks[0]!['diagnosis'] as { conventions: unknown[]; dependsOn: unknown[]; free: unknown[] };
    const convention = CONVENTIONS.find((c) => c.id === 'count-include-pad-false')!;
    expect(d.conventions).toEqual([{ id: convention.id, title: convention.title, source: convention.source }]);
    expect(Array.isArray(d.dependsOn) && Array.isArray(d.free)).toBe(true);
    expect(checkFromJson(json.checks[0], 0).diagnosis).toEqual(json.checks[0]!['diagnosis']);
  });

  it('the schema rejects a convention without its source', async () => {
    const check = await diagnosedFailure();
    const json = JSON.parse(JSON.stringify(toJsonReport(reportOf(check)))) as { checks: Array<{ diagnosis: { conventions: Array<Record<string, unknown>> } }> };
    delete json.checks[0]!.diagnosis.conventions[0]!['source'];
    expect(validate(json)).toBe(false);
  });

  it('the console and the HTML report show the convention, its source and the explanation', async () => {
    const check = await diagnosedFailure();
    const text = formatConsoleReport(reportOf(check), undefined, { adapterSpec: 'onnx-style.ts', color: false });
    expect(text).toMatch(/follows\s+count-include-pad-false: average pooling divides by the input elements/);
    expect(text).toContain('source: ONNX AveragePool docs');
    expect(text).toMatch(/explain\s+.*needs .*countIncludePad = true/);
    const html = toHtmlReport(reportOf(check), { adapterSpec: 'onnx-style.ts', generatedAt: new Date(0) });
    expect(html).toContain('<code>count-include-pad-false</code>');
    expect(html).toMatch(/class="explain">explain: .*countIncludePad = true/);
  });

  it('explain text: free parameters, then the dependencies by rule', () => {
    expect(explainText({
      conventions: [],
      free: ['stride.h', 'input.N'],
      dependsOn: [{ parameter: 'padding.right', rule: 'at-least', values: [1] }, { parameter: 'input.W', rule: 'at-least', values: [2] }, { parameter: 'kernelSize.h', rule: 'at-most', values: [2] }, { parameter: 'mode', rule: 'one-of', values: ['reflect', 'circular'] }],
    })).toBe('fails for any stride.h and input.N; needs padding.right ≥ 1, input.W ≥ 2, kernelSize.h ≤ 2 and mode ∈ {reflect, circular}');
    expect(explainText({ conventions: [] })).toBeNull();
  });

  it('`convkit list --conventions` prints every catalogue id with its methods, title and source', () => {
    const r = spawnSync(process.execPath, [...cliArgs(), 'list', '--conventions'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(CONVENTIONS.map((c) => c.id));
    for (const row of rows) expect(row.length, row.join(' | ')).toBe(4);
    expect(rows.find((row) => row[0] === 'count-include-pad-false')).toEqual(['count-include-pad-false', 'avgPool2d,avgPool2dBackward', CONVENTIONS.find((c) => c.id === 'count-include-pad-false')!.title, CONVENTIONS.find((c) => c.id === 'count-include-pad-false')!.source]);
  });
});
