/**
 * The libraries under comparison, loaded if installed (they are optional dependencies): each as its convkit
 * adapter and as its "raw" contender. A library that fails to load is reported with the reason, not timed.
 */
import type { Adapter } from '../src/adapter/contract.js';
import type { CaseTensors } from './caseTensors.js';
import type { BenchCase } from './shapes.js';
import type { Timed } from './timing.js';

export interface RawContender {
  readonly run: Timed;
  readonly release: () => void | Promise<void>;
}

export interface Library {
  /** Short key used in results: 'tfjs' or 'ort'. */
  readonly key: string;
  readonly adapter: Adapter;
  readonly raw: (c: BenchCase, t: CaseTensors) => RawContender | Promise<RawContender>;
}

export type Loaded = { readonly library: Library } | { readonly key: string; readonly missing: string };

async function load(key: string, adapterPath: string, rawPath: string, rawExport: string): Promise<Loaded> {
  try {
    const adapter = ((await import(adapterPath)) as { default: Adapter }).default;
    const raw = ((await import(rawPath)) as Record<string, Library['raw']>)[rawExport]!;
    return { library: { key, adapter, raw } };
  } catch (e) {
    return { key, missing: (e as Error).message.split('\n')[0]! };
  }
}

export function loadLibraries(): Promise<Loaded[]> {
  return Promise.all([
    load('tfjs', '../src/adapters/tfjs/cpu.js', './rawTfjs.js', 'rawTfjs'),
    load('ort', '../src/adapters/onnxruntime/node.js', './rawOrt.js', 'rawOrt'),
  ]);
}
