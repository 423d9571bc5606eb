/**
 * The terms a scale broken adapter's `minimal` is stated in (scaleBrokenAdapters.ts), measured on one operator
 * call with the shape arithmetic of src/shape, and the calls of a failed check that show the bug: those where
 * the adapter's answer differs from the reference's. Read from the check's typed record (`detail.calls`),
 * never from its message.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pad2dMode, Pads, TensorData } from '../../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { convTranspose2dGeometry } from '../../src/shape/convTranspose2dGeometry.js';
import { pad2dGeometry } from '../../src/shape/pad2dGeometry.js';
import { avgPool2dGeometry, maxPool2dGeometry } from '../../src/shape/pool2dGeometry.js';

export type Configuration = Readonly<Record<string, number>>;

const shapeOf = (t: TensorData | null | undefined) => t?.shape ?? null;
const tensor = (call: OperatorCall, name: string): TensorData => {
  const t = call.inputs[name];
  if (t === null || t === undefined) throw new TypeError(`callConfiguration: ${call.op} call has no ${name}`);
  return t;
};

/** Every term one call of its operator is measured in; a `minimal` names some of them. */
export function callConfiguration(call: OperatorCall): Configuration {
  const input = tensor(call, 'input');
  switch (call.op) {
    case 'conv2d': {
      const g = conv2dGeometry(input.shape, tensor(call, 'weight').shape, shapeOf(call.inputs['bias']), call.options as Conv2dOptions);
      const groupIn = g.inChannels / g.groups;
      return {
        batch: g.batch,
        channels: groupIn,
        outWidth: g.w.out,
        kernel: g.h.kernel,
        groups: g.groups,
        multiplier: g.outChannels / g.groups,
        outChannels: g.outChannels,
        reductionLength: groupIn * g.h.kernel * g.w.kernel,
      };
    }
    case 'convTranspose2d': {
      const g = convTranspose2dGeometry(input.shape, tensor(call, 'weight').shape, shapeOf(call.inputs['bias']), call.options as ConvTranspose2dOptions);
      return { batch: g.batch, kernel: g.h.kernel, stride: g.h.stride, groups: g.groups, channels: g.inChannels / g.groups, groupOut: g.outChannels / g.groups };
    }
    case 'maxPool2d': {
      const g = maxPool2dGeometry(input.shape, call.options as unknown as MaxPool2dOptions);
      return { channels: g.channels, planes: g.batch * g.channels, planeElements: g.h.size * g.w.size, kernelWidth: g.w.kernel };
    }
    case 'avgPool2d': {
      const g = avgPool2dGeometry(input.shape, call.options as unknown as AvgPool2dOptions);
      return { planes: g.batch * g.channels, padding: Math.max(g.h.padBefore, g.h.padAfter, g.w.padBefore, g.w.padAfter) };
    }
    case 'pad2d': {
      const { pads, mode } = call.options as { pads: Pads; mode: Pad2dMode };
      const g = pad2dGeometry(input.shape, pads, mode);
      const equals = mode === 'circular' && ([pads.top, pads.bottom].includes(g.keptH) || [pads.left, pads.right].includes(g.keptW));
      return { padEqualsSize: equals ? 1 : 0 };
    }
    default:
      throw new TypeError(`callConfiguration: no configuration terms for ${call.op}`);
  }
}

/** The configuration restricted to the terms `minimal` names. */
export function project(c: Configuration, minimal: Configuration): Configuration {
  return Object.fromEntries(Object.keys(minimal).map((k) => [k, c[k] ?? Number.NaN]));
}

/** Same shape and every element identical (NaN equals NaN): the broken adapters differ from the reference by whole terms. */
function identical(a: TensorData, b: TensorData): boolean {
  return a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]) && Array.from(a.data).every((v, k) => Object.is(v, b.data[k]) || v === b.data[k]);
}

/** The forward calls of a failed check where the adapter answers other than the reference: the calls that show the bug. */
export async function showingCalls(adapter: Adapter, check: CheckResult): Promise<OperatorCall[]> {
  const calls = (check.detail?.calls ?? []).filter((c) => c.method === c.call.op).map((c) => c.call);
  const showing: OperatorCall[] = [];
  for (const call of calls) {
    const [got, want] = await Promise.all([invokeOperator(adapter, call), invokeOperator(reference, call)]);
    if (!identical(got as TensorData, want as TensorData)) showing.push(call);
  }
  return showing;
}
