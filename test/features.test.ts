/**
 * Declared features everywhere: the features table (src/adapter/features.ts, spec/features.md) agrees with the
 * operator records and the fixture schema; golden fixtures need the features their calls use, so an adapter
 * like ml-convolution that has no stride and says so (`conv2d.stride: false`) gets no golden false alarm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../src/adapter/contract.js';
import { FEATURES } from '../src/adapter/features.js';
import { invokeOperator, type OperatorCall } from '../src/adapter/operatorCall.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import { checkFixture } from '../src/golden/checkFixture.js';
import { fixtureFeatures } from '../src/golden/fixtureFeatures.js';
import { loadFixtures } from '../src/golden/loadFixtures.js';
import { operatorRecord } from '../src/operators/index.js';

const root = join(import.meta.dirname, '..');
const ones = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1) });

function exampleCall(f: (typeof FEATURES)[number]): OperatorCall {
  const { op, options, bias } = f.example;
  const groups = typeof options['groups'] === 'number' ? options['groups'] : 1;
  if (op === 'conv2d') return { op, inputs: { input: ones([1, 2, 5, 5]), weight: ones([2, 2 / groups, 2, 2]), bias: bias ? ones([2]) : null }, options };
  if (op === 'convTranspose2d') return { op, inputs: { input: ones([1, 2, 3, 3]), weight: ones([2, 1, 2, 2]), bias: null }, options };
  if (op === 'corr2d') return { op, inputs: { x: ones([3, 3]), k: ones([2, 2]) }, options };
  return { op, inputs: { input: ones([1, 1, 5, 5]) }, options };
}

describe('the features table', () => {
  for (const f of FEATURES.filter((x) => x.id !== 'errors')) {
    it(`${f.id}: its example call needs it, by the ${f.example.op} record, and is valid`, async () => {
      const call = exampleCall(f);
      expect(operatorRecord(call.op).features(call)).toContain(f.id);
      await expect(invokeOperator(reference, call)).resolves.toBeDefined();
    });
  }

  it("errors: its example is an invalid call the reference rejects", async () => {
    await expect(invokeOperator(reference, exampleCall(FEATURES.find((x) => x.id === 'errors')!))).rejects.toThrow(/§/);
  });

  it("golden/schema.json's features enum is the table's ids", () => {
    const schema = JSON.parse(readFileSync(join(root, 'golden', 'schema.json'), 'utf8')) as { $defs: { features: { items: { enum: string[] } } } };
    expect(schema.$defs.features.items.enum).toEqual(FEATURES.map((f) => f.id));
  });
});

describe('golden fixtures need the features their calls use', () => {
  const fixtures = loadFixtures();

  it('the stride fixtures of the notes need conv2d.stride; the training runs need conv2d.bias when the layer has one', () => {
    const strided = fixtures.filter((f) => f.kind === 'forward' && f.op === 'conv2d' && f.options['stride'] !== undefined && f.options['stride'] !== 1);
    expect(strided.length).toBeGreaterThanOrEqual(4);
    for (const f of strided) expect(fixtureFeatures(f), f.id).toContain('conv2d.stride');
    for (const f of fixtures) if (f.kind === 'training') expect(fixtureFeatures(f).includes('conv2d.bias'), f.id).toBe(f.layer.bias);
  });

  // ml-convolution's conv2d has no stride: it ignores the option and answers the stride-1 result.
  const noStride: Adapter = {
    name: 'ml-convolution-style',
    dtype: 'float64',
    conv2d: (input, weight, bias, opts) => reference.conv2d!(input, weight, bias, { ...opts, stride: 1 }),
  };

  it('an adapter that ignores the stride fails the stride fixtures when it does not say so', async () => {
    const results = await Promise.all(fixtures.map((f) => checkFixture(noStride, f)));
    expect(results.filter((r) => r.status === 'failed').length).toBeGreaterThanOrEqual(4);
  });

  it('declaring conv2d.stride false skips them: no golden false alarm, and the reason says why', async () => {
    const declared = { ...noStride, supports: { features: { 'conv2d.stride': false } } };
    const results = await Promise.all(fixtures.map((f) => checkFixture(declared, f)));
    expect(results.filter((r) => r.status === 'failed' || r.status === 'error').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    const skippedForStride = results.filter((r) => r.status === 'skipped' && r.message === 'adapter ml-convolution-style declares conv2d.stride unsupported');
    expect(skippedForStride.length).toBeGreaterThanOrEqual(4);
    expect(results.some((r) => r.status === 'passed')).toBe(true);
  });
});
