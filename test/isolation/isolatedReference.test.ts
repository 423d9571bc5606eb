/**
 * The reference adapter, loaded in a worker thread, passes the whole default catalogue through the isolated
 * proxy: isolation changes nothing the checks can see (tensors cross as structured clones, exactly).
 */
import { afterAll, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { runConformance } from '../../src/kit/runConformance.js';

let adapter: Adapter | undefined;
afterAll(() => adapter?.close?.());

it('the isolated reference passes every fixture and property (default seed and runs)', async () => {
  adapter = await isolateAdapter('reference');
  expect(adapter.name).toBe('reference');
  const started = performance.now();
  const report = await runConformance(adapter);
  console.log(`isolated reference: ${report.checks.length} checks in ${(performance.now() - started).toFixed(0)} ms`);
  const notPassed = report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.status} ${c.message ?? ''}`);
  expect(notPassed).toEqual([]);
});
