/**
 * The coverage of a run (`kit.coverage`): calls classified into cells through the operator records (meta
 * tests on hand-made calls, classes derived by hand from spec/shapes.md), counted per property, merged per
 * operator and across shards, and a warning for each boundary a property declares but never reached.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { coverageCellOf } from '../../src/kit/coverage/coverageCell.js';
import { CoverageTally, mergeOperatorCoverage } from '../../src/kit/coverage/coverageTally.js';
import { unreachedBoundaries } from '../../src/kit/coverage/runCoverage.js';
import { mergeReports } from '../../src/kit/mergeReports.js';
import { runConformance } from '../../src/kit/runConformance.js';
import { BOUNDARIES } from '../../src/shape/boundaries.js';
import { zeros } from '../../src/tensor/tensor.js';
import { toTensorData } from '../../src/tensor/tensorData.js';
import { catalogue } from '../../properties/catalogue.js';
import { defineProperty } from '../../properties/property.js';
import { conv2dCall, conv2dCaseArb } from '../../properties/arbitraries/conv2dCase.js';

const t = (shape: number[]) => toTensorData(zeros(shape));
const conv2d = (input: number[], weight: number[], options: Record<string, unknown> = {}): OperatorCall => ({ op: 'conv2d', inputs: { input: t(input), weight: t(weight), bias: null }, options });
const cell = (call: OperatorCall) => coverageCellOf(call);

describe('cells of hand-made calls (classes derived by hand from kit.coverage)', () => {
  it('conv2d: kernel, stride, dilation, padding form/mode, channel tail, batch', () => {
    expect(cell(conv2d([3, 16, 5, 5], [8, 16, 3, 3], { stride: 2, padding: 1 }))).toEqual({ kernel: '3', stride: '2', dilation: '1', padding: 'symmetric/zeros', channels: 'mult16', batch: 'odd>=3', boundaries: [] });
    expect(cell(conv2d([4, 24, 9, 9], [1, 24, 7, 7], { stride: [1, 3], dilation: [1, 1] }))).toMatchObject({ kernel: '7', stride: '>2', dilation: '1', padding: 'valid', channels: 'mult8', batch: 'even>=4' });
    expect(cell(conv2d([2, 12, 9, 9], [1, 12, 1, 3], { dilation: [2, 1] }))).toMatchObject({ kernel: 'other', dilation: '>1', channels: 'mult4', batch: '2' });
    expect(cell(conv2d([1, 19, 9, 9], [1, 19, 2, 3]))).toMatchObject({ kernel: 'even', channels: 'tail', batch: '1' });
    // 6 and 9 are multiples of 3 and not of 4 (vec3 packs); 12 and 24 are multiples of 3 but take the wider vector.
    expect(cell(conv2d([1, 6, 3, 3], [4, 6, 1, 2]))).toMatchObject({ channels: 'mult3' });
    expect(cell(conv2d([1, 9, 3, 3], [4, 9, 1, 2]))).toMatchObject({ channels: 'mult3' });
    expect(cell(conv2d([1, 12, 3, 3], [4, 12, 1, 2]))).toMatchObject({ channels: 'mult4' });
    expect(cell(conv2d([1, 24, 3, 3], [4, 24, 1, 2]))).toMatchObject({ channels: 'mult8' });
    expect(cell(conv2d([1, 3, 5, 5], [1, 3, 2, 2], { padding: 'same', paddingMode: 'circular' }))).toMatchObject({ kernel: 'even', channels: '<4', padding: 'same/circular', boundaries: [BOUNDARIES.sameEvenKernel] });
    expect(cell(conv2d([1, 1, 5, 5], [1, 1, 3, 3], { padding: { top: 1, bottom: 0, left: 1, right: 1 }, paddingMode: 'reflect' }))).toMatchObject({ padding: 'asymmetric/reflect' });
  });

  it('operators without a fixed window, pools with ceil mode, and calls the shape module rejects', () => {
    expect(cell({ op: 'pad2d', inputs: { input: t([2, 5, 3, 3]) }, options: { pads: { top: 3, bottom: 0, left: 0, right: 0 }, mode: 'circular', value: 0 } })).toEqual({ kernel: 'none', stride: 'none', dilation: 'none', padding: 'circular', channels: 'tail', batch: '2', boundaries: [BOUNDARIES.circularPadEqualsSize] });
    expect(cell({ op: 'pad2d', inputs: { input: t([1, 1, 3, 5]) }, options: { pads: { top: 0, bottom: 0, left: -2, right: 1 }, mode: 'reflect', value: 0 } })).toMatchObject({ padding: 'reflect+crop' });
    // n = 7, k = 3, s = 2, p = 1: span 7 + 2 − 2 − 1 = 6 is a multiple of s, so ceil adds no window; p = ⌊3/2⌋.
    expect(cell({ op: 'maxPool2d', inputs: { input: t([1, 4, 7, 7]) }, options: { kernelSize: 3, stride: 2, padding: 1, ceilMode: true } })).toMatchObject({ kernel: '3', stride: '2', padding: 'symmetric+ceil', channels: 'mult4', boundaries: [BOUNDARIES.poolPadHalfKernel] });
    // n = 6: span 5, ⌈5/2⌉ + 1 = 4 windows against ⌊5/2⌋ + 1 = 3; the last starts at 6 < n + p = 7 and is kept.
    expect(cell({ op: 'maxPool2d', inputs: { input: t([1, 4, 6, 7]) }, options: { kernelSize: 3, stride: 2, padding: 1, ceilMode: true } })).toMatchObject({ boundaries: [BOUNDARIES.poolPadHalfKernel, BOUNDARIES.ceilPartialWindow] });
    expect(cell({ op: 'adaptiveAvgPool2d', inputs: { input: t([1, 2, 5, 5]) }, options: { outputSize: 2 } })).toMatchObject({ kernel: 'none', padding: 'adaptive+uneven' });
    // A reflect pad beyond its limit is invalid (`pad.reflect.limit`): no cell.
    expect(cell(conv2d([1, 1, 2, 2], [1, 1, 1, 1], { padding: 2, paddingMode: 'reflect' }))).toBeNull();
  });
});

describe('tallies and merges', () => {
  it('counts calls per cell and per declared boundary, zero for the boundaries never hit', () => {
    const tally = new CoverageTally();
    tally.observe(conv2d([1, 1, 5, 5], [1, 1, 3, 3]));
    tally.observe(conv2d([1, 1, 5, 5], [1, 1, 3, 3]));
    tally.observe(conv2d([1, 1, 5, 5], [1, 1, 3, 2], { padding: 'same' }));
    const [op] = tally.coverage();
    expect(op).toMatchObject({ operator: 'conv2d', calls: 3 });
    expect(op!.cells.map((c) => [c.cell.kernel, c.calls])).toEqual([['3', 2], ['even', 1]]);
    expect(op!.boundaries).toEqual([
      { id: BOUNDARIES.circularPadEqualsSize, calls: 0 },
      { id: BOUNDARIES.reflectPadIsSizeMinus1, calls: 0 },
      { id: BOUNDARIES.sameEvenKernel, calls: 1 },
      { id: BOUNDARIES.dilatedKernelFillsAxis, calls: 0 },
    ]);
    const twice = mergeOperatorCoverage([op!, op!]);
    expect(twice).toHaveLength(1);
    expect(twice[0]!.calls).toBe(6);
    expect(twice[0]!.cells.map((c) => c.calls)).toEqual([4, 2]);
    expect(unreachedBoundaries('p', { conv2d: [BOUNDARIES.sameEvenKernel, BOUNDARIES.circularPadEqualsSize] }, [op!])).toEqual([{ property: 'p', operator: 'conv2d', boundary: BOUNDARIES.circularPadEqualsSize }]);
  });
});

/** A conv2d property that declares every conv2d boundary but draws zeros-padded, undilated cases only. */
const narrow = (fails: boolean) =>
  defineProperty<OperatorCall>({
    id: 'test.narrow-conv2d',
    operator: 'conv2d',
    family: 'definition',
    title: 'draws a corner of conv2d only',
    clauses: ['conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({ modes: ['zeros'], dilation: false, paddingForms: false }, scale).map(conv2dCall),
    boundaries: [BOUNDARIES.circularPadEqualsSize, BOUNDARIES.dilatedKernelFillsAxis],
    predicate: async (adapter, call) => {
      await adapter.conv2d!(call.inputs['input']!, call.inputs['weight']!, null, call.options);
      if (fails) throw new Error('always fails');
    },
  });

describe('the run reports its coverage and the boundaries a property missed', () => {
  it('a property that passed without reaching a boundary it declares gets a typed warning for each', async () => {
    const report = await runConformance(reference, { fixtures: [], properties: [narrow(false)], runs: 20 });
    expect(report.coverage!.warnings).toEqual([
      { property: 'test.narrow-conv2d', operator: 'conv2d', boundary: BOUNDARIES.circularPadEqualsSize },
      { property: 'test.narrow-conv2d', operator: 'conv2d', boundary: BOUNDARIES.dilatedKernelFillsAxis },
    ]);
    expect(report.coverage!.operators.map((o) => [o.operator, o.calls])).toEqual([['conv2d', 20]]);
  });

  it('no warning for a failed property (it stopped early) or where declared-unsupported features filtered the cases', async () => {
    const failed = await runConformance(reference, { fixtures: [], properties: [narrow(true)], runs: 20 });
    expect(failed.checks[0]!.status).toBe('error');
    expect(failed.coverage!.warnings).toEqual([]);
    expect(failed.coverage!.operators[0]!.calls).toBe(1); // the first case only: shrink candidates are not drawn cases
    const declared: Adapter = { ...reference, name: 'no-dilation', supports: { features: { 'conv2d.dilation': false } } };
    const filtered = await runConformance(declared, { fixtures: [], properties: [narrow(false)], runs: 20 });
    expect(filtered.coverage!.warnings).toEqual([]);
  });

  it('shards sum their coverage when merged', async () => {
    const a = await runConformance(reference, { fixtures: [], properties: [narrow(false)], runs: 5 });
    const b = await runConformance(reference, { fixtures: [], properties: [{ ...narrow(false), id: 'test.other' }], runs: 7 });
    const merged = mergeReports([a, { ...b, runs: a.runs }]);
    expect(merged.coverage!.operators[0]!.calls).toBe(12);
    expect(merged.coverage!.warnings.map((w) => w.property)).toEqual(['test.narrow-conv2d', 'test.narrow-conv2d', 'test.other', 'test.other']);
  });

  it('the default run of the reference leaves no warning: every property that declares boundaries reaches them', async () => {
    const declaring = catalogue.filter((p) => p.boundaries !== undefined);
    expect(declaring.length).toBeGreaterThanOrEqual(18);
    const report = await runConformance(reference, { fixtures: [], properties: declaring });
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(report.coverage!.warnings).toEqual([]);
  }, 120_000);

  it('every drawn conv2d case has a cell: the classifier accepts what the arbitraries draw', () => {
    for (const c of fc.sample(conv2dCaseArb(), { seed: 1, numRuns: 200 })) expect(coverageCellOf(conv2dCall(c))).not.toBeNull();
  });
});
