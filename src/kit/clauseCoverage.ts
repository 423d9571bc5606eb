/** Which spec clauses the catalogue and the fixtures check, and which none does (aim: none). */
import type { Property } from '../../properties/property.js';
import type { Fixture } from '../golden/fixture.js';
import type { SpecClause } from '../spec/specClauses.js';

export function clauseCheckers(clauses: ReadonlyMap<string, SpecClause>, properties: readonly Property[], fixtures: readonly Fixture[]): Map<string, string[]> {
  const checkers = new Map<string, string[]>([...clauses.keys()].map((id) => [id, []]));
  for (const p of properties) for (const id of p.clauses) checkers.get(id)?.push(p.id);
  for (const f of fixtures) for (const id of f.clauses) checkers.get(id)?.push(`golden/${f.id}`);
  return checkers;
}

/**
 * Operator clauses nothing checks. Left out: errata (they describe the notes, not behaviour), kit clauses
 * (the stdio protocol, `kit.*`), which describe convkit itself and are checked by its own tests (test/stdio,
 * test/isolation), and calibration records (`num.calibration.*`), which report measurements on real libraries.
 */
export function isOperatorClause(id: string): boolean {
  return !id.startsWith('errata.') && !id.startsWith('kit.') && !id.startsWith('num.calibration.');
}

export function uncoveredClauses(clauses: ReadonlyMap<string, SpecClause>, properties: readonly Property[], fixtures: readonly Fixture[]): string[] {
  return [...clauseCheckers(clauses, properties, fixtures)].filter(([id, by]) => by.length === 0 && isOperatorClause(id)).map(([id]) => id);
}
