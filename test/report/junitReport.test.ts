/**
 * JUnit XML: well-formed (checked by a real XML parser) whatever the messages contain; one testsuite per
 * property family, one testcase per check; failures, errors and skips in JUnit's elements.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toJUnitXml } from '../../src/kit/report/junitReport.js';
import { failingReport, syntheticReport } from './reportFixtures.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });

function parse(xml: string): Node[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return ((parser.parse(xml) as { testsuites: { testsuite: Node[] } }).testsuites.testsuite);
}

describe('JUnit XML', () => {
  it('escapes <, &, quotes and control characters, and keeps ⌊ § ± intact', () => {
    const xml = toJUnitXml(syntheticReport, { adapterSpec: 'my adapter.ts', timestamp: new Date(0) });
    const suites = parse(xml);
    const cases = suites.flatMap((s) => s['testcase'] as Node[]);
    const error = cases.find((c) => c['name'] === 'max-pool2d.definition')!['error'] as Node;
    expect(error['message']).toBe('the adapter threw on a valid case: Error: a < b && c > "d" \'e\' ⌊x⌋ §conv.definition ± 1e-3 \uFFFDbell');
    const skipped = cases.find((c) => c['name'] === 'avg-pool2d.definition')!['skipped'] as Node;
    expect(skipped['message']).toContain('a < b && c > "d"');
  });

  it('groups testcases by family and carries the full failure text', () => {
    const suites = parse(toJUnitXml(syntheticReport, { adapterSpec: 'my-adapter.ts' }));
    expect(suites.map((s) => [s['name'], s['tests'], s['failures'], s['errors'], s['skipped']])).toEqual([
      ['convkit golden', '1', '0', '0', '0'],
      ['convkit definition', '3', '1', '1', '1'],
    ]);
    const failure = (suites[1]!['testcase'] as Node[]).find((c) => c['name'] === 'conv2d.definition')!['failure'] as Node;
    expect(failure['message']).toContain('conv2d[0, 0, 1, 1]=NaN, but should be 2');
    expect(failure['#text']).toContain('replay    convkit replay conv2d.definition --adapter my-adapter.ts --seed 7 --path 0:1:2');
    expect(failure['#text']).toContain('const input = { shape: [1, 1, 2, 2], data: [1, -0, Infinity, NaN] };');
  });

  it('reports a real failing run', async () => {
    const report = await failingReport();
    const suites = parse(toJUnitXml(report));
    const cases = suites.flatMap((s) => s['testcase'] as Node[]);
    expect(cases).toHaveLength(report.checks.length);
    const failures = cases.filter((c) => c['failure'] !== undefined).length;
    expect(failures).toBe(report.checks.filter((c) => c.status === 'failed').length);
    expect(failures).toBeGreaterThan(3);
  });
});
