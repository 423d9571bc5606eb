/**
 * Valid ProblemDescriptor records, and other spellings of a record (benchdnn allows any field order, `_`,
 * quotes, written defaults, upper-case --alg), for the round-trip properties of test/shapes/descriptor.test.ts.
 * The spelling is built here field by field, not by the printer under test.
 */
import fc from 'fast-check';
import { deducedOutput, deducedPadding, poolOutput } from '../../src/shape/descriptor/descriptorAxis.js';
import type { DescriptorAxis, DescriptorOperator, ProblemDescriptor } from '../../src/shape/descriptor/problemDescriptor.js';
import { validateDescriptor } from '../../src/shape/descriptor/validateDescriptor.js';

const int = (min: number, max: number) => fc.integer({ min, max });

function axisArb(op: DescriptorOperator): fc.Arbitrary<DescriptorAxis> {
  const pool = op === 'maxPool2d' || op === 'avgPool2d';
  return fc.record({ input: int(1, 40), kernel: int(1, 7), stride: int(1, 4), padding: int(0, 3), dilation: op === 'avgPool2d' ? fc.constant(1) : int(1, 3), extra: int(0, 2) })
    .map(({ extra, ...a }) => {
      const padding = pool ? Math.min(a.padding, a.kernel >> 1) : a.padding;
      const w = { ...a, padding };
      if (op === 'conv2d') return { ...w, output: deducedOutput(op, w) + extra };
      if (op === 'convTranspose2d') return { ...w, output: deducedOutput(op, w) + Math.min(extra, Math.max(a.stride, a.dilation) - 1) };
      return { ...w, output: poolOutput(w, extra > 0) };
    });
}

const nameArb = fc.option(fc.stringMatching(/^[A-Za-z0-9_:.*/-]{1,12}$/), { nil: null });
const commentArb = fc.option(fc.stringMatching(/^[a-z0-9 :x#-]{1,20}$/).map((s) => s.trim()).filter((s) => s !== ''), { nil: null });

export const descriptorArb: fc.Arbitrary<ProblemDescriptor> = fc.constantFrom<DescriptorOperator>('conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d')
  .chain((operator) => {
    const pool = operator === 'maxPool2d' || operator === 'avgPool2d';
    return fc.record({
      operator: fc.constant(operator), batch: int(1, 5), groups: pool ? fc.constant(1) : int(1, 4), cg: int(1, 5), og: int(1, 5),
      height: axisArb(operator), width: fc.option(axisArb(operator), { nil: null }), countIncludePad: fc.boolean(), name: nameArb, comment: commentArb,
    });
  })
  .map(({ cg, og, width, countIncludePad, ...r }): ProblemDescriptor => {
    const pool = r.operator === 'maxPool2d' || r.operator === 'avgPool2d';
    const channels = r.groups * cg;
    return { ...r, channels, outChannels: pool ? channels : r.groups * og, width: width ?? r.height, ...(r.operator === 'avgPool2d' ? { countIncludePad } : {}) };
  })
  .filter((d) => {
    try { validateDescriptor(d, 'generated'); return true; } catch { return false; }
  });

/** Every field written out, in a shuffled order, with `_` and quoted name: another spelling of the same record. */
export function verboseSpelling(d: ProblemDescriptor, order: readonly number[], upper: boolean): string {
  const pool = d.operator === 'maxPool2d' || d.operator === 'avgPool2d';
  const fields: string[] = [`mb${d.batch}`, `ic${d.channels}`];
  if (!pool) fields.push(`g${d.groups}`, `oc${d.outChannels}`);
  for (const [x, a] of [['h', d.height], ['w', d.width]] as const) {
    fields.push(`i${x}${a.input}`, `o${x}${a.output}`, `k${x}${a.kernel}`, `s${x}${a.stride}`, `d${x}${a.dilation - 1}`);
    // Leave the padding out when benchdnn's deduction gives it back, to exercise the deduction too.
    if (deducedPadding(d.operator, a) !== a.padding || order[0]! % 2 === 0) fields.push(`p${x}${a.padding}`);
  }
  const shuffled = fields.map((f, i) => [order[i % order.length]! * 100 + i, f] as const).sort((p, q) => p[0] - q[0]).map(([, f]) => f);
  const alg = d.operator === 'maxPool2d' ? '--alg=max' : d.operator === 'avgPool2d' ? (d.countIncludePad ? '--alg=avg_p' : '--alg=avg_np') : '';
  const driver = d.operator === 'conv2d' ? '--conv' : d.operator === 'convTranspose2d' ? '--deconv' : '--pool';
  const name = d.name === null ? '' : `_n"${d.name}"`;
  const line = `  ${driver}   ${upper ? alg.toUpperCase().replace('--ALG', '--alg') : alg}  ${shuffled.join('_')}${name}  `;
  return d.comment === null ? line : `${line}#   ${d.comment}   `;
}
