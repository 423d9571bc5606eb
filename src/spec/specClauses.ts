/**
 * Reads the clause ids that spec/*.md defines. A clause is a level-3 heading whose first token is its id in
 * backticks: "### `conv.stride` — Stride" (spec/README.md). Tests, fixtures and reports cite these ids; a
 * meta-test fails on any citation this does not define.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SpecClause {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly text: string;
}

const HEADING = /^### `([a-z0-9]+(?:[.-][a-z0-9]+)*)` — (.*)$/;

/** The areas clause ids start with; used to recognise a citation in source text. */
export const CLAUSE_AREAS = ['tensor', 'corr', 'conv', 'convt', 'pad', 'pool', 'shape', 'num', 'err', 'grad', 'errata', 'kit'] as const;
export const CLAUSE_CITATION = new RegExp(`[\`'"]((?:${CLAUSE_AREAS.join('|')})\\.[a-z0-9]+(?:[.-][a-z0-9]+)*)[\`'"]`, 'g');

/** The package root (the folder holding spec/), found from this module's location in src/ or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'spec')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('convkit: cannot find the spec/ folder above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export function loadSpecClauses(specDir = join(packageRoot(), 'spec')): Map<string, SpecClause> {
  const clauses = new Map<string, SpecClause>();
  for (const file of readdirSync(specDir).filter((f) => f.endsWith('.md')).sort()) {
    const lines = readFileSync(join(specDir, file), 'utf8').split('\n');
    let current: { id: string; title: string; body: string[] } | null = null;
    const flush = () => {
      if (current === null) return;
      if (clauses.has(current.id)) throw new Error(`spec: clause ${current.id} is defined twice (${clauses.get(current.id)!.file} and ${file})`);
      clauses.set(current.id, { id: current.id, title: current.title, file, text: current.body.join('\n').trim() });
    };
    for (const line of lines) {
      const m = HEADING.exec(line);
      if (m) {
        flush();
        current = { id: m[1]!, title: m[2]!, body: [] };
      } else if (/^#{1,3} /.test(line)) {
        flush();
        current = null;
      } else {
        current?.body.push(line);
      }
    }
    flush();
  }
  return clauses;
}

/** Every clause id cited in a text (source code, JSON fixture, markdown). */
export function citedClauses(text: string): string[] {
  return [...text.matchAll(CLAUSE_CITATION)].map((m) => m[1]!);
}
