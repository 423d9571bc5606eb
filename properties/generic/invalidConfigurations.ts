/**
 * Invalid configurations are rejected with an error, not answered (`err.adapter-rejects`): an answer to a
 * call that breaks a rule is a garbage tensor (`err.no-garbage`). One check per operator, needing only that
 * operator; skipped for adapters that declare the 'errors' feature unsupported. The reference must reject
 * every generated case too — checked by the same property, so a generator that produced a valid case would
 * fail it.
 */
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { isAdapterFailure } from '../../src/errors/adapterFailure.js';
import { isUnsupported } from '../../src/adapter/unsupported.js';
import { ConvkitError } from '../../src/errors/convkitError.js';
import type { InvalidCall, OperatorRecord, PropertyText } from '../../src/operators/index.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';


function isEmptyTensor(answered: unknown, call: OperatorCall): boolean {
  const t = answered as { shape?: unknown; data?: { length?: unknown } } | null;
  return Array.isArray(t?.shape) && t.shape.length === call.inputs['input']?.shape.length && t.shape.includes(0) && t.data?.length === 0;
}

export function invalidConfigurationsProperty(record: OperatorRecord & { invalidCases: () => import('fast-check').Arbitrary<InvalidCall>; invalidConfigurations: PropertyText }): Property {
  return defineProperty<InvalidCall>({
    id: `${record.id}.invalid-configurations-rejected`,
    operator: record.id,
    family: 'errors',
    title: record.invalidConfigurations.title,
    clauses: record.invalidConfigurations.clauses,
    requires: { ops: [record.name], features: ['errors'] },
    arbitrary: () => record.invalidCases(),
    predicate: async (adapter, { call, breaks }) => {
      let answered: unknown;
      try {
        answered = await invokeOperator(adapter, call);
      } catch (e) {
        if (isAdapterFailure(e)) throw e; // no answer at all is not a rejection
        // Nor is "I do not implement this call": the case is skipped (`kit.protocol.unsupported`), never passed.
        if (isUnsupported(e)) throw e;
        // An adapter built on convkit's own errors must also say which rule (`err.typed`).
        if (e instanceof ConvkitError && e.clause !== breaks) {
          throw new PropertyFailure(`${call.op} error clause`, `§${e.clause} (${e.message})`, `§${breaks}`, describeCall(call), 'err.typed');
        }
        return;
      }
      const shape = (answered as { shape?: unknown } | null)?.shape;
      if ((record.emptyAnswerAllowedFor ?? []).includes(breaks) && isEmptyTensor(answered, call)) return; // `err.adapter-rejects` allowance, per record
      throw new PropertyFailure(`${call.op} result`, `a tensor of shape ${JSON.stringify(shape)}`, `an error (the call breaks §${breaks})`, describeCall(call), breaks);
    },
  });
}
