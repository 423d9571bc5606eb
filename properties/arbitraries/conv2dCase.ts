/**
 * Valid conv2d configurations with their tensors, bounded so each case is cheap (≤ 2 batches, ≤ 4 channels,
 * ≤ 9×9 inputs, ≤ 3×3 kernels). Sizes are chosen after the options so every case is valid by construction —
 * no filtering — and every padding form and mode is drawn (`conv.padding.forms`, `conv.padding.mode`).
 */
import fc from 'fast-check';
import type { Conv2dOptions, PaddingMode, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { resolveConvPadding } from '../../src/shape/conv2dGeometry.js';
import { oneTo, tensorArb, upTo } from './values.js';

export interface Conv2dCase {
  readonly input: TensorData;
  readonly weight: TensorData;
  readonly bias: TensorData | null;
  readonly options: Conv2dOptions;
}

export interface Conv2dCaseConstraints {
  readonly stride?: boolean;
  readonly dilation?: boolean;
  readonly groups?: boolean;
  readonly bias?: boolean;
  readonly modes?: readonly PaddingMode[];
  /** Allow 'same' and asymmetric {top, …} padding. */
  readonly paddingForms?: boolean;
  /** A fixed padding for every case (inputs are sized for it). */
  readonly padding?: 'valid' | 'same';
  readonly maxBatch?: number;
}

const paddingArb = (forms: boolean): fc.Arbitrary<Conv2dOptions['padding'] | undefined> =>
  forms
    ? fc.oneof(
        fc.constant(undefined),
        fc.constant<'valid'>('valid'),
        fc.constant<'same'>('same'),
        upTo(2),
        fc.tuple(upTo(2), upTo(2)),
        fc.record({ top: upTo(2), bottom: upTo(2), left: upTo(2), right: upTo(2) }),
      )
    : fc.oneof(fc.constant(undefined), upTo(2), fc.tuple(upTo(2), upTo(2)));

export function conv2dCaseArb(c: Conv2dCaseConstraints = {}): fc.Arbitrary<Conv2dCase> {
  return fc
    .record({
      batch: oneTo(c.maxBatch ?? 2),
      groups: c.groups === false ? fc.constant(1) : oneTo(2),
      groupIn: oneTo(2),
      groupOut: oneTo(2),
      kernel: fc.tuple(oneTo(3), oneTo(3)),
      stride: c.stride === false ? fc.constant<[number, number]>([1, 1]) : fc.tuple(oneTo(3), oneTo(3)),
      dilation: c.dilation === false ? fc.constant<[number, number]>([1, 1]) : fc.tuple(oneTo(2), oneTo(2)),
      padding: c.padding !== undefined ? fc.constant(c.padding) : paddingArb(c.paddingForms ?? true),
      mode: fc.constantFrom(...(c.modes ?? (['zeros', 'reflect', 'replicate', 'circular'] as const))),
      extra: fc.tuple(upTo(3), upTo(3)),
      bias: c.bias === false ? fc.constant(false) : fc.boolean(),
    })
    .chain((p) => {
      const stride: [number, number] = p.padding === 'same' ? [1, 1] : p.stride;
      const pads = resolveConvPadding('conv2d', p.padding, p.kernel, p.dilation, stride);
      const span = (k: number, d: number) => d * (k - 1) + 1;
      // Big enough for the kernel, and for reflect (pad < size) and circular (pad ≤ size) limits.
      const height = Math.max(1, span(p.kernel[0], p.dilation[0]) - pads.top - pads.bottom, Math.max(pads.top, pads.bottom) + 1) + p.extra[0];
      const width = Math.max(1, span(p.kernel[1], p.dilation[1]) - pads.left - pads.right, Math.max(pads.left, pads.right) + 1) + p.extra[1];
      const options: Conv2dOptions = { stride, dilation: p.dilation, groups: p.groups, paddingMode: p.mode };
      if (p.padding !== undefined) options.padding = p.padding;
      const outChannels = p.groups * p.groupOut;
      return fc.record({
        input: tensorArb([p.batch, p.groups * p.groupIn, height, width]),
        weight: tensorArb([outChannels, p.groupIn, p.kernel[0], p.kernel[1]]),
        bias: p.bias ? tensorArb([outChannels]) : fc.constant(null),
        options: fc.constant(options),
      });
    });
}

export function conv2dCall(c: Conv2dCase): OperatorCall {
  return { op: 'conv2d', inputs: { input: c.input, weight: c.weight, bias: c.bias }, options: c.options as Record<string, unknown> };
}
