/**
 * The rules a resolved descriptor must meet before it becomes a call (spec/shape-descriptors.md:
 * `kit.descriptor.grammar`, `kit.descriptor.output`, `kit.descriptor.pool`). Each failure names the descriptor, the benchdnn field (`ph`, `oh`, …), its value
 * and the rule. parseDescriptor calls this on what it read; tests call it on generated records.
 */
import { DescriptorError } from './descriptorError.js';
import { convPaddingAfter, deconvOutputPadding, deducedOutput, poolOutput } from './descriptorAxis.js';
import { isPool, type DescriptorAxis, type ProblemDescriptor } from './problemDescriptor.js';

const NAME = /^[^\s"#]+$/;

export function validateDescriptor(d: ProblemDescriptor, text: string): ProblemDescriptor {
  const fail = (code: 'E_INTEGER' | 'E_SHAPE' | 'E_OPTION' | 'E_EMPTY', field: string, value: unknown, rule: string, clause: string): never => {
    throw new DescriptorError(text, { code, field, value, rule, clause });
  };
  const positive = (field: string, value: number, clause: string) => {
    if (!Number.isSafeInteger(value) || value < 1) fail('E_INTEGER', field, value, 'must be a positive integer', clause);
  };
  positive('mb', d.batch, 'tensor.shape.positive');
  positive('ic', d.channels, 'tensor.shape.positive');
  positive('oc', d.outChannels, 'tensor.shape.positive');
  positive('g', d.groups, 'conv.groups');
  if (isPool(d.operator)) {
    if (d.groups !== 1) fail('E_OPTION', 'g', d.groups, 'is not a pooling field', 'kit.descriptor.pool');
    if (d.outChannels !== d.channels) fail('E_SHAPE', 'oc', d.outChannels, `must equal ic = ${d.channels}: pooling keeps the channels`, 'kit.descriptor.pool');
  } else {
    if (d.channels % d.groups !== 0) fail('E_SHAPE', 'g', d.groups, `must divide ic = ${d.channels}`, 'conv.groups');
    if (d.outChannels % d.groups !== 0) fail('E_SHAPE', 'g', d.groups, `must divide oc = ${d.outChannels}`, 'conv.groups');
  }
  if ((d.operator === 'avgPool2d') !== (d.countIncludePad !== undefined)) {
    fail('E_OPTION', 'countIncludePad', d.countIncludePad, 'is set exactly for average pooling (--alg=avg_p or avg_np)', 'kit.descriptor.pool');
  }
  if (d.name !== null && !NAME.test(d.name)) fail('E_OPTION', 'n', d.name, 'must be non-empty, without spaces, quotes or #', 'kit.descriptor.grammar');
  if (d.comment !== null && (d.comment.trim() !== d.comment || d.comment === '' || /[\r\n]/.test(d.comment))) {
    fail('E_OPTION', 'comment', d.comment, 'must be trimmed, non-empty and on one line', 'kit.descriptor.grammar');
  }
  checkAxes(d, fail);
  return d;
}

type Fail = (code: 'E_INTEGER' | 'E_SHAPE' | 'E_OPTION' | 'E_EMPTY', field: string, value: unknown, rule: string, clause: string) => never;

/** Per-axis rules. */
function checkAxes(d: ProblemDescriptor, fail: Fail): void {
  const axes = [['h', d.height], ['w', d.width]] as const;
  for (const [x, a] of axes) {
    for (const [field, value, min, clause] of [
      [`i${x}`, a.input, 1, 'tensor.shape.positive'], [`k${x}`, a.kernel, 1, 'kit.descriptor.grammar'], [`s${x}`, a.stride, 1, 'conv.stride'],
      [`p${x}`, a.padding, 0, 'kit.descriptor.output'], [`d${x}`, a.dilation - 1, 0, 'kit.descriptor.dilation'], [`o${x}`, a.output, 1, 'shape.positive'],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < min) fail(field === `o${x}` ? 'E_EMPTY' : 'E_INTEGER', field, value, min === 1 ? 'must be a positive integer' : `must be an integer ≥ ${min}`, clause);
    }
  }
  if (d.operator === 'conv2d') {
    for (const [x, a] of axes) if (a.output !== deducedOutput('conv2d', a) && convPaddingAfter(a) < 0) {
      fail('E_SHAPE', `o${x}`, a.output, `needs padding after (o − 1)s − i + d(k − 1) + 1 − p = ${convPaddingAfter(a)} ≥ 0`, 'kit.descriptor.output');
    }
    return;
  }
  if (d.operator === 'convTranspose2d') {
    for (const [x, a] of axes) {
      const op = deconvOutputPadding(a);
      if (op < 0 || op >= Math.max(a.stride, a.dilation)) {
        fail('E_SHAPE', `o${x}`, a.output, `must be ${deducedOutput('convTranspose2d', a)} plus an output padding in [0, max(s, d) − 1 = ${Math.max(a.stride, a.dilation) - 1}], got ${op}`, 'convt.output-padding');
      }
    }
    return;
  }
  for (const [x, a] of axes) {
    if (a.padding > Math.floor(a.kernel / 2)) fail('E_OPTION', `p${x}`, a.padding, `must be ≤ ⌊k${x}/2⌋ = ${Math.floor(a.kernel / 2)}`, 'pool.padding.limit');
    if (d.operator === 'avgPool2d' && a.dilation !== 1) fail('E_OPTION', `d${x}`, a.dilation - 1, 'must be 0: average pooling has no dilation', 'kit.descriptor.pool');
  }
  const ceil = poolCeilMode(d);
  for (const [x, a] of axes) checkPoolAxis(x, a, ceil, fail);
}

/** A pool descriptor is in ceil mode when an axis's output is not its floor count (`kit.descriptor.pool`). */
export function poolCeilMode(d: ProblemDescriptor): boolean {
  return [d.height, d.width].some((a) => a.output !== poolOutput(a, false));
}

/** One ceilMode serves both axes: each output must be the floor count, or (when any axis needs it) the ceil count. */
function checkPoolAxis(x: 'h' | 'w', a: DescriptorAxis, ceil: boolean, fail: Fail): void {
  const floor = poolOutput(a, false);
  const withCeil = poolOutput(a, true);
  if (a.output === (ceil ? withCeil : floor)) return;
  // Reached with output = floor only when the other axis is in ceil mode.
  const rule = a.output === floor
    ? `must be the ceil-mode count ${withCeil}: the other axis is in ceil mode and one ceilMode serves both axes`
    : `must be the floor count ${floor} or the ceil-mode count ${withCeil}`;
  fail('E_SHAPE', `o${x}`, a.output, rule, 'kit.descriptor.pool');
}
