/**
 * The runner is deterministic: the same seed gives the same cases and the same report (issue 5), and a
 * property sees the same cases whether it runs alone or in the whole catalogue (src/kit/propertySeed.ts).
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/kit/runConformance.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';

const adapter = brokenAdapters.find((b) => b.adapter.name === 'conv-kernel-flipped')!.adapter;
const strip = (checks: readonly { id: string; status: string; message?: string; counterexample?: unknown; seed?: number; path?: string }[]) =>
  JSON.stringify(checks.map(({ id, status, message, counterexample, seed, path }) => ({ id, status, message, counterexample, seed, path })));

describe('determinism', () => {
  it('two runs with the same seed give identical reports; another seed gives other cases', async () => {
    const a = await runConformance(adapter, { seed: 42, runs: 30, only: 'conv2d.' });
    const b = await runConformance(adapter, { seed: 42, runs: 30, only: 'conv2d.' });
    const c = await runConformance(adapter, { seed: 43, runs: 30, only: 'conv2d.' });
    expect(strip(a.checks)).toBe(strip(b.checks));
    expect(a.checks.some((x) => x.status === 'failed')).toBe(true);
    expect(strip(c.checks)).not.toBe(strip(a.checks));
  });

  it('a property alone finds the same counterexample as in the whole run', async () => {
    const whole = await runConformance(adapter, { seed: 42, runs: 30, only: 'conv2d.' });
    const alone = await runConformance(adapter, { seed: 42, runs: 30, only: 'conv2d.definition' });
    const inWhole = whole.checks.find((x) => x.id === 'conv2d.definition')!;
    expect(strip(alone.checks.filter((x) => x.id === 'conv2d.definition'))).toBe(strip([inWhole]));
  });
});
