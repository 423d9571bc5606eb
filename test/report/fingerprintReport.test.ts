/**
 * The precision fingerprint (spec/numerics.md, `num.fingerprint`) in every report: console and HTML word it, the JSON
 * report carries it as data (an infinite ratio spelled as a string) and validates against the schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../../src/kit/runConformance.js';
import type { PrecisionFingerprint } from '../../src/check/precisionFingerprint.js';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';
import { toHtmlReport } from '../../src/kit/report/htmlReport.js';
import { formatJsonReport } from '../../src/kit/report/jsonReport.js';

const fingerprint: PrecisionFingerprint = {
  operator: 'conv2d',
  declared: { storage: 'float32', accumulate: 'float32' },
  behavesLike: { storage: 'tf32', accumulate: 'float32' },
  ratios: [
    { storage: 'float64', accumulate: 'float64', ratio: Infinity },
    { storage: 'float32', accumulate: 'float32', ratio: 812 },
    { storage: 'tf32', accumulate: 'float32', ratio: 0.31 },
  ],
};

const report: ConformanceReport = {
  adapter: 'tf32-declared-float32',
  dtype: 'float32',
  seed: 1,
  runs: 100,
  checks: [{
    id: 'conv2d.definition', kind: 'property', operator: 'conv2d', family: 'definition', status: 'failed', clauses: ['conv.definition'],
    message: 'conv2d[0, 0, 0, 0]=1.5, but should be 1.4999 ± 1e-7 [conv2d()] §conv.definition', brokenClause: 'conv.definition', fingerprint,
  }],
};

const SAYS = 'conv2d declares float32; behaves like TF32 (inputs rounded to 10 bits)';

describe('fingerprint in the reports', () => {
  it('console', () => {
    const text = formatConsoleReport(report, () => 'npx convkit replay …', { color: false });
    expect(text).toContain(SAYS);
    expect(text).toContain('float32 812');
  });

  it('HTML', () => {
    expect(toHtmlReport(report)).toContain(SAYS);
  });

  it('JSON validates against the schema and keeps ∞ as a string', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    const json = JSON.parse(formatJsonReport(report)) as { checks: { fingerprint: PrecisionFingerprint }[] };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.checks[0]!.fingerprint.behavesLike).toEqual({ storage: 'tf32', accumulate: 'float32' });
    expect(json.checks[0]!.fingerprint.ratios[0]!.ratio).toBe('Infinity');
  });
});
