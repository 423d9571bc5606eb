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

/** Clause ids nothing checks; errata clauses describe the notes, not behaviour, and are left out. */
export function uncoveredClauses(clauses: ReadonlyMap<string, SpecClause>, properties: readonly Property[], fixtures: readonly Fixture[]): string[] {
  return [...clauseCheckers(clauses, properties, fixtures)].filter(([id, by]) => by.length === 0 && !id.startsWith('errata.')).map(([id]) => id);
}
