/**
 * One operator call as data — the operator's name, its named tensor inputs and its options — and the function
 * that hands it to an adapter. Fixtures, properties and the runner describe calls this way, so a failing call
 * can be printed, stored and replayed.
 *
 * Input names: corr2d (x, k); conv2d and convTranspose2d (input, weight, bias); pad2d (input) with options
 * {pads, mode, value}; maxPool2d and avgPool2d (input) with their options.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pad2dMode, Pads, TensorData } from './contract.js';

export type ForwardOp = 'corr2d' | 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d';

export interface OperatorCall {
  readonly op: ForwardOp;
  readonly inputs: Readonly<Record<string, TensorData | null>>;
  readonly options: Readonly<Record<string, unknown>>;
}

export class UnsupportedOperator extends Error {
  constructor(readonly adapterName: string, readonly op: string) {
    super(`adapter ${adapterName} does not implement ${op}`);
    this.name = 'UnsupportedOperator';
  }
}

function need(inputs: OperatorCall['inputs'], name: string): TensorData {
  const t = inputs[name];
  if (t === undefined || t === null) throw new TypeError(`operator call: input ${name} is missing`);
  return t;
}

/** Calls the adapter's operator; throws UnsupportedOperator when the adapter lacks it. */
export async function invokeOperator(adapter: Adapter, call: OperatorCall): Promise<unknown> {
  const { inputs, options } = call;
  const missing = () => new UnsupportedOperator(adapter.name, call.op);
  switch (call.op) {
    case 'corr2d':
      if (!adapter.corr2d) throw missing();
      return adapter.corr2d(need(inputs, 'x'), need(inputs, 'k'));
    case 'conv2d':
      if (!adapter.conv2d) throw missing();
      return adapter.conv2d(need(inputs, 'input'), need(inputs, 'weight'), inputs['bias'] ?? null, options as Conv2dOptions);
    case 'convTranspose2d':
      if (!adapter.convTranspose2d) throw missing();
      return adapter.convTranspose2d(need(inputs, 'input'), need(inputs, 'weight'), inputs['bias'] ?? null, options as ConvTranspose2dOptions);
    case 'pad2d': {
      if (!adapter.pad2d) throw missing();
      const { pads, mode, value } = options as { pads: Pads; mode: Pad2dMode; value?: number };
      return value === undefined ? adapter.pad2d(need(inputs, 'input'), pads, mode) : adapter.pad2d(need(inputs, 'input'), pads, mode, value);
    }
    case 'maxPool2d':
      if (!adapter.maxPool2d) throw missing();
      return adapter.maxPool2d(need(inputs, 'input'), options as unknown as MaxPool2dOptions);
    case 'avgPool2d':
      if (!adapter.avgPool2d) throw missing();
      return adapter.avgPool2d(need(inputs, 'input'), options as unknown as AvgPool2dOptions);
  }
}
