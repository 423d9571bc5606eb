/**
 * The cells of an operator's configuration space (`kit.coverage`): one call's kernel, stride, dilation, padding
 * form/mode, channel-tail and batch classes, and the boundaries it hits. The classes are the code paths
 * optimised kernels take (issue 10): separate 1×1, 3×3, 5×5 and 7×7 kernels; strided and dilated loops; vector
 * tails when the channels are not a multiple of 16, 8 or 4, and channels packed in threes; batch loops unrolled by 2. Everything is read
 * through the operator's record (`configuration`, `boundaries`), never from the options directly.
 */
import type { OperatorCall } from '../../adapter/operatorCall.js';
import { operatorRecord } from '../../operators/index.js';
import type { BoundaryId } from '../../shape/boundaries.js';
import type { ConfigurationAxis } from '../../shape/configurationPoint.js';
import { ConvkitError } from '../../errors/convkitError.js';

/** `none` where the operator has no fixed window (pad2d, adaptive pooling). */
export type KernelClass = '1' | '3' | '5' | '7' | 'even' | 'other' | 'none';
export type StrideClass = '1' | '2' | '>2' | 'none';
export type DilationClass = '1' | '>1' | 'none';
/**
 * Channels below 4, else the widest vector (16, 8, 4) that divides them, else `mult3` for a multiple of 3 (a
 * kernel vectorising the channel axis packs those as vec3: ORT WebGPU's Conv2dMM, `shape.scale`), else a tail.
 */
export type ChannelClass = '<4' | 'mult16' | 'mult8' | 'mult4' | 'mult3' | 'tail' | 'none';
export type BatchClass = '1' | '2' | 'odd>=3' | 'even>=4' | 'none';

export interface CoverageCell {
  readonly kernel: KernelClass;
  readonly stride: StrideClass;
  readonly dilation: DilationClass;
  readonly padding: string;
  readonly channels: ChannelClass;
  readonly batch: BatchClass;
  /** The boundary ids the call hits (`shape.boundaries`), in declaration order; empty for none. */
  readonly boundaries: readonly BoundaryId[];
}

/** The cell's dimensions, in report order (the heat map's row groups). */
export const CELL_DIMENSIONS = ['kernel', 'stride', 'dilation', 'padding', 'channels', 'batch', 'boundaries'] as const;
export type CellDimension = (typeof CELL_DIMENSIONS)[number];

/** A square 1, 3, 5 or 7 kernel; any even extent; anything else (rectangular odd kernels included). */
export function kernelClass(axes: readonly ConfigurationAxis[]): KernelClass {
  if (axes.length === 0) return 'none';
  const k = axes[0]!.kernel;
  if (axes.every((a) => a.kernel === k) && (k === 1 || k === 3 || k === 5 || k === 7)) return String(k) as KernelClass;
  return axes.some((a) => a.kernel % 2 === 0) ? 'even' : 'other';
}

/** The largest stride of any axis; `none` where the operator has no stride. */
export function strideClass(axes: readonly ConfigurationAxis[]): StrideClass {
  if (axes.every((a) => a.stride === undefined)) return 'none';
  const s = Math.max(...axes.map((a) => a.stride ?? 1));
  return s === 1 ? '1' : s === 2 ? '2' : '>2';
}

export function dilationClass(axes: readonly ConfigurationAxis[]): DilationClass {
  if (axes.every((a) => a.dilation === undefined)) return 'none';
  return axes.some((a) => (a.dilation ?? 1) > 1) ? '>1' : '1';
}

export function channelClass(channels: number | undefined): ChannelClass {
  if (channels === undefined) return 'none';
  if (channels < 4) return '<4';
  return channels % 16 === 0 ? 'mult16' : channels % 8 === 0 ? 'mult8' : channels % 4 === 0 ? 'mult4' : channels % 3 === 0 ? 'mult3' : 'tail';
}

export function batchClass(batch: number | undefined): BatchClass {
  if (batch === undefined) return 'none';
  if (batch <= 2) return batch === 2 ? '2' : '1';
  return batch % 2 === 1 ? 'odd>=3' : 'even>=4';
}

/** One dimension's value of a cell as text: the class, or the boundary ids joined by `+` (`none` for none). */
export function cellValue(cell: CoverageCell, dimension: CellDimension): string {
  if (dimension === 'boundaries') return cell.boundaries.length === 0 ? 'none' : cell.boundaries.join('+');
  return cell[dimension];
}

/** The cell's identity, for counting: its values in dimension order. */
export function cellKey(cell: CoverageCell): string {
  return CELL_DIMENSIONS.map((d) => cellValue(cell, d)).join(' | ');
}

/**
 * The cell of a call, or null when its record has no configuration or the call is not valid (the error
 * properties' calls, which the shape module rejects: they exercise no cell).
 */
export function coverageCellOf(call: OperatorCall): CoverageCell | null {
  const record = operatorRecord(call.op);
  if (record.configuration === undefined) return null;
  try {
    const point = record.configuration(call);
    return {
      kernel: kernelClass(point.axes),
      stride: strideClass(point.axes),
      dilation: dilationClass(point.axes),
      padding: point.padding,
      channels: channelClass(point.channels),
      batch: batchClass(point.batch),
      boundaries: record.boundaries?.of(call) ?? [],
    };
  } catch (e) {
    if (e instanceof ConvkitError) return null;
    throw e;
  }
}
