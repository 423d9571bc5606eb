/**
 * The vector-Jacobian product of one operator call, through an adapter's backward operators
 * (src/adapter/contract.ts; spec/gradients.md, `grad.vjp`): the gradients of ⟨op(inputs), gradOutput⟩ with
 * respect to each differentiable input, by input name. Used by gradcheck and the adjoint test, so both work
 * on any adapter.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pad2dMode, Pads, TensorData } from '../adapter/contract.js';
import { UnsupportedOperator, type OperatorCall } from '../adapter/operatorCall.js';

export type DifferentiableOp = 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d';

export const BACKWARD_OPERATOR = {
  conv2d: 'conv2dBackward',
  convTranspose2d: 'convTranspose2dBackward',
  pad2d: 'pad2dBackward',
  maxPool2d: 'maxPool2dBackward',
  avgPool2d: 'avgPool2dBackward',
} as const;

/** The inputs a gradient is taken for: every tensor argument except an absent bias. */
export function differentiableInputs(call: OperatorCall): string[] {
  return Object.entries(call.inputs).filter(([, t]) => t !== null && t !== undefined).map(([name]) => name);
}

function need(call: OperatorCall, name: string): TensorData {
  const t = call.inputs[name];
  if (t === undefined || t === null) throw new TypeError(`backward call: input ${name} is missing`);
  return t;
}

/** Throws UnsupportedOperator when the adapter lacks the backward operator. */
export async function invokeBackward(adapter: Adapter, call: OperatorCall, gradOutput: TensorData): Promise<Record<string, TensorData | undefined>> {
  const missing = () => new UnsupportedOperator(adapter.name, `${call.op}Backward`);
  const o = call.options;
  switch (call.op) {
    case 'conv2d': {
      if (!adapter.conv2dBackward) throw missing();
      const g = await adapter.conv2dBackward(need(call, 'input'), need(call, 'weight'), call.inputs['bias'] ?? null, gradOutput, o as Conv2dOptions);
      return { input: g.input, weight: g.weight, bias: g.bias };
    }
    case 'convTranspose2d': {
      if (!adapter.convTranspose2dBackward) throw missing();
      const g = await adapter.convTranspose2dBackward(need(call, 'input'), need(call, 'weight'), call.inputs['bias'] ?? null, gradOutput, o as ConvTranspose2dOptions);
      return { input: g.input, weight: g.weight, bias: g.bias };
    }
    case 'pad2d': {
      if (!adapter.pad2dBackward) throw missing();
      const { pads, mode } = o as { pads: Pads; mode: Pad2dMode };
      return { input: await adapter.pad2dBackward(need(call, 'input'), gradOutput, pads, mode) };
    }
    case 'maxPool2d':
      if (!adapter.maxPool2dBackward) throw missing();
      return { input: await adapter.maxPool2dBackward(need(call, 'input'), gradOutput, o as unknown as MaxPool2dOptions) };
    case 'avgPool2d':
      if (!adapter.avgPool2dBackward) throw missing();
      return { input: await adapter.avgPool2dBackward(need(call, 'input'), gradOutput, o as unknown as AvgPool2dOptions) };
    case 'corr2d':
      throw missing();
  }
}
