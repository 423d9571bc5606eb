/**
 * Features an adapter declared it does not implement (`supports.features`, set to false), and which of a
 * check's needed features those are. A check that needs one is skipped, never passed or failed.
 */
import type { Adapter, Feature } from './contract.js';

export function declaredUnsupported(adapter: Adapter): Set<Feature> {
  const declared = adapter.supports?.features ?? {};
  return new Set(Object.entries(declared).filter(([, v]) => v === false).map(([k]) => k as Feature));
}

/** The skip reason when the adapter declared one of `needed` unsupported, else null. */
export function unsupportedNeed(adapter: Adapter, needed: readonly Feature[]): string | null {
  const off = declaredUnsupported(adapter);
  const missing = needed.filter((f) => off.has(f));
  return missing.length > 0 ? `adapter ${adapter.name} declares ${missing.join(', ')} unsupported` : null;
}
