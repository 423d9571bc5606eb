/**
 * The first failure of an adapter, found cheaply for the diagnosis proofs: only the properties that call a method
 * the adapter replaced (the others run the reference's own code and pass), the families that catch a convention
 * soonest first. Default runs.
 */
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { DEFAULT_RUNS } from '../../src/kit/runConformance.js';
import { ADAPTER_METHODS } from '../../src/operators/index.js';
import { catalogue } from '../../properties/catalogue.js';
import type { Property } from '../../properties/property.js';

const FIRST_FAMILIES = ['shape', 'definition', 'errors'];
const tryOrder = (p: Property) => (FIRST_FAMILIES.includes(p.family) ? FIRST_FAMILIES.indexOf(p.family) : FIRST_FAMILIES.length);

/** The properties that call a method the adapter replaced. */
export function propertiesFor(adapter: Adapter): Property[] {
  const changed = ADAPTER_METHODS.filter((m) => adapter[m] !== (reference as Adapter)[m]);
  return catalogue.filter((p) => p.requires.ops.some((op) => changed.includes(op)));
}

/** The first failed check among propertiesFor(adapter) with the seed, or undefined when all pass. */
export async function firstFailure(adapter: Adapter, seed: number): Promise<CheckResult | undefined> {
  for (const p of propertiesFor(adapter).sort((a, b) => tryOrder(a) - tryOrder(b))) {
    const r = await checkProperty(adapter, p, { seed, runs: DEFAULT_RUNS });
    if (r.status === 'failed') return r;
  }
  return undefined;
}
