/**
 * The vitest entry point used as a user would: the reference's conv2d checks pass as individual tests; a
 * broken adapter's known failure, declared in a baseline (an object, or a baseline file's path), runs as an
 * expected failure (it.fails); a failure's error shows the grids the console report shows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../properties/catalogue.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { ConformanceFailure, describeConformance, verdict } from '../../src/kit/vitestEntry.js';
import { reference } from '../../src/index.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';

describeConformance(reference, { only: 'conv2d.', runs: 20, title: 'convkit/vitest on the reference' });

const flipped = brokenAdapters.find((b) => b.adapter.name === 'conv-kernel-flipped')!.adapter;
describeConformance(flipped, {
  only: 'conv2d.definition',
  runs: 20,
  title: 'convkit/vitest with a baseline: the flipped kernel is a known failure',
  baseline: { adapter: flipped.name, seed: 20261121, entries: [{ id: 'conv2d.definition', status: 'failed', reason: 'kernel rotated 180°' }] },
});

const baselineFile = join(mkdtempSync(join(tmpdir(), 'convkit-vitest-baseline-')), 'flipped.json');
writeFileSync(baselineFile, JSON.stringify({ adapter: flipped.name, seed: 20261121, entries: [{ id: 'conv2d.definition', status: 'failed', reason: 'kernel rotated 180°' }] }));
describeConformance(flipped, { only: 'conv2d.definition', runs: 20, title: 'convkit/vitest with a baseline file path', baseline: baselineFile });

describe("a failing check's vitest error", () => {
  it('shows the message, the counterexample grids, expected │ actual │ actual − expected and the replay command', async () => {
    const property = catalogue.find((p) => p.id === 'conv2d.definition')!;
    const result = await checkProperty(flipped, property, { seed: 20261121, runs: 20 });
    expect(result.status).toBe('failed');
    let thrown: unknown;
    try {
      verdict(result, './flipped.ts', { skip: () => undefined });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConformanceFailure);
    const text = (thrown as Error).message;
    expect(text).toContain(result.message!);
    expect(text).toMatch(/counterexample \((run|property) seed -?\d+\)/);
    expect(text).toMatch(/expected \[1, 1, 1, 1\] +│ +actual \[1, 1, 1, 1\] +│ +actual − expected/);
    expect(text).toContain(`convkit replay conv2d.definition --adapter ./flipped.ts --seed 20261121 --path ${result.replay?.path}`);
    expect(text).not.toMatch(/\x1b\[/);
  });
});
