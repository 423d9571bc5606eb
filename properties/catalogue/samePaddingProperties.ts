/**
 * 'same' padding has two conventions for an odd total d·(k − 1) (`conv.padding.same`): PyTorch's, extra
 * row/column after (`conv.padding.same.torch`), and the notes', extra before (`conv.padding.same.notes`,
 * 001 §2.1). With zero padding the notes' output is PyTorch's moved down/right by one where the total is odd:
 * notes[i] = torch[i − 1]. Checking that relation pins 'same' to the torch convention.
 */
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { samePadding } from '../../src/shape/samePadding.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { crop } from '../transforms/windowTransforms.js';
import { conv2dFeatures } from './caseFeatures.js';

import { pairOf as sharedPairOf } from '../../src/shape/pair.js';
const pairOf = (p: number | [number, number] | undefined): [number, number] => sharedPairOf(p, 1);

export const samePaddingProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.same-padding-convention',
    operator: 'conv2d',
    family: 'decomposition',
    title: "'same' pads the odd extra row/column at the bottom/right: the notes' top/left convention is it shifted by one",
    clauses: ['conv.padding.same', 'conv.padding.same.torch', 'conv.padding.same.notes'],
    requires: { ops: ['conv2d'], features: ['conv2d.padding.same', 'conv2d.padding.asymmetric'] },
    arbitrary: (scale) => conv2dCaseArb({ padding: 'same', modes: ['zeros'] }, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const [kh, kw] = [c.weight.shape[2]!, c.weight.shape[3]!];
      const [dh, dw] = pairOf(c.options.dilation);
      const [top, bottom] = samePadding(kh, dh, 'notes');
      const [left, right] = samePadding(kw, dw, 'notes');
      const same = conv2dCall(c);
      const notes: OperatorCall = { ...same, options: { ...c.options, padding: { top, bottom, left, right } } };
      const { expected, bound } = await referenceWithBound(same, adapter);
      const ySame = await callOp(adapter, same, expected.shape);
      const yNotes = await callOp(adapter, notes, expected.shape);
      const [, , h, w] = expected.shape as [number, number, number, number];
      const sy = top - bottom; // 1 where the total is odd
      const sx = left - right;
      // notes[i + sy, j + sx] = same[i, j] on the overlap.
      const fromNotes = crop(yNotes, sy, sx, h - sy, w - sx);
      const fromSame = crop(ySame, 0, 0, h - sy, w - sx);
      // Both sides sum the same window's products, so the 'same' call's bound at (r, q) serves both.
      const ch = h - sy;
      const cw = w - sx;
      const boundAt = (i: number) => 2 * bound(Math.floor(i / (ch * cw)) * h * w + Math.floor((i % (ch * cw)) / cw) * w + (i % cw));
      expectClose(fromNotes, fromSame, boundAt, { what: "conv2d('same') vs the notes' convention", call: describeCall(same), clause: 'conv.padding.same.torch' });
    },
  }),
];
