/**
 * The coverage parts of the reports (`kit.coverage`): the console line per operator with its warnings, the
 * JSON block (schema-valid, the same value JSON.stringify writes, one line per cell), and the HTML heat map.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { CoverageTally } from '../../src/kit/coverage/coverageTally.js';
import type { RunCoverage } from '../../src/kit/coverage/runCoverage.js';
import { formatConsoleCoverage } from '../../src/kit/report/consoleCoverage.js';
import { coverageHtml } from '../../src/kit/report/htmlCoverage.js';
import { toHtmlReport } from '../../src/kit/report/htmlReport.js';
import { formatJsonReport, toJsonReport } from '../../src/kit/report/jsonReport.js';
import { prettyJson } from '../../src/kit/report/prettyJson.js';
import { BOUNDARIES } from '../../src/shape/boundaries.js';
import { zeros } from '../../src/tensor/tensor.js';
import { toTensorData } from '../../src/tensor/tensorData.js';
import { syntheticReport } from './reportFixtures.js';

const t = (shape: number[]) => toTensorData(zeros(shape));
const conv2d = (input: number[], weight: number[], options: Record<string, unknown> = {}): OperatorCall => ({ op: 'conv2d', inputs: { input: t(input), weight: t(weight), bias: null }, options });

function sampleCoverage(): RunCoverage {
  const tally = new CoverageTally();
  tally.observe(conv2d([1, 1, 5, 5], [1, 1, 3, 3]));
  tally.observe(conv2d([3, 16, 5, 5], [1, 16, 3, 2], { padding: 'same' }));
  tally.observe({ op: 'pad2d', inputs: { input: t([1, 1, 3, 3]) }, options: { pads: { top: 3, bottom: 0, left: 0, right: 0 }, mode: 'circular', value: 0 } });
  return { operators: tally.coverage(), warnings: [{ property: 'conv2d.definition', operator: 'conv2d', boundary: BOUNDARIES.circularPadEqualsSize }] };
}
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

describe('coverage in the console summary', () => {
  it('one line per operator: calls, cells, classes reached of the known ones; then each warning', () => {
    const lines = formatConsoleCoverage(sampleCoverage(), pc.createColors(false));
    expect(lines[1]).toMatch(/^ {2}conv2d +2 calls +2 cells · kernel 2\/6 · stride 1\/3 · dilation 1\/2 · padding 2 · channels 2\/6 · batch 2\/4 · boundaries 1\/4$/);
    expect(lines[2]).toMatch(/^ {2}pad2d +1 calls +1 cells · kernel n\/a · stride n\/a · dilation n\/a · padding 1 · channels 1\/6 · batch 1\/4 · boundaries 1\/2$/);
    expect(lines[3]).toBe(`  warning: conv2d.definition never reached ${BOUNDARIES.circularPadEqualsSize} (conv2d)`);
  });
});

describe('coverage in the JSON report', () => {
  const report = { ...syntheticReport, coverage: sampleCoverage() };

  it('validates, and its text is the value JSON.stringify would write, one line per cell', () => {
    const text = formatJsonReport(report, { generatedAt: new Date(0) });
    const json = JSON.parse(text) as { coverage: RunCoverage };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toEqual(JSON.parse(JSON.stringify(toJsonReport(report, { generatedAt: new Date(0) }))));
    expect(json.coverage.operators[0]!.cells).toHaveLength(2);
    expect(text).toContain('{"cell":{"kernel":"3","stride":"1","dilation":"1","padding":"valid","channels":"<4","batch":"1","boundaries":[]},"calls":1}');
  });

  it('prettyJson writes what JSON.stringify(v, null, 2) writes when nothing is on one line', () => {
    const value = { a: [1, { b: null, c: [] }, 'x'], d: {}, e: undefined, f: -0, g: NaN };
    expect(prettyJson(value, () => false)).toBe(JSON.stringify(value, null, 2));
  });

  it('the schema rejects a cell class that does not exist', () => {
    const json = JSON.parse(formatJsonReport(report)) as { coverage: { operators: { cells: { cell: Record<string, unknown> }[] }[] } };
    json.coverage.operators[0]!.cells[0]!.cell['kernel'] = '4';
    expect(validate(json)).toBe(false);
  });
});

describe('coverage in the HTML report', () => {
  it('a heat map of classes × operators: counts shaded, unreached known classes marked, the warnings listed', () => {
    const html = coverageHtml(sampleCoverage());
    expect(html).toContain('<table class="coverage">');
    expect(html).toMatch(/<th>conv2d<br><span class="shape">2 calls · 2 cells<\/span><\/th>/);
    expect(html).toContain('<td class="gap" title="not reached">0</td>');
    expect(html).toContain(`never reached <code>${BOUNDARIES.circularPadEqualsSize}</code>`);
    const page = toHtmlReport({ ...syntheticReport, coverage: sampleCoverage() }, { generatedAt: new Date(0) });
    expect(page).toContain('<h2>Coverage of the configuration space</h2>');
    expect(toHtmlReport(syntheticReport, { generatedAt: new Date(0) })).not.toContain('Coverage of the configuration space');
  });
});
