/**
 * Invalid configurations are rejected with an error, not answered (`err.adapter-rejects`): an answer to a
 * call that breaks a rule is a garbage tensor (`err.no-garbage`). Skipped for adapters that declare the
 * 'errors' feature unsupported. The reference must reject every generated case too — checked by the same
 * property, so a generator that produced a valid case would fail it.
 */
import { ConvkitError } from '../../src/errors/convkitError.js';
import { invokeOperator } from '../../src/adapter/operatorCall.js';
import { invalidCallArb, type InvalidCall } from '../arbitraries/invalidCall.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';

/** Rules whose only breach is an empty extent: an empty tensor is an accepted answer (`err.adapter-rejects`). */
const EMPTY_EXTENT_RULES = new Set(['tensor.shape.positive', 'pad.negative']);

function isEmptyTensor(answered: unknown, call: InvalidCall['call']): boolean {
  const t = answered as { shape?: unknown; data?: { length?: unknown } } | null;
  return Array.isArray(t?.shape) && t.shape.length === call.inputs['input']?.shape.length && t.shape.includes(0) && t.data?.length === 0;
}

export const errorProperties = [
  defineProperty<InvalidCall>({
    id: 'errors.invalid-configurations-rejected',
    title: 'every operator rejects a configuration that breaks one rule (stride, dilation, padding, groups, channels, bias, limits, empty output)',
    clauses: ['err.adapter-rejects', 'err.no-garbage', 'err.typed', 'tensor.shape.positive', 'conv.stride', 'conv.dilation', 'conv.padding.forms', 'conv.padding.same', 'conv.groups', 'conv.channels', 'conv.bias', 'pad.reflect.limit', 'pad.circular.limit', 'pad.negative', 'pool.padding.limit', 'pool.stride.default', 'pool.avg.divisor-override', 'convt.output-padding', 'shape.positive'],
    requires: { ops: ['conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d'], features: ['errors'] },
    arbitrary: invalidCallArb,
    predicate: async (adapter, { call, breaks }) => {
      let answered: unknown;
      try {
        answered = await invokeOperator(adapter, call);
      } catch (e) {
        // An adapter built on convkit's own errors must also say which rule (`err.typed`).
        if (e instanceof ConvkitError && e.clause !== breaks) {
          throw new PropertyFailure(`${call.op} error clause`, `§${e.clause} (${e.message})`, `§${breaks}`, describeCall(call), 'err.typed');
        }
        return;
      }
      const shape = (answered as { shape?: unknown } | null)?.shape;
      if (EMPTY_EXTENT_RULES.has(breaks) && isEmptyTensor(answered, call)) return; // `err.adapter-rejects` allowance
      throw new PropertyFailure(`${call.op} result`, `a tensor of shape ${JSON.stringify(shape)}`, `an error (the call breaks §${breaks})`, describeCall(call), breaks);
    },
  }),
];
