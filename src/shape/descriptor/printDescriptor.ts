/**
 * Writes a ProblemDescriptor as its shortest canonical line (spec/shape-descriptors.md, `kit.descriptor.canonical`):
 * benchdnn's field order, every field that equals what parseDescriptor would default or deduce left out, the
 * width fields only when some width value differs from its height value, no quotes, no `_`. So
 * printDescriptor(parseDescriptor(s)) is the canonical form of s, and parseDescriptor(printDescriptor(d)) equals d.
 */
import { deducedOutput, deducedPadding } from './descriptorAxis.js';
import type { DescriptorAxis, ProblemDescriptor } from './problemDescriptor.js';

export function printDescriptor(d: ProblemDescriptor): string {
  const square = sameAxis(d.height, d.width);
  const h = axisFields(d, d.height);
  const w = square ? null : axisFields(d, d.width);
  const out: string[] = [];
  if (d.groups !== 1) out.push(`g${d.groups}`);
  if (d.batch !== 2) out.push(`mb${d.batch}`);
  out.push(`ic${d.channels}`, `ih${d.height.input}`);
  if (w) out.push(`iw${d.width.input}`);
  if (d.operator === 'conv2d' || d.operator === 'convTranspose2d') out.push(`oc${d.outChannels}`);
  for (const key of ['o', 'k', 's', 'p', 'd'] as const) {
    const hv = h[key];
    if (hv !== undefined) out.push(`${key}h${hv}`);
    const wv = w?.[key];
    if (wv !== undefined) out.push(`${key}w${wv}`);
  }
  const descriptor = out.join('') + (d.name === null ? '' : `n${d.name}`);
  const line = [...driverOptions(d), descriptor].join(' ');
  return d.comment === null ? line : `${line} # ${d.comment}`;
}

function driverOptions(d: ProblemDescriptor): string[] {
  switch (d.operator) {
    case 'conv2d': return [];
    case 'convTranspose2d': return ['--deconv'];
    case 'maxPool2d': return ['--pool'];
    case 'avgPool2d': return ['--pool', d.countIncludePad === false ? '--alg=avg_np' : '--alg=avg_p'];
  }
}

function sameAxis(a: DescriptorAxis, b: DescriptorAxis): boolean {
  return a.input === b.input && a.output === b.output && a.kernel === b.kernel && a.stride === b.stride && a.padding === b.padding && a.dilation === b.dilation;
}

/**
 * The values one axis must write, in benchdnn's units: the output only when it is not the deduced one, the
 * padding only when it is neither the default 0 (no output written) nor the deduced one (output written).
 * The kernel is always written (benchdnn requires it; on the width axis it also makes the width explicit).
 */
function axisFields(d: ProblemDescriptor, a: DescriptorAxis): Partial<Record<'o' | 'k' | 's' | 'p' | 'd', number>> {
  const fields: Partial<Record<'o' | 'k' | 's' | 'p' | 'd', number>> = { k: a.kernel };
  const writesOutput = a.output !== deducedOutput(d.operator, a);
  if (writesOutput) fields.o = a.output;
  const impliedPadding = writesOutput ? deducedPadding(d.operator, a) : 0;
  if (a.padding !== impliedPadding) fields.p = a.padding;
  if (a.stride !== 1) fields.s = a.stride;
  if (a.dilation !== 1) fields.d = a.dilation - 1;
  return fields;
}
