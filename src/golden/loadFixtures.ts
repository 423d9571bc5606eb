/**
 * Reads fixture files (every .json under golden/ by default, or a user's own folder) and validates each against
 * golden/schema.json, so a malformed fixture is reported with its path instead of failing later.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { packageRoot } from '../spec/specClauses.js';
import type { Fixture } from './fixture.js';

export function goldenDir(): string {
  return join(packageRoot(), 'golden');
}

export function fixtureSchema(): object {
  return JSON.parse(readFileSync(join(goldenDir(), 'schema.json'), 'utf8')) as object;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'tools' || name === 'training-recovery' ? [] : jsonFiles(path);
      return name.endsWith('.json') && name !== 'schema.json' ? [path] : [];
    });
}

export class FixtureFormatError extends Error {
  constructor(readonly path: string, readonly problems: string[]) {
    super(`fixture ${path}: ${problems.join('; ')}`);
    this.name = 'FixtureFormatError';
  }
}

/** All fixtures under `dir`, each validated; throws FixtureFormatError naming the first bad file. */
export function loadFixtures(dir = goldenDir()): Fixture[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(fixtureSchema());
  return readFixtures(dir, (json) => (validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)));
}

let shipped: readonly Fixture[] | undefined;

/**
 * The fixtures shipped in golden/, read once per thread. Not validated again at run time: compiling the schema
 * costs about a quarter of a second of every run and of every check worker, and test/golden.test.ts validates
 * every shipped file against golden/schema.json (through loadFixtures) before a release. A user's own folder
 * (`--fixtures`) goes through loadFixtures.
 */
export function shippedFixtures(): readonly Fixture[] {
  return (shipped ??= Object.freeze(readFixtures(goldenDir(), () => [])));
}

function readFixtures(dir: string, problems: (json: unknown) => string[]): Fixture[] {
  return jsonFiles(dir).map((path) => {
    const shown = relative(process.cwd(), path);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new FixtureFormatError(shown, [`not JSON: ${(e as Error).message}`]);
    }
    // The schema branches on kind: without a valid kind, every branch's errors would be listed at once.
    const kind = (json as { kind?: unknown } | null)?.kind;
    if (kind !== 'forward' && kind !== 'training') {
      throw new FixtureFormatError(shown, [`/kind must be "forward" or "training", got ${JSON.stringify(kind) ?? 'nothing'}`]);
    }
    const found = problems(json);
    if (found.length > 0) throw new FixtureFormatError(shown, found);
    return { ...(json as Fixture), path: shown };
  });
}
