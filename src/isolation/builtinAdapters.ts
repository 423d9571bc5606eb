/**
 * The adapters convkit ships, by the name `--adapter` takes: `reference`, TensorFlow.js (`tfjs` on its CPU
 * backend, `tfjs:wasm`), ONNX Runtime (`onnxruntime`, `onnxruntime:float64`) and PyTorch (`pytorch`, over the
 * stdio protocol), and the web backends: `onnxruntime-web:wasm` in Node, and in a headless Chromium page
 * `page:tfjs:wasm`, `page:tfjs:webgl`, `page:tfjs:webgpu`, `page:onnxruntime-web:wasm`, `page:onnxruntime-web:webgpu`.
 * The naming scheme: `<library>[:<backend>]` runs in a worker thread (or, for Python, a child process), and the
 * `page:` prefix — the same as a user's `page:<module>` — runs it in the page. This table is data — module paths and commands — so the kit names adapters without importing
 * them (the adapters layer sits above it). The real libraries are optional peers: `install` says what to add.
 */
import { fileURLToPath } from 'node:url';
import type { PageAsset } from './page/pageAssets.js';
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
  /** A module under src/ run in a Chromium page (its name starts with `page:`), and the files it fetches there. */
  readonly page?: {
    readonly path: string;
    readonly exportName: string;
    readonly assets: readonly PageAsset[];
    /** How long its page may take to load (ms), when longer than the channel's default handshake limit. */
    readonly startTimeoutMs?: number;
    /**
     * The least per-call limit (ms) it runs with: a GPU backend compiles shaders for each new shape (seconds
     * each on SwiftShader, more on a loaded machine), so the default 10 s would time out correct calls.
     */
    readonly minCallTimeoutMs?: number;
  };
}

const TFJS_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
/** onnxruntime-web's bundles embed their Emscripten glue but fetch the binary; both are served in case a build imports the glue. */
const ortWeb = (variant: string): PageAsset[] => ['mjs', 'wasm'].map((ext) => ({ package: 'onnxruntime-web', file: `dist/ort-wasm-simd-threaded${variant}.${ext}` }));
const TFJS_PAGE_INSTALL = (pkg: string) => `npm i @tensorflow/tfjs-core ${pkg}; Chromium (apt-get install -y chromium)`;

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
    description: 'TensorFlow.js, WebAssembly backend, float32 (pooling and padding gradients with @tensorflow/tfjs; no convolution gradients: the backend has no Conv2DBackpropFilter kernel; a call whose windows XNNPACK would run outside its buffers — a kernel longer than the padded input, or a ceil-mode window it does not write — is answered unsupported: src/adapters/tfjs-wasm/refusingOutOfBoundsWindows.ts)',
    install: 'npm i @tensorflow/tfjs-core @tensorflow/tfjs-backend-wasm (and @tensorflow/tfjs for the gradients)',
    module: { path: 'adapters/tfjs/wasm', exportName: 'default' },
  },
  { name: 'onnxruntime', description: 'ONNX Runtime (onnxruntime-node), CPU, float32; no backward operators', install: 'npm i onnxruntime-node', module: { path: 'adapters/onnxruntime/node', exportName: 'default' } },
  { name: 'onnxruntime:float64', description: 'ONNX Runtime, CPU, float64: Pad and MaxPool (its only double kernels)', install: 'npm i onnxruntime-node', module: { path: 'adapters/onnxruntime/float64', exportName: 'default' } },
  {
    name: 'onnxruntime-web:wasm',
    description: 'ONNX Runtime Web (onnxruntime-web), wasm execution provider in Node, float32; no backward operators',
    install: 'npm i onnxruntime-web',
    module: { path: 'adapters/onnxruntime-web-wasm/node', exportName: 'default' },
  },
  {
    name: 'page:tfjs:wasm',
    description: 'TensorFlow.js, WebAssembly backend, in headless Chromium, float32, with pooling and padding gradients (no convolution gradients: the backend has no Conv2DBackpropFilter kernel; the same calls as `tfjs:wasm` answered unsupported)',
    install: TFJS_PAGE_INSTALL('@tensorflow/tfjs-backend-wasm'),
    page: { path: 'adapters/tfjs-wasm/page', exportName: 'default', assets: TFJS_WASM_FILES.map((f) => ({ package: '@tensorflow/tfjs-backend-wasm', file: `dist/${f}` })), startTimeoutMs: 60_000, minCallTimeoutMs: 30_000 },
  },
  {
    name: 'page:tfjs:webgl',
    description: 'TensorFlow.js, WebGL backend (fragment shaders; WebGL 2 on SwiftShader here), in headless Chromium, float32 textures, with gradients',
    install: TFJS_PAGE_INSTALL('@tensorflow/tfjs-backend-webgl'),
    page: { path: 'adapters/tfjs-webgl/page', exportName: 'default', assets: [], startTimeoutMs: 60_000, minCallTimeoutMs: 30_000 },
  },
  {
    name: 'page:tfjs:webgpu',
    description: 'TensorFlow.js, WebGPU backend (WGSL compute shaders), in headless Chromium, f32, with gradients',
    install: TFJS_PAGE_INSTALL('@tensorflow/tfjs-backend-webgpu'),
    page: { path: 'adapters/tfjs-webgpu/page', exportName: 'default', assets: [], startTimeoutMs: 60_000, minCallTimeoutMs: 60_000 },
  },
  {
    name: 'page:onnxruntime-web:wasm',
    description: 'ONNX Runtime Web, wasm execution provider, in headless Chromium, float32; no backward operators',
    install: 'npm i onnxruntime-web; Chromium (apt-get install -y chromium)',
    page: { path: 'adapters/onnxruntime-web-wasm/page', exportName: 'default', assets: ortWeb(''), startTimeoutMs: 60_000, minCallTimeoutMs: 30_000 },
  },
  {
    name: 'page:onnxruntime-web:webgpu',
    description: 'ONNX Runtime Web, webgpu execution provider (WGSL), in headless Chromium, float32; no backward operators',
    install: 'npm i onnxruntime-web; Chromium (apt-get install -y chromium)',
    // 27 MB of WebAssembly to compile, then the WebGPU device and ORT's first shaders (about 12 s on SwiftShader).
    page: { path: 'adapters/onnxruntime-web-webgpu/page', exportName: 'default', assets: ortWeb('.asyncify'), startTimeoutMs: 120_000, minCallTimeoutMs: 60_000 },
  },
  { name: 'pytorch', description: 'PyTorch (torch.nn.functional and autograd), float64, over the stdio protocol', install: 'pip install torch (or apt-get install python3-torch); CONVKIT_PYTHON picks the python', python: 'python/adapters/torch_adapter.py' },
];

export function builtinAdapter(name: string): BuiltinAdapter | undefined {
  return BUILTIN_ADAPTERS.find((a) => a.name === name);
}

// This file is src/isolation/x.ts in the repository and dist/src/isolation/x.js in the package.
const fromSource = moduleExtension(import.meta.url) === '.ts';
const srcRoot = new URL('../', import.meta.url);
const packageRoot = new URL(fromSource ? '../../' : '../../../', import.meta.url);

/** file: URL of a built-in adapter's module (worker or page), beside this one in src/ or dist/src/. */
export function builtinModuleUrl(module: { readonly path: string }): string {
  return new URL(`${module.path}${fromSource ? '.ts' : '.js'}`, srcRoot).href;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The shell command of a built-in Python adapter. */
export function builtinPythonCommand(script: string, python = process.env['CONVKIT_PYTHON'] ?? 'python3'): string {
  return `${python} ${shellQuote(fileURLToPath(new URL(script, packageRoot)))}`;
}
