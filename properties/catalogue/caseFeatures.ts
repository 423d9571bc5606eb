/**
 * Which declared features a generated case exercises, so a case an adapter declared unsupported is skipped
 * (never counted as passed or failed). Absent features are assumed supported (contract.ts, `Supports`).
 */
import type { AvgPool2dOptions, ConvTranspose2dOptions, Feature, MaxPool2dOptions, Pad2dMode, Pads } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import type { ConvTranspose2dCase } from '../arbitraries/convTranspose2dCase.js';
import type { Conv2dCase } from '../arbitraries/conv2dCase.js';
import type { Pad2dCase } from '../arbitraries/pad2dCase.js';

const isPairOf = (v: unknown, n: number) => v === undefined || v === n || (Array.isArray(v) && v.every((x) => x === n));

export function conv2dFeatures(c: Conv2dCase): Feature[] {
  const f: Feature[] = [];
  const o = c.options;
  if (!isPairOf(o.stride, 1)) f.push('conv2d.stride');
  if (!isPairOf(o.dilation, 1)) f.push('conv2d.dilation');
  if ((o.groups ?? 1) > 1) f.push('conv2d.groups');
  if (c.bias !== null) f.push('conv2d.bias');
  if (o.padding === 'same') f.push('conv2d.padding.same');
  if (typeof o.padding === 'object' && !Array.isArray(o.padding)) f.push('conv2d.padding.asymmetric');
  if (o.paddingMode && o.paddingMode !== 'zeros') f.push(`conv2d.paddingMode.${o.paddingMode}`);
  return f;
}

export function pad2dFeatures(c: Pad2dCase): Feature[] {
  const f: Feature[] = [];
  if (c.mode !== 'constant') f.push(`pad2d.${c.mode}`);
  if (Object.values(c.pads).some((v) => v < 0)) f.push('pad2d.negative');
  return f;
}

export function poolFeatures(op: 'maxPool2d' | 'avgPool2d', o: MaxPool2dOptions | AvgPool2dOptions): Feature[] {
  const f: Feature[] = [];
  if (o.ceilMode) f.push(`${op}.ceilMode`);
  if (op === 'maxPool2d' && !isPairOf((o as MaxPool2dOptions).dilation, 1)) f.push('maxPool2d.dilation');
  if (op === 'avgPool2d') {
    const a = o as AvgPool2dOptions;
    if (a.countIncludePad === false) f.push('avgPool2d.countIncludePad');
    if (a.divisorOverride !== undefined) f.push('avgPool2d.divisorOverride');
  }
  return f;
}

export function convTranspose2dFeatures(c: Pick<ConvTranspose2dCase, 'options'>): Feature[] {
  const f: Feature[] = [];
  const o: ConvTranspose2dOptions = c.options;
  if (!isPairOf(o.dilation, 1)) f.push('convTranspose2d.dilation');
  if ((o.groups ?? 1) > 1) f.push('convTranspose2d.groups');
  if (!isPairOf(o.outputPadding, 0)) f.push('convTranspose2d.outputPadding');
  return f;
}

/** The features any operator call exercises (for properties that work on calls rather than cases). */
export function callFeatures(call: OperatorCall): Feature[] {
  const o = call.options;
  switch (call.op) {
    case 'conv2d':
      return conv2dFeatures({ input: call.inputs['input']!, weight: call.inputs['weight']!, bias: call.inputs['bias'] ?? null, options: o });
    case 'convTranspose2d':
      return convTranspose2dFeatures({ options: o as ConvTranspose2dOptions });
    case 'pad2d':
      return pad2dFeatures({ input: call.inputs['input']!, pads: o['pads'] as Pads, mode: o['mode'] as Pad2dMode, value: 0 });
    case 'maxPool2d':
      return poolFeatures('maxPool2d', o as unknown as MaxPool2dOptions);
    case 'avgPool2d':
      return poolFeatures('avgPool2d', o as unknown as AvgPool2dOptions);
    case 'corr2d':
      return [];
  }
}
