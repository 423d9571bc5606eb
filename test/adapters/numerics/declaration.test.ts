/**
 * The numerics declaration (spec/adapter-protocol.md, `kit.protocol.numerics`): bad values are load errors naming
 * the field, the value and the rule; a good one reaches the runner unchanged through the worker and stdio channels.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../../src/adapter/contract.js';
import { adapterProblems } from '../../../src/adapter/validateAdapter.js';
import { isolateAdapter } from '../../../src/isolation/isolateAdapter.js';

const PYTHON = '/usr/bin/python3';
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

const base = { name: 'n', dtype: 'float32', corr2d: () => undefined };

describe('the numerics declaration', () => {
  it('accepts the issue\'s shape and rejects each bad field by name, value and rule', () => {
    expect(adapterProblems({ ...base, numerics: { conv2d: { algorithm: 'winograd', winogradTile: 4, storage: 'tf32', accumulate: 'float32' }, corr2d: {} } })).toEqual([]);
    expect(adapterProblems({ ...base, numerics: 'fast' })).toEqual(['numerics must be an object keyed by operator name, got "fast"']);
    expect(adapterProblems({ ...base, numerics: { conv3d: {} } })[0]).toMatch(/^numerics\.conv3d is not an operator \(expected some of corr2d, conv2d/);
    expect(adapterProblems({ ...base, numerics: { conv2d: { storage: 'half' } } })).toEqual(['numerics.conv2d.storage must be one of "float64", "float32", "tf32", "float16", "bfloat16", got "half"']);
    expect(adapterProblems({ ...base, numerics: { conv2d: { accumulate: 16 } } })).toEqual(['numerics.conv2d.accumulate must be one of "float64", "float32", "tf32", "float16", "bfloat16", got 16']);
    expect(adapterProblems({ ...base, numerics: { conv2d: { algorithm: 'gemm' } } })).toEqual(['numerics.conv2d.algorithm must be one of "direct", "winograd", "fft", got "gemm"']);
    expect(adapterProblems({ ...base, numerics: { conv2d: { algorithm: 'winograd', winogradTile: 3 } } })).toEqual(['numerics.conv2d.winogradTile must be one of 2, 4 (m of F(m×m, 3×3)), got 3']);
    expect(adapterProblems({ ...base, numerics: { conv2d: { winogradTile: 2 } } })).toEqual(['numerics.conv2d.winogradTile is 2, but only applies with algorithm "winograd" (got "direct")']);
    expect(adapterProblems({ ...base, numerics: { conv2d: { precision: 'tf32' } } })).toEqual(['numerics.conv2d.precision is not a numerics field (expected one of algorithm, winogradTile, storage, accumulate)']);
    expect(adapterProblems({ ...base, numerics: { conv2d: null } })).toEqual(['numerics.conv2d must be an object { algorithm?, winogradTile?, storage?, accumulate? }, got null']);
  });

  it('reaches the runner through a worker thread unchanged', async () => {
    const adapter = await isolateAdapter(fixture('declaringAdapter.js'));
    opened.push(adapter);
    expect(adapter.numerics).toEqual({ conv2d: { algorithm: 'winograd', winogradTile: 4, storage: 'float32' }, corr2d: { storage: 'float16', accumulate: 'float32' } });
  });

  it('a worker whose declaration is bad is a load error naming the field', async () => {
    await expect(isolateAdapter(fixture('badDeclarationAdapter.js'))).rejects.toThrow(/numerics\.conv2d\.storage must be one of .*got "fp8"/);
  });

  it.skipIf(!existsSync(PYTHON))('reaches the runner through the stdio protocol (Python serve) and is checked at the handshake', async () => {
    const good = JSON.stringify({ corr2d: { storage: 'bfloat16', accumulate: 'float32' } });
    const adapter = await isolateAdapter(`cmd:${PYTHON} ${fixture('declaring_adapter.py')} '${good}'`);
    opened.push(adapter);
    expect(adapter.numerics).toEqual({ corr2d: { storage: 'bfloat16', accumulate: 'float32' } });
    const bad = JSON.stringify({ corr2d: { algorithm: 'fft', winogradTile: 2 } });
    await expect(isolateAdapter(`cmd:${PYTHON} ${fixture('declaring_adapter.py')} '${bad}'`)).rejects.toThrow(/hello handshake failed: the hello answer's numerics\.corr2d\.winogradTile is 2, but only applies with algorithm "winograd"/);
  });
});
