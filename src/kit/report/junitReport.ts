/**
 * JUnit XML for CI systems (`--junit FILE`): one <testsuite> per property family, one <testcase> per check.
 * A failed check is a <failure> whose message is the one-line failure message and whose body is the whole
 * console block without colours (counterexample grids, expected/actual/difference, replay, reproduction);
 * an error is an <error>; a skipped check a <skipped> with why.
 */
import pc from 'picocolors';
import type { CheckResult } from '../../check/checkResult.js';
import type { ConformanceReport } from '../runConformance.js';
import { countByStatus, FAMILIES, familyOf, operatorOf } from './checkGroups.js';
import { formatConsoleFailure } from './consoleFailure.js';
import { escapeXml as text, escapeXmlAttribute as attr } from './escapeXml.js';
import { replayCommand } from './replayCommand.js';

export interface JUnitContext {
  /** The `--adapter` argument, for replay commands and reproductions. */
  readonly adapterSpec?: string;
  /** Overrides the time stamp (for reproducible output in tests). */
  readonly timestamp?: Date;
}

function testcase(c: CheckResult, report: ConformanceReport, adapterSpec: string): string {
  const open = `    <testcase name="${attr(c.id)}" classname="${attr(`convkit.${c.family}.${c.operator}`)}"`;
  if (c.status === 'passed') return `${open}/>`;
  const message = c.message ?? '';
  // A vacuous check is not a pass (kit.health.vacuous): JUnit has no such state, so it is skipped, with why.
  if (c.status === 'vacuous') return `${open}>\n      <skipped message="${attr(message)}"/>\n    </testcase>`;
  if (c.status === 'skipped') return `${open}>\n      <skipped message="${attr(message)}"/>\n    </testcase>`;
  const colors = pc.createColors(false);
  const body = formatConsoleFailure(c, { replay: (x) => replayCommand(x, adapterSpec), adapterSpec, colors }).join('\n');
  const tag = c.status === 'failed' ? 'failure' : 'error';
  const firstLine = message.split('\n')[0] ?? '';
  return `${open}>\n      <${tag} message="${attr(firstLine)}" type="${c.status}">${text(body)}</${tag}>\n    </testcase>`;
}

function suiteAttributes(name: string, checks: readonly CheckResult[]): string {
  const n = countByStatus(checks);
  return `name="${attr(name)}" tests="${checks.length}" failures="${n.failed}" errors="${n.error}" skipped="${n.skipped + n.vacuous}"`;
}

export function toJUnitXml(report: ConformanceReport, context: JUnitContext = {}): string {
  const adapterSpec = context.adapterSpec ?? './my-adapter.ts';
  const timestamp = (context.timestamp ?? new Date()).toISOString().replace(/\.\d+Z$/, '');
  const families = [...new Set([...FAMILIES, ...report.checks.map((c) => c.family)])];
  const properties = [
    ['adapter', report.adapter],
    ['dtype', report.dtype],
    ['seed', String(report.seed)],
    ['runs', String(report.runs)],
  ].map(([k, v]) => `      <property name="${attr(k!)}" value="${attr(v!)}"/>`);
  const suites = families.flatMap((family) => {
    const checks = report.checks.filter((c) => c.family === family);
    if (checks.length === 0) return [];
    return [
      `  <testsuite ${suiteAttributes(`convkit ${family}`, checks)} timestamp="${timestamp}">`,
      '    <properties>',
      ...properties,
      '    </properties>',
      ...checks.map((c) => testcase(c, report, adapterSpec)),
      '  </testsuite>',
    ];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${suiteAttributes(`convkit: ${report.adapter} (${report.dtype}), seed ${report.seed}`, report.checks)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
