/**
 * Which declared features a generated case exercises, so a case an adapter declared unsupported is skipped
 * (never counted as passed or failed). The rules live in each operator's record (src/operators/); these are
 * the same rules for the case types the specific properties draw.
 */
import type { AvgPool2dOptions, Feature, MaxPool2dOptions } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { operatorRecord } from '../../src/operators/index.js';
import type { ConvTranspose2dCase } from '../arbitraries/convTranspose2dCase.js';
import { conv2dCall, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { pad2dCall, type Pad2dCase } from '../arbitraries/pad2dCase.js';

/** The features any operator call exercises. */
export function callFeatures(call: OperatorCall): Feature[] {
  return operatorRecord(call.op).features(call);
}

export const conv2dFeatures = (c: Conv2dCase): Feature[] => callFeatures(conv2dCall(c));

export const pad2dFeatures = (c: Pad2dCase): Feature[] => callFeatures(pad2dCall(c));

export const poolFeatures = (op: 'maxPool2d' | 'avgPool2d', o: MaxPool2dOptions | AvgPool2dOptions): Feature[] =>
  callFeatures({ op, inputs: {}, options: o as unknown as Record<string, unknown> });

export const convTranspose2dFeatures = (c: Pick<ConvTranspose2dCase, 'options'>): Feature[] =>
  callFeatures({ op: 'convTranspose2d', inputs: {}, options: c.options as Record<string, unknown> });
