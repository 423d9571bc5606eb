/**
 * Proof of explain (spec/conventions.md kit.diagnosis.explain): for broken adapters whose bug needs one parameter,
 * the diagnosis of the first failure (default seed) names that parameter as a dependency with the right rule, and
 * does not call it free. The expected dependency of each is derived by hand from the bug in brokenAdapters.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Dependency } from '../../src/diagnosis/diagnosis.js';
import { diagnoseFailure } from '../../src/kit/diagnosis/diagnoseFailure.js';
import { DEFAULT_SEED } from '../../src/kit/runConformance.js';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { explainFailure } from '../../src/kit/diagnosis/explainFailure.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';
import { scaleBrokenAdapters } from '../adapters/scaleBrokenAdapters.js';
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

/** Distinct nonzero integers, so a channel read from the wrong place always changes a sum. */
const distinct = (shape: number[], from: number): TensorData => ({ shape, data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => ((from + k) % 7) + 1) });

describe('explain varies the channel counts, every tensor that carries them at once', () => {
  const scaleBroken = (name: string) => scaleBrokenAdapters.find((b) => b.adapter.name === name)!.adapter;
  // Both expectations are derived from the bug's condition in scaleBrokenAdapters.ts, with the counts explain
  // tries (the small ones 1…3 and v ± 1, v ± 2).
  it('ORT WebGPU vec3 packing (C % 3 = 0, C % 4 ≠ 0, O % 4 = 0, packs from channel 3 on misread): needs input.C 6 and output.C 4', async () => {
    const call: OperatorCall = { op: 'conv2d', inputs: { input: distinct([1, 6, 1, 3], 0), weight: distinct([4, 6, 1, 2], 3), bias: null }, options: {} };
    // C = 3 has one pack, read from channel ⌊0/4⌋ = 0: right; 4, 5, 7, 8 are not multiples of 3; O = 8 is not tried.
    const e = await explainFailure(scaleBroken('ort-webgpu-conv-vec3-channels'), { method: 'conv2d', call }, 'float64', Date.now() + 5000);
    expect(e.dependsOn).toEqual(expect.arrayContaining([
      { parameter: 'input.C', rule: 'one-of', values: [6] },
      { parameter: 'output.C', rule: 'one-of', values: [4] },
    ]));
    expect(e.free).toContain('input.N');
    expect(e.free).not.toContain('input.C');
  });

  it('ORT WebGPU convTranspose2d group weights (groups ≥ 2 of 2 in, 1 out): needs input.C 4 and output.C ≤ 2', async () => {
    const call: OperatorCall = { op: 'convTranspose2d', inputs: { input: distinct([1, 4, 1, 1], 0), weight: distinct([4, 1, 1, 1], 2), bias: null }, options: { groups: 2 } };
    // Odd counts are invalid with 2 groups: C = 2 and 6 give 1 and 3 in per group (pass); output.C 4 gives 2 out
    // per group (passes), the only valid count tried above 2, so the rule reads ≤ 2.
    const e = await explainFailure(scaleBroken('ort-webgpu-convt-vec2-group-weights'), { method: 'convTranspose2d', call }, 'float64', Date.now() + 5000);
    expect(e.dependsOn).toEqual(expect.arrayContaining([
      { parameter: 'input.C', rule: 'one-of', values: [4] },
      { parameter: 'output.C', rule: 'at-most', values: [2] },
    ]));
    expect(e.free).not.toContain('input.C');
  });
});
