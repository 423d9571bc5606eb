/**
 * The coverage classes (`kit.coverage`) the default run's heat map showed empty, now drawn on purpose
 * (`shape.scale`): convTranspose2d's square 5 × 5 and 7 × 7 kernels, and the adaptive pools' channel classes
 * beyond < 4 and batches of 3 or more. Each record's forward cases at the default scale, sampled with the
 * default seed, must reach every known class of those dimensions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operatorRecord } from '../../src/operators/index.js';
import type { ForwardOp } from '../../src/adapter/operatorCall.js';
import { DEFAULT_SEED } from '../../src/kit/runConformance.js';
import { cellValue, coverageCellOf, type CellDimension } from '../../src/kit/coverage/coverageCell.js';
import { KNOWN_CLASSES } from '../../src/kit/coverage/dimensionCoverage.js';

function classesDrawn(op: ForwardOp, dimension: CellDimension, backward = false): Set<string> {
  const record = operatorRecord(op);
  const cases = backward ? record.backward!.cases('default') : record.cases('default');
  const seen = new Set<string>();
  for (const call of fc.sample(cases, { seed: DEFAULT_SEED, numRuns: 800 })) seen.add(cellValue(coverageCellOf(call)!, dimension));
  return seen;
}

describe('the default scale draws every known class of the dimensions that had gaps', () => {
  it('convTranspose2d: every kernel class, square 5 × 5 and 7 × 7 included', () => {
    expect([...classesDrawn('convTranspose2d', 'kernel')].sort()).toEqual([...KNOWN_CLASSES.kernel!].sort());
  });

  for (const op of ['adaptiveAvgPool2d', 'adaptiveMaxPool2d'] as const) {
    for (const backward of [false, true]) {
      it(`${op}${backward ? ' backward' : ''}: every channel class and every batch class`, () => {
        expect([...classesDrawn(op, 'channels', backward)].sort()).toEqual([...KNOWN_CLASSES.channels!].sort());
        expect([...classesDrawn(op, 'batch', backward)].sort()).toEqual([...KNOWN_CLASSES.batch!].sort());
      });
    }
  }

  it('the small scale stays tiny: the adaptive pools draw < 4 channels and batches of 1 or 2 only', () => {
    const seen = new Set(fc.sample(operatorRecord('adaptiveAvgPool2d').cases('small'), { seed: DEFAULT_SEED, numRuns: 500 }).map((c) => cellValue(coverageCellOf(c)!, 'channels')));
    expect([...seen]).toEqual(['<4']);
  });
});
