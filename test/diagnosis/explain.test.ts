/**
 * Proof of explain (spec/conventions.md kit.diagnosis.explain): for broken adapters whose bug needs one parameter,
 * the diagnosis of the first failure (default seed) names that parameter as a dependency with the right rule, and
 * does not call it free. The expected dependency of each is derived by hand from the bug in brokenAdapters.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../src/diagnosis/diagnosis.js';
import { diagnoseFailure } from '../../src/kit/diagnosis/diagnoseFailure.js';
import { DEFAULT_SEED } from '../../src/kit/runConformance.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';
import { firstFailure } from './firstFailure.js';

interface Expected {
  /** The parameter (a pattern: the shrunk case decides which axis carries it). */
  readonly parameter: RegExp;
  readonly rule: Dependency['rule'];
  /** The failing values: the bound of at-least/at-most, the list of one-of. */
  readonly values: Dependency['values'];
  readonly why: string;
}

const EXPECTED: ReadonlyMap<string, Expected> = new Map([
  ['conv-dilation-ignored', { parameter: /^dilation\.[hw]$/, rule: 'at-least', values: [2], why: 'dilation 1 is what the bug computes anyway' }],
  ['conv-stride-height-only', { parameter: /^stride\.w$/, rule: 'at-least', values: [2], why: 'the width stride is replaced by the height stride (1 in the shrunk case)' }],
  ['pad-circular-as-replicate', { parameter: /^mode$/, rule: 'one-of', values: ['circular'], why: 'only the circular mode is wrong' }],
  ['pad-negative-ignored', { parameter: /^pads\.(top|bottom|left|right)$/, rule: 'at-most', values: [-1], why: 'pads ≥ 0 are applied as asked' }],
  ['avgpool-count-include-pad-ignored', { parameter: /^countIncludePad$/, rule: 'one-of', values: [false], why: 'true is what the bug always uses' }],
  ['conv-transpose-output-padding-ignored', { parameter: /^outputPadding\.[hw]$/, rule: 'at-least', values: [1], why: 'output padding 0 is what the bug applies' }],
  ['maxpool-ceil-last-window-kept', { parameter: /^ceilMode$/, rule: 'one-of', values: [true], why: 'floor mode has no window to keep' }],
]);

describe('explain names the parameter a bug needs', () => {
  it(`for at least 5 of ${EXPECTED.size} broken adapters (first failure, default seed)`, async () => {
    const right: string[] = [];
    const wrong: string[] = [];
    for (const [name, expected] of EXPECTED) {
      const adapter = brokenAdapters.find((b) => b.adapter.name === name)!.adapter;
      const failure = await firstFailure(adapter, DEFAULT_SEED);
      const d = await diagnoseFailure(adapter, failure?.detail?.calls ?? []);
      const found = d?.dependsOn?.find((x) => expected.parameter.test(x.parameter));
      const ok = found !== undefined && found.rule === expected.rule && JSON.stringify(found.values) === JSON.stringify(expected.values)
        && !(d?.free ?? []).includes(found.parameter);
      (ok ? right : wrong).push(`${name} (${failure?.id ?? 'no failure'}): wanted ${expected.parameter} ${expected.rule} ${JSON.stringify(expected.values)} (${expected.why}); got ${JSON.stringify(d?.dependsOn)}`);
    }
    expect(right.length, wrong.join('\n')).toBeGreaterThanOrEqual(5);
  });

  it('calls the batch free where the bug is per image (conv-stride-height-only, conv-dilation-ignored)', async () => {
    for (const name of ['conv-stride-height-only', 'conv-dilation-ignored']) {
      const adapter = brokenAdapters.find((b) => b.adapter.name === name)!.adapter;
      const failure = await firstFailure(adapter, DEFAULT_SEED);
      const d = await diagnoseFailure(adapter, failure?.detail?.calls ?? []);
      expect(d?.free, name).toContain('input.N');
    }
  });
});
