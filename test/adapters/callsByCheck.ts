/**
 * Which checks a broken adapter can fail, so the proofs run those alone.
 *
 * A check's cases come from its own seed, `propertySeed(runSeed, id)` (src/kit/propertySeed.ts: derived from
 * the run seed and the check's id, so the same whether it runs alone, under `only`, or in the whole run), and a
 * broken adapter here is the reference with some methods replaced and nothing else changed. A check that calls
 * none of the replaced methods on the reference therefore makes exactly the reference's calls, gets exactly
 * the reference's answers and reaches the reference's verdict: it can only fail on the broken adapter by
 * calling a replaced method. So the proof records, in its reference run, which adapter methods each check
 * calls, and runs a broken adapter on the checks that call one it replaces; the verdicts are the whole run's.
 */
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { exactly } from './exactly.js';

/** The adapter methods each check of a run called, keyed by check id (filled as the run goes). */
export type CallsByCheck = Map<string, ReadonlySet<string>>;

/**
 * The reference, logging every method call, and the `onProgress` that files the calls made since the last
 * check under the check that just finished (runConformance reports each check right after running it, and
 * runs them one at a time).
 */
export function recordingReference(): { adapter: Adapter; calls: CallsByCheck; onProgress: (done: number, total: number, id: string) => void } {
  const calls: CallsByCheck = new Map();
  let current = new Set<string>();
  const r = reference as unknown as Record<string, unknown>;
  const wrapped: Record<string, unknown> = { ...r };
  for (const [key, value] of Object.entries(r)) {
    if (typeof value !== 'function') continue;
    wrapped[key] = (...args: unknown[]) => {
      current.add(key);
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  const onProgress = (_done: number, _total: number, id: string) => {
    calls.set(id, current);
    current = new Set();
  };
  return { adapter: wrapped as unknown as Adapter, calls, onProgress };
}

/**
 * The members an adapter changes from the reference's (its name aside), or null when it changes a member
 * that is not a method (dtype, supports, numerics …) or is not built on the reference at all: every check's
 * verdict can then differ, and it must run them all.
 */
export function replacedMethods(adapter: Adapter): ReadonlySet<string> | null {
  const a = adapter as unknown as Record<string, unknown>;
  const r = reference as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(r)]);
  keys.delete('name');
  const replaced = new Set<string>();
  for (const k of keys) {
    if (a[k] === r[k]) continue;
    if (typeof a[k] !== 'function' || typeof r[k] !== 'function') return null;
    replaced.add(k);
  }
  return replaced;
}

/**
 * The `only` selection for a broken adapter: the checks that called a method it replaces, matched by exact id.
 * Undefined (the whole run) when the adapter changed more than methods, or when no reference run was recorded.
 */
export function checksThatCanFail(adapter: Adapter, calls: CallsByCheck): { only?: RegExp; ids?: string[] } {
  const replaced = replacedMethods(adapter);
  if (replaced === null || calls.size === 0) return {};
  const ids = [...calls].filter(([, methods]) => [...methods].some((m) => replaced.has(m))).map(([id]) => id);
  return { only: exactly(ids), ids };
}
