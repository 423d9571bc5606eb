/**
 * `--adapter`: the CLI opens an adapter spec with the kit's loader (src/isolation/loadAdapterSpec.ts) and turns
 * its AdapterSpecError into a UsageError (exit 2), the message unchanged.
 */
import type { Adapter } from '../adapter/contract.js';
import { AdapterSpecError, loadAdapterSpec, type LoadAdapterOptions } from '../isolation/loadAdapterSpec.js';

export type { LoadAdapterOptions } from '../isolation/loadAdapterSpec.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function loadAdapter(spec: string, options: LoadAdapterOptions = {}): Promise<Adapter> {
  try {
    return await loadAdapterSpec(spec, options);
  } catch (e) {
    if (e instanceof AdapterSpecError) throw new UsageError(e.message);
    throw e;
  }
}
