/** The one-line message of a vacuous check (spec/conventions.md kit.health.vacuous), built from its Health record. */
import type { Health, VacuousReason } from '../../diagnosis/health.js';

const WHAT: Record<VacuousReason, string> = {
  'trivial-outputs': 'cases got only trivial answers (empty, all zero, or all elements equal)',
  'lacks-feature': 'cases lacked the feature the property is about',
  'skipped-by-features': 'candidates were skipped: they needed a feature the adapter declared unsupported',
  filtered: "candidates were discarded by the property's preconditions",
};

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function vacuousMessage(h: Health): string {
  return `vacuous (${h.reason}): ${percent(h.share)} of ${h.cases} ${WHAT[h.reason]}; a check is vacuous above ${percent(h.threshold)} — it held, but proved little §kit.health.vacuous`;
}
