/**
 * Every boundary case a record declares (spec/shapes.md, `shape.boundaries`) is reached by the cases the
 * default run draws: each record's forward and backward cases at the default scale, with the default seed and
 * DEFAULT_RUNS samples, classified by the record's own `boundaries.of`. The classifiers themselves are checked
 * first on hand-made calls whose answers are derived by hand from the clauses (meta tests).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { OPERATORS, operatorRecord } from '../../src/operators/index.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../src/kit/runConformance.js';
import { BOUNDARIES } from '../../src/shape/boundaries.js';
import { zeros } from '../../src/tensor/tensor.js';
import { toTensorData } from '../../src/tensor/tensorData.js';

const t = (shape: number[]) => toTensorData(zeros(shape));
const hits = (call: OperatorCall) => operatorRecord(call.op).boundaries!.of(call);
const pad2d = (shape: number[], pads: { top: number; bottom: number; left: number; right: number }, mode: string): OperatorCall => ({ op: 'pad2d', inputs: { input: t(shape) }, options: { pads, mode, value: 0 } });
const conv2d = (input: number[], weight: number[], options: Record<string, unknown>): OperatorCall => ({ op: 'conv2d', inputs: { input: t(input), weight: t(weight), bias: null }, options });
const maxPool = (input: number[], options: Record<string, unknown>): OperatorCall => ({ op: 'maxPool2d', inputs: { input: t(input) }, options });
const convT = (options: Record<string, unknown>): OperatorCall => ({ op: 'convTranspose2d', inputs: { input: t([1, 1, 3, 3]), weight: t([1, 1, 3, 3]), bias: null }, options });
const none = { top: 0, bottom: 0, left: 0, right: 0 };

describe('the boundary classifiers (meta tests, answers derived by hand from the clauses)', () => {
  it('pad2d: circular pad = size hits, size − 1 does not; reflect pad = size − 1 hits; the kept size is the one that counts', () => {
    expect(hits(pad2d([1, 1, 3, 3], { ...none, top: 3 }, 'circular'))).toEqual([BOUNDARIES.circularPadEqualsSize]);
    expect(hits(pad2d([1, 1, 3, 3], { ...none, top: 2 }, 'circular'))).toEqual([]);
    expect(hits(pad2d([1, 1, 3, 3], { ...none, right: 2 }, 'reflect'))).toEqual([BOUNDARIES.reflectPadIsSizeMinus1]);
    expect(hits(pad2d([1, 1, 3, 3], { ...none, right: 1 }, 'reflect'))).toEqual([]);
    // Width 5 cropped by 2 on the left keeps 3 columns: a right pad of 2 is the kept size − 1 (`pad.negative`).
    expect(hits(pad2d([1, 1, 3, 5], { ...none, left: -2, right: 2 }, 'reflect'))).toEqual([BOUNDARIES.reflectPadIsSizeMinus1]);
    // Constant and replicate have no limit: pad = size is no boundary there.
    expect(hits(pad2d([1, 1, 3, 3], { ...none, top: 3 }, 'constant'))).toEqual([]);
  });

  it('conv2d: the pad limits of its padding mode, only in that mode', () => {
    expect(hits(conv2d([1, 1, 2, 4], [1, 1, 1, 1], { padding: [2, 0], paddingMode: 'circular' }))).toEqual([BOUNDARIES.circularPadEqualsSize]);
    expect(hits(conv2d([1, 1, 2, 4], [1, 1, 1, 1], { padding: [2, 0], paddingMode: 'zeros' }))).toEqual([]);
    expect(hits(conv2d([1, 1, 3, 4], [1, 1, 1, 1], { padding: [2, 0], paddingMode: 'reflect' }))).toEqual([BOUNDARIES.reflectPadIsSizeMinus1]);
    expect(hits(conv2d([1, 1, 4, 4], [1, 1, 1, 1], { padding: [2, 0], paddingMode: 'reflect' }))).toEqual([]);
  });

  it("conv2d: 'same' with an even dilated kernel d·(k − 1) + 1", () => {
    expect(hits(conv2d([1, 1, 5, 5], [1, 1, 3, 2], { padding: 'same' }))).toEqual([BOUNDARIES.sameEvenKernel]); // 1·1 + 1 = 2
    expect(hits(conv2d([1, 1, 5, 5], [1, 1, 3, 4], { padding: 'same' }))).toEqual([BOUNDARIES.sameEvenKernel]); // 4
    expect(hits(conv2d([1, 1, 5, 5], [1, 1, 3, 3], { padding: 'same' }))).toEqual([]); // 3
    expect(hits(conv2d([1, 1, 5, 5], [1, 1, 1, 2], { padding: 'same', dilation: [1, 2] }))).toEqual([]); // 2·1 + 1 = 3
    expect(hits(conv2d([1, 1, 5, 5], [1, 1, 1, 2], { padding: 0 }))).toEqual([]); // even, but not 'same'
  });

  it('conv2d: a dilated kernel exactly as long as the padded axis, and only with d > 1', () => {
    expect(hits(conv2d([1, 1, 5, 7], [1, 1, 3, 1], { dilation: [2, 1] }))).toEqual([BOUNDARIES.dilatedKernelFillsAxis]); // 2·2 + 1 = 5
    expect(hits(conv2d([1, 1, 6, 7], [1, 1, 3, 1], { dilation: [2, 1] }))).toEqual([]);
    expect(hits(conv2d([1, 1, 3, 7], [1, 1, 3, 1], { dilation: [2, 1], padding: [1, 0] }))).toEqual([BOUNDARIES.dilatedKernelFillsAxis]); // 3 + 2 = 5
    expect(hits(conv2d([1, 1, 5, 7], [1, 1, 5, 1], {}))).toEqual([]); // fills, but undilated
  });

  it('pooling: padding ⌊k/2⌋, and the ceil-mode last windows of windowOutputSize’s worked examples', () => {
    expect(hits(maxPool([1, 1, 6, 6], { kernelSize: 3, padding: 1 }))).toEqual([BOUNDARIES.poolPadHalfKernel]);
    expect(hits(maxPool([1, 1, 6, 6], { kernelSize: 4, padding: 1 }))).toEqual([]);
    // n = 5, k = 2, s = 2, ceil: 3 windows, the last starting at 4 < 5 runs one past the end and is kept.
    expect(hits(maxPool([1, 1, 5, 4], { kernelSize: 2, ceilMode: true }))).toEqual([BOUNDARIES.ceilPartialWindow]);
    expect(hits(maxPool([1, 1, 5, 4], { kernelSize: 2, ceilMode: false }))).toEqual([]);
    // n = 3, k = 2, s = 2, padding 1, ceil: the third window would start in the right padding and is dropped.
    expect(hits(maxPool([1, 1, 3, 4], { kernelSize: 2, padding: [1, 0], ceilMode: true }))).toEqual([BOUNDARIES.poolPadHalfKernel, BOUNDARIES.ceilDroppedWindow]);
  });

  it('convTranspose2d: outputPadding = max(stride, dilation) − 1 ≥ 1', () => {
    expect(hits(convT({ stride: 2, outputPadding: 1 }))).toEqual([BOUNDARIES.outputPaddingAtLimit]);
    expect(hits(convT({ stride: 2, outputPadding: 0 }))).toEqual([]);
    expect(hits(convT({ stride: 3, outputPadding: 1 }))).toEqual([]);
    expect(hits(convT({ stride: 1, dilation: [3, 1], outputPadding: [2, 0] }))).toEqual([BOUNDARIES.outputPaddingAtLimit]);
  });
});

describe('the default run reaches every declared boundary (shape.boundaries)', () => {
  const declaring = OPERATORS.filter((r) => r.boundaries !== undefined);

  it('the records with limits or edges declare their boundaries', () => {
    expect(declaring.map((r) => r.id)).toEqual(['conv2d', 'conv-transpose2d', 'pad2d', 'max-pool2d', 'avg-pool2d']);
  });

  const draws = declaring.flatMap((r) => [
    [`${r.id} forward cases`, r, r.cases('default')] as const,
    ...(r.backward ? [[`${r.id} backward cases`, r, r.backward.cases('default')] as const] : []),
  ]);
  it.each(draws)('%s reach each of their boundary ids', (_what, record, cases) => {
    const counts = new Map(record.boundaries!.ids.map((id) => [id, 0]));
    for (const call of fc.sample(cases, { seed: DEFAULT_SEED, numRuns: DEFAULT_RUNS })) {
      for (const id of record.boundaries!.of(call)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const unreached = [...counts].filter(([, n]) => n === 0).map(([id]) => id);
    expect(unreached).toEqual([]);
  });
});
