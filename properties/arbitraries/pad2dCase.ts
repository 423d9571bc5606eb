/** Valid pad2d configurations: every mode, negative (cropping) pads included (spec/padding.md). */
import fc from 'fast-check';
import type { Pad2dMode, Pads, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { oneTo, tensorArb, upTo } from './values.js';
import { sometimes } from './scaleMix.js';

export interface Pad2dCase {
  readonly input: TensorData;
  readonly pads: Pads;
  readonly mode: Pad2dMode;
  readonly value: number;
}

export interface Pad2dCaseConstraints {
  readonly modes?: readonly Pad2dMode[];
  readonly negative?: boolean;
}

export function pad2dCaseArb(c: Pad2dCaseConstraints = {}): fc.Arbitrary<Pad2dCase> {
  const side = c.negative === false ? upTo(3) : fc.integer({ min: -2, max: 3 });
  return fc
    .record({
      outer: fc.tuple(oneTo(2), oneTo(2)),
      pads: fc.record({ top: side, bottom: side, left: side, right: side }),
      mode: fc.constantFrom(...(c.modes ?? (['constant', 'reflect', 'replicate', 'circular'] as const))),
      extra: fc.tuple(upTo(2), upTo(2)),
      value: fc.constantFrom(0, 1.5, -2),
      atLimit: sometimes(0.25),
    })
    .chain((p) => {
      const crop = (a: number, b: number) => Math.max(0, -a) + Math.max(0, -b);
      // Kept size after cropping must exceed every positive pad (reflect's limit; enough for circular too).
      // `atLimit` sizes the kept axes so the largest pad sits at its mode's limit: pad = size for circular,
      // size − 1 for reflect (`shape.boundaries`).
      const gap = p.atLimit && p.mode === 'circular' ? 0 : 1;
      const extra: [number, number] = p.atLimit ? [0, 0] : p.extra;
      const keptH = Math.max(Math.max(p.pads.top, p.pads.bottom, 0) + gap, 1) + extra[0];
      const keptW = Math.max(Math.max(p.pads.left, p.pads.right, 0) + gap, 1) + extra[1];
      const shape = [p.outer[0], p.outer[1], keptH + crop(p.pads.top, p.pads.bottom), keptW + crop(p.pads.left, p.pads.right)];
      return tensorArb(shape).map((input): Pad2dCase => ({ input, pads: p.pads, mode: p.mode, value: p.value }));
    });
}

export function pad2dCall(c: Pad2dCase): OperatorCall {
  return { op: 'pad2d', inputs: { input: c.input }, options: { pads: c.pads, mode: c.mode, value: c.value } };
}
