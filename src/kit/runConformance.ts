/**
 * runConformance: the golden fixtures and the property catalogue against one adapter, as structured results
 * for the CLI and any other tool. Never stops at the first failure; the same seed gives the same report.
 */
import type { Adapter } from '../adapter/contract.js';
import type { CheckResult } from '../check/checkResult.js';
import { checkFixture } from '../golden/checkFixture.js';
import type { Fixture } from '../golden/fixture.js';
import { loadFixtures } from '../golden/loadFixtures.js';
import type { Property } from '../../properties/property.js';
import { catalogue } from '../../properties/catalogue.js';
import { checkProperty } from './checkProperty.js';

export const DEFAULT_SEED = 20261121;
export const DEFAULT_RUNS = 100;

export interface ConformanceOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** Only checks whose id matches (a RegExp, or a substring). */
  readonly only?: string | RegExp;
  readonly fixtures?: readonly Fixture[];
  readonly properties?: readonly Property[];
}

export interface ConformanceReport {
  readonly adapter: string;
  readonly dtype: Adapter['dtype'];
  readonly seed: number;
  readonly runs: number;
  readonly checks: CheckResult[];
}

function matcher(only: ConformanceOptions['only']): (id: string) => boolean {
  if (only === undefined) return () => true;
  if (only instanceof RegExp) return (id) => only.test(id);
  return (id) => id.includes(only);
}

export async function runConformance(adapter: Adapter, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const selected = matcher(options.only);
  const checks: CheckResult[] = [];
  for (const fixture of options.fixtures ?? loadFixtures()) {
    if (selected(`golden/${fixture.id}`)) checks.push(await checkFixture(adapter, fixture));
  }
  for (const property of options.properties ?? catalogue) {
    if (selected(property.id)) checks.push(await checkProperty(adapter, property, { seed, runs }));
  }
  return { adapter: adapter.name, dtype: adapter.dtype, seed, runs, checks };
}
