/**
 * Clause ids are first-class (STYLE habit 5): spec/ defines each once; every id cited by code, fixtures,
 * properties or tests must exist there; and the clauses no property or fixture checks are listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedClauses, loadSpecClauses, packageRoot } from '../src/spec/specClauses.js';
import { catalogue } from '../properties/catalogue.js';
import { loadFixtures } from '../src/golden/loadFixtures.js';
import { uncoveredClauses } from '../src/kit/clauseCoverage.js';

const root = packageRoot();
const clauses = loadSpecClauses();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|json|py)$/.test(name) ? [path] : [];
  });
}

describe('spec clauses', () => {
  it('spec/ defines at least one clause per area, each with text', () => {
    expect(clauses.size).toBeGreaterThan(60);
    for (const area of ['tensor.', 'corr.', 'conv.', 'convt.', 'pad.', 'pool.', 'shape.', 'num.', 'err.', 'grad.', 'errata.']) {
      expect([...clauses.keys()].some((id) => id.startsWith(area)), area).toBe(true);
    }
    for (const c of clauses.values()) expect(c.text.length, c.id).toBeGreaterThan(20);
  });

  it('every clause id cited in src/, properties/, golden/ and test/ is defined in spec/', () => {
    const undefinedCitations: string[] = [];
    for (const folder of ['src', 'properties', 'golden', 'test']) {
      for (const file of sourceFiles(join(root, folder))) {
        for (const id of citedClauses(readFileSync(file, 'utf8'))) {
          if (!clauses.has(id)) undefinedCitations.push(`${relative(root, file)}: ${id}`);
        }
      }
    }
    expect(undefinedCitations).toEqual([]);
  });

  it('every property and fixture cites only defined clauses, and at least one', () => {
    for (const p of catalogue) {
      expect(p.clauses.length, p.id).toBeGreaterThan(0);
      for (const id of p.clauses) expect(clauses.has(id), `${p.id} cites ${id}`).toBe(true);
    }
    for (const f of loadFixtures()) for (const id of f.clauses) expect(clauses.has(id), `${f.id} cites ${id}`).toBe(true);
  });

  it('property ids do not look like clause ids (a report cites both)', () => {
    for (const p of catalogue) expect(clauses.has(p.id), p.id).toBe(false);
  });

  it('the meta-test can fail: an undefined citation is detected', () => {
    const bogus = ['conv', 'no-such-rule'].join('.'); // built, so this file does not cite it itself
    const cited = citedClauses(`clause: '${bogus}'`);
    expect(cited).toEqual([bogus]);
    expect(clauses.has(cited[0]!)).toBe(false);
  });

  it('every operator clause is checked by at least one property or fixture (`npm run clauses -- --uncovered` lists none)', () => {
    expect(uncoveredClauses(clauses, catalogue, loadFixtures())).toEqual([]);
  });
});
