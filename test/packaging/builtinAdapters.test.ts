/**
 * The shipped adapters as a user reaches them: the built-in `--adapter` names, the subpath exports in
 * package.json, the backend option, and the error that names the package to install when a peer is missing.
 * The library-backed cases skip, saying why, when the library is not installed here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPeer, importPeer, MissingPeerError } from '../../src/adapters/missingPeer.js';
import { tfjsAdapter } from '../../src/adapters/tfjs/index.js';
import { onnxruntimeAdapter } from '../../src/adapters/onnxruntime/index.js';
import { BUILTIN_ADAPTERS, builtinModuleUrl } from '../../src/isolation/builtinAdapters.js';
import { expectMatchesReference, forwardCases } from '../adapters-real/realAdapterCases.js';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const installed = (pkg: string) => existsSync(join(root, 'node_modules', pkg, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;

function convkit(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('packaging of the real-library adapters', () => {
  it('the libraries are optional peers, never (optional) dependencies: `npm i convkit` installs none', () => {
    const libraries = ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', 'onnxruntime-node'];
    expect(pkg['optionalDependencies']).toBeUndefined();
    for (const lib of libraries) {
      expect(pkg['dependencies']![lib], lib).toBeUndefined();
      expect(pkg['peerDependencies']![lib], lib).toBeDefined();
      expect(pkg['peerDependenciesMeta']![lib], lib).toEqual({ optional: true });
      expect(pkg['devDependencies']![lib], `${lib}: the repository's own tests need it`).toBeDefined();
    }
  });

  it('exports convkit/adapters/tfjs and convkit/adapters/onnxruntime, built from the files that exist', () => {
    const exports = pkg['exports'] as Record<string, { types: string; import: string }>;
    for (const sub of ['./adapters/tfjs', './adapters/onnxruntime']) {
      const source = exports[sub]!.import.replace('./dist/', '').replace(/\.js$/, '.ts');
      expect(existsSync(join(root, source)), `${sub} → ${source}`).toBe(true);
      expect(exports[sub]!.types).toBe(exports[sub]!.import.replace(/\.js$/, '.d.ts'));
    }
  });

  it('every built-in adapter names an existing module or script', () => {
    expect(BUILTIN_ADAPTERS.map((a) => a.name)).toEqual(expect.arrayContaining(['reference', 'tfjs', 'tfjs:wasm', 'onnxruntime', 'pytorch']));
    for (const a of BUILTIN_ADAPTERS) {
      if (a.module) expect(existsSync(new URL(builtinModuleUrl(a.module))), a.name).toBe(true);
      if (a.python) expect(existsSync(join(root, a.python)), a.name).toBe(true);
    }
  });

  it('a missing peer is a MissingPeerError naming the package and the install command', async () => {
    const missing = 'convkit-test-no-such-peer';
    const e = await importPeer(missing, 'convkit/adapters/example', () => import(missing)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MissingPeerError);
    expect((e as Error).message).toBe(`convkit/adapters/example needs ${missing}, which is not installed: npm i ${missing}`);
    expect(await hasPeer(missing, () => import(missing))).toBe(false);
    expect(await hasPeer('commander', () => import('commander'))).toBe(true);
  });

  it('a bad backend or dtype option names the option, its value and the allowed ones', async () => {
    await expect(tfjsAdapter({ backend: 'webgpu' as 'cpu' })).rejects.toThrow('tfjsAdapter: options.backend="webgpu" must be one of "cpu", "wasm"');
    await expect(onnxruntimeAdapter({ dtype: 'float16' as 'float32' })).rejects.toThrow('onnxruntimeAdapter: options.dtype="float16" must be "float32" or "float64"');
  });

  it('an unknown --adapter name lists the built-in names (exit 2)', () => {
    const r = convkit(['run', '--adapter', 'tensorflow', '--only', 'conv2d.definition']);
    expect(r.status).toBe(2);
    expect(r.out).toContain('not a built-in adapter (reference, tfjs, tfjs:wasm, onnxruntime, onnxruntime:float64, onnxruntime-web:wasm, page:tfjs:wasm, page:tfjs:webgl, page:tfjs:webgpu, page:onnxruntime-web:wasm, page:onnxruntime-web:webgpu, pytorch)');
  });

  it('`--adapter pytorch` with a python that cannot import torch says what to install (exit 2)', () => {
    const r = convkit(['run', '--adapter', 'pytorch', '--only', 'golden/notes-001'], { CONVKIT_PYTHON: '/usr/bin/python3', PYTHONPATH: join(import.meta.dirname, 'fixtures', 'no-torch') });
    expect(r.status).toBe(2);
    expect(r.out).toContain("convkit's pytorch adapter needs PyTorch");
    expect(r.out).toContain('pip install torch');
  });

  it.skipIf(!installed('@tensorflow/tfjs-backend-wasm'))('tfjs on the wasm backend answers like the reference (`--adapter tfjs:wasm` in-process)', async () => {
    const adapter = await tfjsAdapter({ backend: 'wasm' });
    expect(adapter.name).toMatch(/\(wasm backend/);
    await expectMatchesReference(adapter, forwardCases['conv2d stride 2, padding 1, bias']!);
    await expectMatchesReference(adapter, forwardCases['maxPool2d kernel 3, stride 2, padding 1']!);
  });

  it.skipIf(!installed('@tensorflow/tfjs-backend-wasm'))('`convkit run --adapter tfjs:wasm` runs isolated and checks tfjs-wasm', () => {
    const r = convkit(['run', '--adapter', 'tfjs:wasm', '--only', 'golden/notes-001']);
    expect(r.out).toMatch(/tfjs-core [\d.]+ \(wasm backend/);
    expect(r.out).toMatch(/[1-9]\d* passed/);
  }, 60_000);
});
