/**
 * A failure's diagnosis as text (`kit.diagnosis.conventions`, `kit.diagnosis.explain`), shared by the console and
 * HTML reports: the conventions the adapter's answers follow, and "fails for any stride.h and input.N; needs
 * padding.right ≥ 1 and input.W ≥ 2".
 */
import type { Dependency, Diagnosis } from '../../diagnosis/diagnosis.js';

function dependencyText(d: Dependency): string {
  if (d.rule === 'at-least') return `${d.parameter} ≥ ${String(d.values[0])}`;
  if (d.rule === 'at-most') return `${d.parameter} ≤ ${String(d.values[0])}`;
  if (d.parameter === 'values') return 'these values (other values pass)';
  return d.values.length === 1 ? `${d.parameter} = ${String(d.values[0])}` : `${d.parameter} ∈ {${d.values.map(String).join(', ')}}`;
}

const andList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`);

/** "fails for any …; needs …", or null when explain found nothing to say. */
export function explainText(d: Diagnosis): string | null {
  const parts: string[] = [];
  if (d.free !== undefined && d.free.length > 0) parts.push(`fails for any ${andList(d.free)}`);
  if (d.dependsOn !== undefined && d.dependsOn.length > 0) parts.push(`needs ${andList(d.dependsOn.map(dependencyText))}`);
  if (parts.length === 0) return null;
  return `${parts.join('; ')}${d.timedOut === true ? ' (diagnosis stopped at its time box)' : ''}`;
}

/** One line per matching convention: "count-include-pad-false — <title> (<source>)". */
export function conventionTexts(d: Diagnosis): { id: string; title: string; source: string }[] {
  return d.conventions.map((c) => ({ id: c.id, title: c.title, source: c.source }));
}
