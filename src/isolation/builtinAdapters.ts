/**
 * The adapters convkit ships, by the name `--adapter` takes: `reference`, TensorFlow.js (`tfjs` on its CPU
 * backend, `tfjs:wasm`), ONNX Runtime (`onnxruntime`, `onnxruntime:float64`) and PyTorch (`pytorch`, over the
 * stdio protocol). This table is data — module paths and commands — so the kit names adapters without importing
 * them (the adapters layer sits above it). The real libraries are optional peers: `install` says what to add.
 */
import { fileURLToPath } from 'node:url';
import { moduleExtension } from './moduleExtension.js';

export interface BuiltinAdapter {
  readonly name: string;
  /** One line for README's table and `convkit adapters`. */
  readonly description: string;
  /** What to install for it; '' when nothing is needed. */
  readonly install: string;
  /** A module under src/ (dist/src/ in the package), without extension, and the export holding the adapter. */
  readonly module?: { readonly path: string; readonly exportName: string };
  /** A Python script under the package root, run by CONVKIT_PYTHON (default `python3`) over the stdio protocol. */
  readonly python?: string;
}

export const BUILTIN_ADAPTERS: readonly BuiltinAdapter[] = [
  { name: 'reference', description: "convkit's float64 reference implementation", install: '', module: { path: 'adapter/referenceAdapter', exportName: 'reference' } },
  {
    name: 'tfjs',
    description: 'TensorFlow.js, CPU backend, float32 (gradients with @tensorflow/tfjs)',
    install: 'npm i @tensorflow/tfjs-core @tensorflow/tfjs-backend-cpu (and @tensorflow/tfjs for the gradients)',
    module: { path: 'adapters/tfjs/cpu', exportName: 'default' },
  },
  {
    name: 'tfjs:wasm',
    description: 'TensorFlow.js, WebAssembly backend, float32 (gradients with @tensorflow/tfjs)',
    install: 'npm i @tensorflow/tfjs-core @tensorflow/tfjs-backend-wasm (and @tensorflow/tfjs for the gradients)',
    module: { path: 'adapters/tfjs/wasm', exportName: 'default' },
  },
  { name: 'onnxruntime', description: 'ONNX Runtime (onnxruntime-node), CPU, float32; no backward operators', install: 'npm i onnxruntime-node', module: { path: 'adapters/onnxruntime/node', exportName: 'default' } },
  { name: 'onnxruntime:float64', description: 'ONNX Runtime, CPU, float64: Pad and MaxPool (its only double kernels)', install: 'npm i onnxruntime-node', module: { path: 'adapters/onnxruntime/float64', exportName: 'default' } },
  { name: 'pytorch', description: 'PyTorch (torch.nn.functional and autograd), float64, over the stdio protocol', install: 'pip install torch (or apt-get install python3-torch); CONVKIT_PYTHON picks the python', python: 'python/adapters/torch_adapter.py' },
];

export function builtinAdapter(name: string): BuiltinAdapter | undefined {
  return BUILTIN_ADAPTERS.find((a) => a.name === name);
}

// This file is src/isolation/x.ts in the repository and dist/src/isolation/x.js in the package.
const fromSource = moduleExtension(import.meta.url) === '.ts';
const srcRoot = new URL('../', import.meta.url);
const packageRoot = new URL(fromSource ? '../../' : '../../../', import.meta.url);

/** file: URL of a built-in adapter's module, beside this one in src/ or dist/src/. */
export function builtinModuleUrl(module: NonNullable<BuiltinAdapter['module']>): string {
  return new URL(`${module.path}${fromSource ? '.ts' : '.js'}`, srcRoot).href;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The shell command of a built-in Python adapter. */
export function builtinPythonCommand(script: string, python = process.env['CONVKIT_PYTHON'] ?? 'python3'): string {
  return `${python} ${shellQuote(fileURLToPath(new URL(script, packageRoot)))}`;
}
