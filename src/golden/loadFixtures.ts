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
    if (!validate(json)) {
      throw new FixtureFormatError(shown, (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
    }
    return { ...(json as Fixture), path: shown };
  });
}
