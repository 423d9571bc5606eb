/**
 * The shipped shape corpus (shapes/*.txt, spec/shape-descriptors.md `kit.descriptor.file`): every file parses,
 * every line round-trips through the canonical form, the reference's own geometry agrees with each descriptor's
 * call at full size, and scaled-down members keep the features that select kernels. The values are checked
 * against PyTorch in corpus-vs-pytorch.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conv2dGeometry, conv2dOutputShape } from '../../src/shape/conv2dGeometry.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../../src/shape/convTranspose2dGeometry.js';
import { avgPool2dGeometry, maxPool2dGeometry, pool2dOutputShape } from '../../src/shape/pool2dGeometry.js';
import { descriptorCall, type DescriptorCall } from '../../src/shape/descriptor/descriptorCall.js';
import { parseDescriptor } from '../../src/shape/descriptor/parseDescriptor.js';
import { printDescriptor } from '../../src/shape/descriptor/printDescriptor.js';
import { scaleDescriptor } from '../../src/shape/descriptor/scaleDescriptor.js';
import { loadShapeFile, type ShapeEntry } from '../../src/shape/descriptor/shapeFile.js';
import { packageRoot } from '../../src/spec/specClauses.js';

const shapesDir = join(packageRoot(), 'shapes');
const files = readdirSync(shapesDir).filter((f) => f.endsWith('.txt')).sort();
const corpus: ShapeEntry[] = files.flatMap((f) => loadShapeFile(join(shapesDir, f)));

/** The output shape the reference's geometry (src/shape/*Geometry.ts) computes for a call. */
export function geometryOutputShape(call: DescriptorCall): number[] {
  switch (call.op) {
    case 'conv2d': return conv2dOutputShape(conv2dGeometry(call.inputShape, call.weightShape, call.biasShape, call.options));
    case 'convTranspose2d': return convTranspose2dOutputShape(convTranspose2dGeometry(call.inputShape, call.weightShape, call.biasShape, call.options));
    case 'maxPool2d': return pool2dOutputShape(maxPool2dGeometry(call.inputShape, call.options));
    case 'avgPool2d': return pool2dOutputShape(avgPool2dGeometry(call.inputShape, call.options));
  }
}

describe('the shape corpus (kit.descriptor.file)', () => {
  it('ships the networks of issue 10, each file parsing, every line with a layer comment', () => {
    expect(files).toEqual(['dcgan_unet_decoder.txt', 'efficientnet_b0.txt', 'mobilenet_v2.txt', 'resnet50.txt', 'tails.txt', 'vgg16.txt', 'yolo.txt']);
    for (const f of files) expect(loadShapeFile(join(shapesDir, f)).length, f).toBeGreaterThan(10);
    for (const e of corpus) expect(e.descriptor.comment, `${e.path}:${e.line}`).not.toBeNull();
  });

  it('covers the classes it is for: depthwise with multipliers, 5x5/7x7, SE global pools, convT 4x4 s2, 1x1 s2, channel tails, odd batches', () => {
    const d = corpus.map((e) => e.descriptor);
    const has = (what: string, p: (x: (typeof d)[number]) => boolean) => expect(d.some(p), what).toBe(true);
    for (const m of [1, 2, 3, 4]) has(`depthwise multiplier ${m}`, (x) => x.groups > 1 && x.groups === x.channels && x.outChannels === m * x.groups);
    has('5x5 depthwise', (x) => x.groups === x.channels && x.height.kernel === 5);
    has('7x7', (x) => x.operator === 'conv2d' && x.height.kernel === 7);
    has('SE global average pool', (x) => x.operator === 'avgPool2d' && x.height.kernel === x.height.input && x.height.input > 7);
    has('convT 4x4 s2 p1', (x) => x.operator === 'convTranspose2d' && x.height.kernel === 4 && x.height.stride === 2 && x.height.padding === 1);
    has('convT 3x3 s2 with output padding', (x) => x.operator === 'convTranspose2d' && x.height.kernel === 3 && x.height.stride === 2 && x.height.output % 2 === 0);
    has('1x1 stride 2', (x) => x.operator === 'conv2d' && x.height.kernel === 1 && x.height.stride === 2);
    for (const c of [19, 23]) has(`prime ${c} channels`, (x) => x.channels === c || x.outChannels === c);
    has('4k+1 channels', (x) => x.channels % 4 === 1);
    has('4k-1 channels', (x) => x.channels % 4 === 3);
    has('8k+3 channels', (x) => x.channels % 8 === 3);
    has('16k-1 channels', (x) => x.channels % 16 === 15 || x.outChannels % 16 === 15);
    has('27x37 plane', (x) => x.height.input === 27 && x.width.input === 37);
    has('odd batch >= 3', (x) => x.batch >= 3 && x.batch % 2 === 1);
    has('pool window 8x8', (x) => x.operator === 'maxPool2d' && x.height.kernel === 8);
    has('pool padding floor(k/2) >= 2', (x) => (x.operator === 'maxPool2d' || x.operator === 'avgPool2d') && x.height.padding >= 2 && x.height.padding === x.height.kernel >> 1);
    has('pool ceil mode', (x) => descriptorCall(x).options && 'ceilMode' in descriptorCall(x).options && (descriptorCall(x).options as { ceilMode: boolean }).ceilMode);
  });

  it('every line round-trips: the canonical form parses back to the same record (kit.descriptor.canonical)', () => {
    for (const e of corpus) {
      const canonical = printDescriptor(e.descriptor);
      expect(parseDescriptor(canonical), `${e.path}:${e.line} ${canonical}`).toEqual(e.descriptor);
      expect(printDescriptor(parseDescriptor(canonical))).toBe(canonical);
    }
  });

  it("the reference's geometry accepts every call at full size and computes the descriptor's output shape (kit.descriptor.call)", () => {
    for (const e of corpus) {
      const call = descriptorCall(e.descriptor);
      expect(geometryOutputShape(call), `${e.path}:${e.line}`).toEqual(call.outputShape);
    }
  });

  it('scaled members stay valid, within the caps, and keep per-group channel parity, depthwise, multipliers, kernels and strides', () => {
    const caps = { maxBatch: 3, maxChannels: 24, maxSpatial: 20 };
    for (const e of corpus) {
      const d = e.descriptor;
      const s = scaleDescriptor(d, caps);
      const where = `${e.path}:${e.line}`;
      expect(s.batch, where).toBeLessThanOrEqual(3);
      expect(s.height.input, where).toBeLessThanOrEqual(20);
      expect(s.channels / s.groups, where).toBeLessThanOrEqual(24);
      expect((s.channels / s.groups) % 2, where).toBe((d.channels / d.groups) % 2); // the parity within a group picks the tail
      expect([s.height.stride, s.width.stride, s.height.dilation, s.height.padding], where).toEqual([d.height.stride, d.width.stride, d.height.dilation, d.height.padding]);
      if (d.groups === d.channels && d.groups > 1) expect([s.groups === s.channels, s.outChannels / s.groups], where).toEqual([true, Math.min(d.outChannels / d.groups, 4)]);
      expect(geometryOutputShape(descriptorCall(s)), where).toEqual(descriptorCall(s).outputShape);
    }
  });
});
