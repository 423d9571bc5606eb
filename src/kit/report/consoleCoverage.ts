/**
 * The coverage lines of the console summary (`kit.coverage`): one short line per operator — calls, distinct
 * cells, and per dimension the classes reached of the known ones — then one line per coverage warning.
 */
import { dimensionCoverage } from '../coverage/dimensionCoverage.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import type { Colors } from './consoleFailure.js';

export function formatConsoleCoverage(coverage: RunCoverage, colors: Colors): string[] {
  if (coverage.operators.length === 0) return [];
  const width = Math.max(...coverage.operators.map((o) => o.operator.length));
  const lines = [colors.bold('coverage (classes reached of known: kernel, stride, dilation, padding forms, channel tails, batch, boundaries)')];
  for (const op of coverage.operators) {
    const parts = dimensionCoverage(op).map((d) => {
      if (d.reached === null) return `${d.dimension} ${d.dimension === 'padding' ? d.classes.length : d.dimension === 'boundaries' ? '—' : 'n/a'}`;
      const text = `${d.dimension} ${d.reached.count}/${d.reached.of}`;
      return d.dimension === 'boundaries' && d.reached.count < d.reached.of ? colors.yellow(text) : text;
    });
    lines.push(`  ${op.operator.padEnd(width)}  ${String(op.calls).padStart(6)} calls ${String(op.cells.length).padStart(4)} cells · ${parts.join(' · ')}`);
  }
  for (const w of coverage.warnings) lines.push(colors.yellow(`  warning: ${w.property} never reached ${w.boundary} (${w.operator})`));
  return lines;
}
