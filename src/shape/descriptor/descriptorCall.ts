/**
 * A descriptor as an operator call's shapes and options (spec/shape-descriptors.md, `kit.descriptor.call`):
 * what a runner needs to fill tensors and call an adapter. conv2d and convTranspose2d carry a bias, as benchdnn's
 * default direction FWD_B does; padding is zeros, the only padding benchdnn has.
 */
import type { AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions } from '../../adapter/contract.js';
import { convPaddingAfter, deconvOutputPadding, deducedOutput } from './descriptorAxis.js';
import type { ProblemDescriptor } from './problemDescriptor.js';
import { poolCeilMode } from './validateDescriptor.js';

interface Shapes {
  readonly inputShape: number[];
  readonly outputShape: number[];
}
export type DescriptorCall =
  | (Shapes & { readonly op: 'conv2d'; readonly weightShape: number[]; readonly biasShape: number[]; readonly options: Conv2dOptions })
  | (Shapes & { readonly op: 'convTranspose2d'; readonly weightShape: number[]; readonly biasShape: number[]; readonly options: ConvTranspose2dOptions })
  | (Shapes & { readonly op: 'maxPool2d'; readonly options: MaxPool2dOptions })
  | (Shapes & { readonly op: 'avgPool2d'; readonly options: AvgPool2dOptions });

export function descriptorCall(d: ProblemDescriptor): DescriptorCall {
  const { height: h, width: w } = d;
  const inputShape = [d.batch, d.channels, h.input, w.input];
  const outputShape = [d.batch, d.outChannels, h.output, w.output];
  const stride: [number, number] = [h.stride, w.stride];
  const dilation: [number, number] = [h.dilation, w.dilation];
  const kernel: [number, number] = [h.kernel, w.kernel];
  switch (d.operator) {
    case 'conv2d': {
      // An output that is not the symmetric count has its own padding after (benchdnn's pad_r).
      const symmetric = h.output === deducedOutput('conv2d', h) && w.output === deducedOutput('conv2d', w);
      const padding: Conv2dOptions['padding'] = symmetric
        ? [h.padding, w.padding]
        : { top: h.padding, bottom: h.output === deducedOutput('conv2d', h) ? h.padding : convPaddingAfter(h), left: w.padding, right: w.output === deducedOutput('conv2d', w) ? w.padding : convPaddingAfter(w) };
      return { op: 'conv2d', inputShape, weightShape: [d.outChannels, d.channels / d.groups, ...kernel], biasShape: [d.outChannels], outputShape, options: { stride, padding, dilation, groups: d.groups, paddingMode: 'zeros' } };
    }
    case 'convTranspose2d':
      return {
        op: 'convTranspose2d', inputShape, weightShape: [d.channels, d.outChannels / d.groups, ...kernel], biasShape: [d.outChannels], outputShape,
        options: { stride, padding: [h.padding, w.padding], outputPadding: [deconvOutputPadding(h), deconvOutputPadding(w)], dilation, groups: d.groups },
      };
    case 'maxPool2d':
      return { op: 'maxPool2d', inputShape, outputShape, options: { kernelSize: kernel, stride, padding: [h.padding, w.padding], dilation, ceilMode: poolCeilMode(d) } };
    case 'avgPool2d':
      return { op: 'avgPool2d', inputShape, outputShape, options: { kernelSize: kernel, stride, padding: [h.padding, w.padding], ceilMode: poolCeilMode(d), countIncludePad: d.countIncludePad ?? true } };
  }
}
