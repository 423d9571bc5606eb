/**
 * A problem descriptor as data: one benchdnn-style line such as `mb1ic64ih56oc64kh3ph1 # resnet50 layer1 conv2`,
 * resolved to numbers (spec/shape-descriptors.md, `kit.descriptor.grammar`). Every value is in convkit's
 * conventions: `dilation` is convkit's (1 = none), not benchdnn's `dh` (0 = none), see `kit.descriptor.dilation`;
 * `output` is always resolved, whether the line wrote `oh` or it was computed (`kit.descriptor.output`).
 *
 * parseDescriptor reads a line into this record, printDescriptor writes its shortest canonical line, and
 * descriptorCall turns it into an operator's input shapes and options.
 */

export type DescriptorOperator = 'conv2d' | 'convTranspose2d' | 'maxPool2d' | 'avgPool2d';

/** One spatial axis: its input extent, window parameters and output extent. */
export interface DescriptorAxis {
  /** `ih` / `iw`: the operator's input extent (for convTranspose2d, the small side). */
  readonly input: number;
  /** `oh` / `ow`, resolved. */
  readonly output: number;
  readonly kernel: number;
  readonly stride: number;
  /** `ph` / `pw`: padding before (top, left). The padding after follows from `output` (`kit.descriptor.output`). */
  readonly padding: number;
  /** convkit's dilation, ≥ 1: benchdnn's `dh` + 1 (`kit.descriptor.dilation`). */
  readonly dilation: number;
}

export interface ProblemDescriptor {
  readonly operator: DescriptorOperator;
  /** `mb`, N. */
  readonly batch: number;
  /** `ic`, C: the operator's input channels. */
  readonly channels: number;
  /** `oc`, O: output channels. Pools keep their channels, so for them this equals `channels`. */
  readonly outChannels: number;
  /** `g`; 1 for pools. */
  readonly groups: number;
  readonly height: DescriptorAxis;
  readonly width: DescriptorAxis;
  /** avgPool2d only: benchdnn's `--alg=avg_p` (true) or `--alg=avg_np` (false) (`kit.descriptor.pool`). */
  readonly countIncludePad?: boolean;
  /** The `n` field, without quotes; null when absent. */
  readonly name: string | null;
  /** The text after `#`, trimmed; null when absent. */
  readonly comment: string | null;
}

export const DESCRIPTOR_OPERATORS: readonly DescriptorOperator[] = ['conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d'];

export const isPool = (op: DescriptorOperator): boolean => op === 'maxPool2d' || op === 'avgPool2d';
