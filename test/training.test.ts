/**
 * The notes' training runs (golden/training/, kind "training") replayed with the reference autograd and SGD:
 * every printed loss and the printed final parameters come out digit for digit, formatted to the printed
 * precision (no tolerance). Also through the reference adapter's conv2d + conv2dBackward (checkFixture), and
 * meta-tests showing the check fails when the run is changed slightly.
 */
import { describe, expect, it } from 'vitest';
import { reference } from '../src/adapter/referenceAdapter.js';
import { loadFixtures } from '../src/golden/loadFixtures.js';
import { checkFixture } from '../src/golden/checkFixture.js';
import { trainingMismatches } from '../src/golden/checkTrainingFixture.js';
import type { TrainingFixture } from '../src/golden/fixture.js';
import { formatLike } from '../src/golden/printedNumber.js';
import { replayTraining } from '../src/golden/trainingRun.js';

const runs = loadFixtures().filter((f): f is TrainingFixture => f.kind === 'training');

describe('the notes\' training runs (grad.conv2d.weight, grad.conv2d.bias, grad.vjp)', () => {
  it('there is one fixture per printed run: notes 000, 002 and 004', () => {
    expect(runs.map((f) => f.id).sort()).toEqual(['notes-000-train-edge-kernel', 'notes-002-train-edge-kernel', 'notes-004-train-edge-kernel-weight-decay']);
  });

  for (const f of runs) {
    it(`${f.id}: the reference autograd reproduces all ${f.printedLosses.length} printed losses and the final parameters`, () => {
      expect(trainingMismatches(f, replayTraining(f))).toEqual([]);
    });

    it(`${f.id}: so does the reference adapter's conv2d + conv2dBackward (checkFixture)`, async () => {
      const result = await checkFixture(reference, f);
      expect(result.message ?? '').toBe('');
      expect(result.status).toBe('passed');
    });

    it(`${f.id}: a change of 1e-4 in the initial kernel, or a different learning rate, is caught`, () => {
      const w = f.initial.weight.data as number[];
      const nudged: TrainingFixture = { ...f, initial: { ...f.initial, weight: { ...f.initial.weight, data: [w[0]! + 1e-4, ...w.slice(1)] } } };
      expect(trainingMismatches(nudged, replayTraining(nudged)).length).toBeGreaterThan(0);
      const slower: TrainingFixture = { ...f, optimizer: { ...f.optimizer, lr: f.optimizer.lr * 0.99 } };
      expect(trainingMismatches(slower, replayTraining(slower)).length).toBeGreaterThan(0);
    });
  }

  it('004: exact arithmetic ends with bias -5.5615e-06, not the printed -5.5702e-06 (errata.004-bias-float32)', () => {
    const run = runs.find((f) => f.id === 'notes-004-train-edge-kernel-weight-decay')!;
    expect(run.notReproduced?.map((n) => n.what)).toEqual(['final bias[0]']);
    expect(formatLike(replayTraining(run).bias!.data[0]!, '-5.5702e-06')).toBe('-5.5615e-06');
  });

  it('an adapter without conv2dBackward is skipped for training fixtures, never passed', async () => {
    const { conv2dBackward: _omitted, ...forwardOnly } = reference;
    for (const f of runs) expect((await checkFixture({ ...forwardOnly, name: 'forward-only' }, f)).status).toBe('skipped');
  });
});

describe('formatLike: a value written with the printed precision, as Python and torch print it', () => {
  it.each([
    [29.1159757, '29.116', '29.116'],
    [0.8899077, '0.890', '0.890'],
    [-1.01725, '-1.0173', '-1.0172'], // the binary value of -1.01725 lies just above the tie: -1.01724999…
    [0.0625, '0.000', '0.062'], // an exact tie: half to even, as Python's '{:.3f}'
    [0.1875, '0.000', '0.188'],
    [-5.5702e-6, '-5.5702e-06', '-5.5702e-06'],
    [1.23456e-12, '0.0000e+00', '1.2346e-12'],
  ])('formatLike(%s, like %s) = %s', (value, like, expected) => {
    expect(formatLike(value, like)).toBe(expected);
  });
});
