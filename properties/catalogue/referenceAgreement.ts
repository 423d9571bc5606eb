/**
 * Every forward operator agrees with the float64 reference within the tolerance model (`num.tolerance`), and
 * exactly where no arithmetic happens (`num.exact`). The reference itself is held to independent oracles
 * (oracleProperties.ts, the golden fixtures, and the PyTorch cross-check in the test suite).
 */
import type fc from 'fast-check';
import type { Feature, OperatorName } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb } from '../arbitraries/conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from '../arbitraries/convTranspose2dCase.js';
import { pad2dCall, pad2dCaseArb } from '../arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb } from '../arbitraries/poolCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { conv2dFeatures, convTranspose2dFeatures, pad2dFeatures, poolFeatures } from './caseFeatures.js';

function agreement<T>(id: string, op: OperatorName, clauses: string[], arbitrary: fc.Arbitrary<T>, toCall: (c: T) => OperatorCall, caseFeatures?: (c: T) => Feature[]): Property {
  return defineProperty<T>({
    id,
    title: `${op} equals the float64 reference within the tolerance model`,
    clauses,
    requires: { ops: [op] },
    arbitrary,
    ...(caseFeatures ? { caseFeatures } : {}),
    predicate: async (adapter, c) => {
      const call = toCall(c);
      const { expected, bound } = await referenceWithBound(call, adapter.dtype);
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, expected, bound, { what: op, call: describeCall(call), clause: clauses[0]! });
    },
  });
}

/** Every agreement check also validates the result's form and reads values row-major against float64. */
const COMMON = ['num.reference-float64', 'num.float32-inputs', 'tensor.layout.row-major', 'tensor.data.length', 'tensor.data.type', 'err.adapter-result'];

export const referenceAgreement: Property[] = [
  agreement('conv2d.definition', 'conv2d', ['conv.definition', 'conv.stride', 'conv.dilation', 'conv.groups', 'conv.bias', 'conv.padding.forms', 'conv.padding.mode', 'num.tolerance', 'num.tolerance.terms', ...COMMON], conv2dCaseArb(), conv2dCall, conv2dFeatures),
  agreement('conv-transpose2d.definition', 'convTranspose2d', ['convt.definition', 'convt.padding', 'convt.output-padding', 'convt.groups', 'num.tolerance', 'num.tolerance.terms', 'tensor.layout.transposed-weight', ...COMMON], convTranspose2dCaseArb(), convTranspose2dCall, convTranspose2dFeatures),
  agreement('pad2d.definition', 'pad2d', ['pad.mode', 'pad.constant', 'pad.reflect', 'pad.replicate', 'pad.circular', 'pad.negative', 'num.exact', ...COMMON], pad2dCaseArb(), pad2dCall, pad2dFeatures),
  agreement('max-pool2d.definition', 'maxPool2d', ['pool.max.definition', 'pool.max.padding', 'pool.max.dilation', 'pool.max.empty-window', 'pool.ceil-mode', 'num.exact', ...COMMON], maxPool2dCaseArb(), maxPool2dCall, (c) => poolFeatures('maxPool2d', c.options)),
  agreement('avg-pool2d.definition', 'avgPool2d', ['pool.avg.definition', 'pool.avg.count-include-pad', 'pool.avg.ceil-divisor', 'pool.avg.divisor-override', 'num.tolerance', 'num.tolerance.terms', ...COMMON], avgPool2dCaseArb(), avgPool2dCall, (c) => poolFeatures('avgPool2d', c.options)),
];
