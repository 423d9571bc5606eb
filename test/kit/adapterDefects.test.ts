/**
 * Adapter defects are diagnosed rather than reported as wrong results or hangs (issue 14): an adapter that writes
 * into its inputs, one whose answers change between two runs of the same case, one broken by an earlier call
 * (confirmed in a fresh adapter), a WebAssembly trap (restart before the next call), and shrinking that would go
 * on and on (bounded, and the bound is said).
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { MAX_SHRINK_STEPS } from '../../src/kit/confirmFailure.js';
import { runConformance } from '../../src/kit/runConformance.js';
import { defineProperty } from '../../properties/property.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'isolation', 'fixtures', name);
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

describe('adapter defects', () => {
  it('an in-process conv2d that zeroes its input is "conv2d modified its input", and the run ends quickly', async () => {
    const mutating: Adapter = {
      name: 'mutating',
      dtype: 'float64',
      conv2d: async (input, weight, bias, opts) => {
        const y = await reference.conv2d!(input, weight, bias, opts);
        (input.data as Float64Array).fill(0);
        return y;
      },
    };
    const started = Date.now();
    const report = await runConformance(mutating, { only: /^conv2d\.(definition|linear-in-input)$/, runs: 20, fixtures: [] });
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const c of report.checks) {
      expect(c.status, c.id).toBe('error');
      expect(c.message).toMatch(/InputModifiedError: conv2d modified its input \(argument 1, data\[\d+\] was -?[\d.e-]+, now 0\); operators must not write into their inputs/);
    }
  });

  it('an adapter whose answer to the same case changes is "nondeterministic adapter", with both answers', async () => {
    let calls = 0;
    const flaky: Adapter = { ...reference, name: 'flaky', corr2d: async (x, k) => { const y = await reference.corr2d!(x, k); if (++calls % 2 === 0) (y.data as Float64Array)[0]! += 1; return y; } };
    const property = (await import('../../properties/catalogue.js')).catalogue.find((p) => p.id === 'corr2d.definition')!;
    const result = await checkProperty(flaky, property, { seed: 5, runs: 20 });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^nondeterministic adapter: the same case answered differently when run again — first: .*; then: /);
    expect((result.detail?.['answers'] as unknown[]).length).toBe(2);
  });

  it('an isolated adapter broken by earlier calls: the failure does not reproduce in a fresh adapter, and the check says so', async () => {
    const adapter = await isolateAdapter(fixture('poisonedAdapter.js'), { timeoutMs: 2000 });
    opened.push(adapter);
    const report = await runConformance(adapter, { only: /^corr2d\.definition$/, runs: 20, fixtures: [] });
    expect(report.checks[0]).toMatchObject({ status: 'error' });
    expect(report.checks[0]!.message).toMatch(/^the failure does not reproduce in a fresh adapter: the adapter went wrong earlier in this run/);
    // The earlier calls are replayed one by one in the fresh adapter until the case fails again: that call is named.
    expect(report.checks[0]!.message).toMatch(/the earlier call corr2d\(\[\d+×\d+\], \[\d+×\d+\]\) \(\d+ of the last \d+\) brings the failure back: that call left it broken/);
  });

  it('a WebAssembly trap restarts the isolated adapter before the next call', async () => {
    const adapter = await isolateAdapter(fixture('poisonedAdapter.js'), { timeoutMs: 2000 });
    opened.push(adapter);
    const x = { shape: [2, 2], data: new Float64Array([1, 2, 3, 4]) };
    await expect(adapter.corr2d!(x, { shape: [1, 1], data: new Float64Array([7]) })).rejects.toThrow(/RuntimeError|memory access out of bounds/);
    expect([...(await adapter.corr2d!(x, { shape: [1, 1], data: new Float64Array([2]) })).data]).toEqual([2, 4, 6, 8]);
  });

  it('shrinking stops at its bound, the candidates past it are not run, and the message says so', async () => {
    let runs = 0;
    const property = defineProperty<number[]>({
      id: 'test.always-fails',
      operator: 'conv2d',
      family: 'linearity',
      title: 'a long case that always fails',
      clauses: ['conv.definition'],
      requires: { ops: [] },
      arbitrary: () => fc.array(fc.integer(), { minLength: 1000, maxLength: 1000 }),
      predicate: async () => {
        runs++;
        throw new PropertyFailure('x', 'something', 'something else', 'test()', 'conv.definition');
      },
    });
    const result = await checkProperty(reference, property, { seed: 1, runs: 10 });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(new RegExp(`^\\[shrinking stopped at its bound of ${MAX_SHRINK_STEPS} steps: this case may not be the smallest\\] x=something`));
    expect(runs).toBe(1 + MAX_SHRINK_STEPS + 1); // the first failure, the shrink steps, the confirmation
  });

  it('an anchor answered with the wrong shape is a failure of the shape clause, not an adapter error', async () => {
    // Each answer gets one extra row of −∞ (tfjs's ceil-mode extra window, baselines/tfjs.json): 2·(−∞) + 1 = −∞,
    // so max-pool2d.commutes-with-increasing-maps, which relates the adapter's own answers, still holds, and
    // only its anchor sees the wrong shape.
    const extraRow: Adapter = {
      name: 'extra-row',
      dtype: 'float64',
      maxPool2d: async (input, opts) => {
        const y = await reference.maxPool2d!(input, opts);
        const [n, c, h, w] = y.shape as [number, number, number, number];
        const data = new Float64Array(n * c * (h + 1) * w).fill(-Infinity);
        for (let p = 0; p < n * c; p++) data.set(Array.from(y.data).slice(p * h * w, (p + 1) * h * w), p * (h + 1) * w);
        return { shape: [n, c, h + 1, w], data };
      },
    };
    const report = await runConformance(extraRow, { only: /^max-pool2d\.commutes-with-increasing-maps$/, runs: 5, fixtures: [] });
    expect(report.checks).toHaveLength(1);
    const [c] = report.checks;
    expect(c!.status, c!.message).toBe('failed');
    expect(c!.brokenClause).toBe('shape.pool');
    expect(c!.message).toMatch(/^maxPool2d\.shape=\[(\d+), (\d+), (\d+), (\d+)\], but should be \[\1, \2, \d+, \4\] \[maxPool2d\(.*§shape\.pool$/);
  });

  it('an all-NaN or all-zero conv2d passes no relational property: each is anchored against the reference', async () => {
    for (const fill of [Number.NaN, 0]) {
      const constant: Adapter = { name: `all-${fill}`, dtype: 'float64', conv2d: async (input, weight, bias, opts) => { const y = await reference.conv2d!(input, weight, bias, opts); return { shape: y.shape, data: new Float64Array(y.data.length).fill(fill) }; } };
      const report = await runConformance(constant, { only: /^conv2d\.(linear-in-input|linear-in-weight|transposition|circular-shift-equivariance|valid-translation-equivariance|stride-is-subsampling)$/, runs: 5, fixtures: [] });
      expect(report.checks).toHaveLength(6);
      for (const c of report.checks) {
        expect(c.status, `${fill} ${c.id}: ${c.message}`).toBe('failed');
        expect(c.message).toMatch(/^anchor: conv2d\[\d+(, \d+){3}\]=(NaN|0), but should be .* §conv\./);
      }
    }
  });
});
