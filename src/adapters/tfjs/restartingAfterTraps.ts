/**
 * A WebAssembly trap (`RuntimeError: Aborted()`, `memory access out of bounds`) leaves the wasm backend's memory
 * corrupt, and every later call fails the same way: this wraps every operator so that what it throws is
 * rethrown after `restart` has recovered the backend (one bad call costs one check, not the rest of the run).
 * Used by the wasm backend in Node (index.ts) and in the page (../tfjs-wasm-page).
 */
import type { Adapter } from '../../adapter/contract.js';

export function restartingAfterTraps(adapter: Adapter, restart: (e: unknown) => Promise<void>): Adapter {
  const wrapped: Record<string, unknown> = { ...adapter };
  for (const [key, value] of Object.entries(adapter)) {
    if (typeof value !== 'function' || key === 'close') continue;
    const op = value as (...args: unknown[]) => unknown;
    wrapped[key] = async (...args: unknown[]) => {
      try {
        return await op(...args);
      } catch (e) {
        await restart(e);
        throw e;
      }
    };
  }
  return wrapped as unknown as Adapter;
}
