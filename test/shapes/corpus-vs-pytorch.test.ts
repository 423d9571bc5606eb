/**
 * The reference (float64) against PyTorch on a sample of the shape corpus, scaled down to stay fast (batch ≤ 3,
 * channels ≤ 24 a group with their parity kept, planes ≤ 20): shipped descriptors, descriptorCall's options and
 * output shape, and the reference's values all meet an independent implementation. Values are quarter-integers
 * of both signs, so sums cancel and stay exact. Skipped, saying why, when python3-torch is missing.
 * Both sides get the same options, so this checks descriptorCall's output shapes, not its option mapping: the
 * goldens in descriptor.test.ts pin that (ceil mode, countIncludePad, output padding, explicit sides).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { descriptorCall, type DescriptorCall } from '../../src/shape/descriptor/descriptorCall.js';
import { printDescriptor } from '../../src/shape/descriptor/printDescriptor.js';
import { scaleDescriptor } from '../../src/shape/descriptor/scaleDescriptor.js';
import { loadShapeFile } from '../../src/shape/descriptor/shapeFile.js';
import { packageRoot } from '../../src/spec/specClauses.js';
import { runTorch, torchAvailable, type OracleCall } from '../pytorch/torchOracle.js';

const hasTorch = torchAvailable();
if (!hasTorch) console.warn('corpus-vs-pytorch: /usr/bin/python3 cannot import torch; install Debian python3-torch to run it');

const shapesDir = join(packageRoot(), 'shapes');
const SAMPLE_EVERY = 2;

/** Every distinct scaled member of tails.txt (the boundary cases) and every second one of each network file. */
function sampledCalls(): { label: string; call: DescriptorCall }[] {
  const seen = new Set<string>();
  const all: { label: string; call: DescriptorCall }[] = [];
  for (const f of readdirSync(shapesDir).filter((n) => n.endsWith('.txt')).sort()) {
    for (const e of loadShapeFile(join(shapesDir, f))) {
      const scaled = scaleDescriptor(e.descriptor, { maxBatch: 3, maxChannels: 24, maxSpatial: 20 });
      const key = printDescriptor({ ...scaled, name: null, comment: null });
      if (seen.has(key)) continue;
      seen.add(key);
      all.push({ label: `${f}:${e.line} ${key}`, call: descriptorCall(scaled) });
    }
  }
  return all.filter(({ label }, i) => label.startsWith('tails.txt') || i % SAMPLE_EVERY === 0);
}

const mixedSigns = (shape: number[], seed: number): TensorData => {
  const random = mulberry32(seed);
  return { shape, data: Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (Math.floor(random() * 17) - 8) / 4) };
};

function inputsOf(call: DescriptorCall, seed: number): Record<string, TensorData> {
  const input = mixedSigns(call.inputShape, seed);
  if (call.op === 'conv2d' || call.op === 'convTranspose2d') return { input, weight: mixedSigns(call.weightShape, seed + 1), bias: mixedSigns(call.biasShape, seed + 2) };
  return { input };
}

async function referenceOutput(call: DescriptorCall, i: Record<string, TensorData>): Promise<TensorData> {
  switch (call.op) {
    case 'conv2d': return reference.conv2d!(i['input']!, i['weight']!, i['bias']!, call.options);
    case 'convTranspose2d': return reference.convTranspose2d!(i['input']!, i['weight']!, i['bias']!, call.options);
    case 'maxPool2d': return reference.maxPool2d!(i['input']!, call.options);
    case 'avgPool2d': return reference.avgPool2d!(i['input']!, call.options);
  }
}

describe.skipIf(!hasTorch)('the reference agrees with PyTorch 1.13 on the sampled corpus (kit.descriptor.call, conv.definition, convt.definition, pool.max.definition, pool.avg.definition)', () => {
  it('every sampled descriptor: same output shape as the descriptor says, same values', async () => {
    const sample = sampledCalls();
    expect(sample.length).toBeGreaterThan(50);
    const inputs = sample.map(({ call }, k) => inputsOf(call, 1000 + 7 * k));
    const answers = runTorch(sample.map(({ call }, k): OracleCall => ({ op: call.op, inputs: inputs[k]!, options: call.options as Record<string, unknown> })));
    const mismatches: string[] = [];
    for (const [k, { label, call }] of sample.entries()) {
      const torch = answers[k]!;
      if ('error' in torch) { mismatches.push(`${label}: torch ${torch.error}`); continue; }
      if (JSON.stringify(torch.shape) !== JSON.stringify(call.outputShape)) { mismatches.push(`${label}: torch shape ${JSON.stringify(torch.shape)}, descriptor ${JSON.stringify(call.outputShape)}`); continue; }
      const ours = await referenceOutput(call, inputs[k]!);
      const bad = Array.from(ours.data).findIndex((v, e) => !(Math.abs(v - torch.data[e]!) <= 1e-12 * (1 + Math.abs(v))));
      if (bad >= 0) mismatches.push(`${label}: element ${bad} = ${ours.data[bad]}, torch ${torch.data[bad]}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
