/**
 * The declared features (contract.ts, `Feature`) as one table: each id, what a call must use to need it, and
 * an example call. An adapter sets a feature to false in `supports.features` to have every case and fixture
 * that needs it skipped. Which calls need which feature is decided by each operator's record
 * (src/operators/, `features`); test/features.test.ts checks every example against it, and spec/features.md
 * is generated from this table (`npm run docs`).
 */
import type { Feature } from './contract.js';
import type { ForwardOp } from './operatorCall.js';

export interface FeatureExample {
  readonly op: ForwardOp;
  readonly options: Readonly<Record<string, unknown>>;
  /** conv2d's bias is a tensor input, not an option. */
  readonly bias?: true;
}

export interface FeatureInfo {
  readonly id: Feature;
  /** What a call uses when it needs the feature. */
  readonly meaning: string;
  /** A call that needs it; for `errors`, an invalid call that must be rejected. */
  readonly example: FeatureExample;
}

const sides = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });

/** Keyed by id, so a Feature without a row does not compile. */
const TABLE: Readonly<Record<Feature, Omit<FeatureInfo, 'id'>>> = {
  'conv2d.stride': { meaning: 'a stride other than 1 on either axis', example: { op: 'conv2d', options: { stride: [2, 1] } } },
  'conv2d.dilation': { meaning: 'a dilation other than 1 on either axis', example: { op: 'conv2d', options: { dilation: 2 } } },
  'conv2d.groups': { meaning: 'groups > 1 (grouped or depthwise convolution)', example: { op: 'conv2d', options: { groups: 2 } } },
  'conv2d.bias': { meaning: 'a bias tensor (not null)', example: { op: 'conv2d', options: {}, bias: true } },
  'conv2d.padding.asymmetric': { meaning: 'padding given as explicit sides `{top, bottom, left, right}`, equal or not', example: { op: 'conv2d', options: { padding: sides(1, 0, 2, 1) } } },
  'conv2d.padding.same': { meaning: "padding `'same'`: the output keeps the input's size, the odd row or column after", example: { op: 'conv2d', options: { padding: 'same' } } },
  'conv2d.paddingMode.reflect': { meaning: "paddingMode `'reflect'`: the border mirrored, the edge not repeated", example: { op: 'conv2d', options: { padding: 1, paddingMode: 'reflect' } } },
  'conv2d.paddingMode.replicate': { meaning: "paddingMode `'replicate'`: the edge value repeated", example: { op: 'conv2d', options: { padding: 1, paddingMode: 'replicate' } } },
  'conv2d.paddingMode.circular': { meaning: "paddingMode `'circular'`: the input wrapped around", example: { op: 'conv2d', options: { padding: 1, paddingMode: 'circular' } } },
  'convTranspose2d.dilation': { meaning: 'a dilation other than 1 on either axis', example: { op: 'convTranspose2d', options: { dilation: 2 } } },
  'convTranspose2d.groups': { meaning: 'groups > 1', example: { op: 'convTranspose2d', options: { groups: 2 } } },
  'convTranspose2d.outputPadding': { meaning: 'an outputPadding other than 0 on either axis', example: { op: 'convTranspose2d', options: { stride: 2, outputPadding: 1 } } },
  'pad2d.reflect': { meaning: "mode `'reflect'`", example: { op: 'pad2d', options: { pads: sides(1, 1, 1, 1), mode: 'reflect' } } },
  'pad2d.replicate': { meaning: "mode `'replicate'`", example: { op: 'pad2d', options: { pads: sides(1, 1, 1, 1), mode: 'replicate' } } },
  'pad2d.circular': { meaning: "mode `'circular'`", example: { op: 'pad2d', options: { pads: sides(1, 1, 1, 1), mode: 'circular' } } },
  'pad2d.negative': { meaning: 'a negative pad on any side (cropping)', example: { op: 'pad2d', options: { pads: sides(-1, 0, 0, 2), mode: 'constant' } } },
  'maxPool2d.dilation': { meaning: 'a dilation other than 1 on either axis', example: { op: 'maxPool2d', options: { kernelSize: 2, dilation: 2 } } },
  'maxPool2d.ceilMode': { meaning: 'ceilMode true: a last, partial window where the floor rule has none', example: { op: 'maxPool2d', options: { kernelSize: 2, ceilMode: true } } },
  'avgPool2d.ceilMode': { meaning: 'ceilMode true', example: { op: 'avgPool2d', options: { kernelSize: 2, ceilMode: true } } },
  'avgPool2d.countIncludePad': { meaning: 'countIncludePad false: padding left out of the divisor (the default, true, counts it)', example: { op: 'avgPool2d', options: { kernelSize: 3, padding: 1, countIncludePad: false } } },
  'avgPool2d.divisorOverride': { meaning: 'a divisorOverride: every window divided by that number', example: { op: 'avgPool2d', options: { kernelSize: 2, divisorOverride: 3 } } },
  'adaptiveAvgPool2d.uneven': { meaning: "an outputSize that does not divide the input's size, so the windows differ in size and overlap", example: { op: 'adaptiveAvgPool2d', options: { outputSize: [2, 3] } } },
  'adaptiveMaxPool2d.uneven': { meaning: "an outputSize that does not divide the input's size, so the windows differ in size and overlap", example: { op: 'adaptiveMaxPool2d', options: { outputSize: [2, 3] } } },
  errors: { meaning: 'rejecting an invalid call by throwing (the `<op>.invalid-configurations-rejected` checks); the example must throw', example: { op: 'conv2d', options: { stride: 0 } } },
};

/** In the order of the contract's Feature type. */
export const FEATURES: readonly FeatureInfo[] = Object.entries(TABLE).map(([id, info]) => ({ id: id as Feature, ...info }));
