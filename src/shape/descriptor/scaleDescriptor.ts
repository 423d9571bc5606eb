/**
 * A smaller member of a descriptor's family: batch, channels and spatial extents capped, with the features that
 * pick an optimised kernel's code path kept — per-group channel parity (an odd tail stays odd), depthwise (g = C) and its
 * channel multiplier, global pooling (k = H), the kernel, stride, dilation and padding, convT's output
 * padding, a conv's own padding after, and a pool's ceil mode (spec/shape-descriptors.md, `kit.descriptor.call`).
 * For fast cross-checks of a corpus; `scale large` runs the descriptors unchanged.
 */
import { transposedOutputSize, windowOutputSize } from '../windowOutputSize.js';
import { convPaddingAfter, deconvOutputPadding, deducedOutput, poolOutput } from './descriptorAxis.js';
import { isPool, type DescriptorAxis, type ProblemDescriptor } from './problemDescriptor.js';
import { poolCeilMode, validateDescriptor } from './validateDescriptor.js';
import { printDescriptor } from './printDescriptor.js';

export interface ScaleConstraints {
  readonly maxBatch: number;
  /** Cap on ic and oc (per group for grouped convolutions). At least 2. */
  readonly maxChannels: number;
  /** Cap on each input extent. */
  readonly maxSpatial: number;
}

/** n capped at max, keeping n's parity (max ≥ 2). */
const capKeepingParity = (n: number, max: number) => (n <= max ? n : max % 2 === n % 2 ? max : max - 1);

export function scaleDescriptor(d: ProblemDescriptor, c: ScaleConstraints): ProblemDescriptor {
  const batch = Math.min(d.batch, c.maxBatch);
  let channels: number, outChannels: number, groups: number;
  if (isPool(d.operator)) {
    channels = outChannels = capKeepingParity(d.channels, c.maxChannels);
    groups = 1;
  } else if (d.groups === d.channels && d.groups > 1) {
    groups = channels = capKeepingParity(d.channels, c.maxChannels);
    outChannels = groups * Math.min(d.outChannels / d.groups, 4);
  } else {
    groups = Math.min(d.groups, 4);
    const perGroup = Math.max(2, Math.floor(c.maxChannels / groups));
    channels = groups * capKeepingParity(d.channels / d.groups, perGroup);
    outChannels = groups * capKeepingParity(d.outChannels / d.groups, perGroup);
  }
  const ceil = isPool(d.operator) && poolCeilMode(d);
  const axis = (a: DescriptorAxis): DescriptorAxis => {
    const input = capKeepingParity(a.input, c.maxSpatial);
    const kernel = a.kernel === a.input && a.padding === 0 ? input : a.kernel; // global pooling stays global
    const w = { ...a, input, kernel };
    switch (d.operator) {
      case 'conv2d': {
        const after = a.output === deducedOutput('conv2d', a) ? a.padding : convPaddingAfter(a);
        return { ...w, output: windowOutputSize({ size: input, kernel, stride: a.stride, dilation: a.dilation, padBefore: a.padding, padAfter: after }) };
      }
      case 'convTranspose2d':
        return { ...w, output: transposedOutputSize(input, kernel, a.stride, a.dilation, a.padding, deconvOutputPadding(a)) };
      default:
        return { ...w, output: poolOutput(w, ceil) };
    }
  };
  const scaled: ProblemDescriptor = { ...d, batch, channels, outChannels, groups, height: axis(d.height), width: axis(d.width) };
  return validateDescriptor(scaled, `scaled from ${printDescriptor(d)}`);
}
