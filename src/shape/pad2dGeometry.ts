/**
 * Validates pad2d's arguments and computes its output shape (spec/padding.md). A negative pad crops
 * (`pad.negative`) and cropping happens first: the positive pads then extend the cropped tensor, so reflect and
 * circular read only kept elements. That is ONNX Pad's reference (slice, then pad) and what PyTorch's
 * constant_pad_nd (narrow, then pad) and circular pad compute.
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { Pad2dMode, Pads, PaddingMode } from '../adapter/contract.js';
import { checkInteger, checkOneOf, checkOutputExtent } from './argumentChecks.js';

const PAD_MODES = ['constant', 'reflect', 'replicate', 'circular'] as const;

export interface Pad2dGeometry {
  readonly outerShape: readonly number[];
  readonly height: number;
  readonly width: number;
  readonly pads: Pads;
  readonly mode: Pad2dMode;
  /** The region kept after negative pads crop: rows [cropTop, cropTop + keptH), columns likewise. */
  readonly cropTop: number;
  readonly cropLeft: number;
  readonly keptH: number;
  readonly keptW: number;
  readonly outH: number;
  readonly outW: number;
}

export function pad2dGeometry(inputShape: readonly number[], pads: Pads, mode: Pad2dMode, op = 'pad2d'): Pad2dGeometry {
  if (inputShape.length < 2) {
    throw new ConvkitError({ code: 'E_RANK', op, argument: 'input.shape', value: inputShape, rule: 'must have at least 2 dimensions (…, H, W)', clause: 'pad.shape' });
  }
  inputShape.forEach((d, i) => checkInteger(op, `input.shape[${i}]`, d, { min: 1, clause: 'tensor.shape.positive' }));
  checkOneOf(op, 'mode', mode, PAD_MODES, 'pad.mode');
  if (typeof pads !== 'object' || pads === null) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'pads', value: pads, rule: 'must be {top, bottom, left, right}', clause: 'pad.shape' });
  }
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    if (pads[side] === undefined) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument: `pads.${side}`, value: undefined, rule: 'is required (an integer; a negative pad crops)', clause: 'pad.shape' });
    }
  }
  const rule = { min: Number.MIN_SAFE_INTEGER, clause: 'pad.shape' };
  const resolved: Pads = {
    top: checkInteger(op, 'pads.top', pads.top, rule),
    bottom: checkInteger(op, 'pads.bottom', pads.bottom, rule),
    left: checkInteger(op, 'pads.left', pads.left, rule),
    right: checkInteger(op, 'pads.right', pads.right, rule),
  };
  const height = inputShape[inputShape.length - 2]!;
  const width = inputShape[inputShape.length - 1]!;
  const cropTop = Math.max(0, -resolved.top);
  const cropLeft = Math.max(0, -resolved.left);
  const keptH = checkOutputExtent(op, 'cropped height', height - cropTop - Math.max(0, -resolved.bottom), `negative pads crop all ${height} rows`, 'pad.negative');
  const keptW = checkOutputExtent(op, 'cropped width', width - cropLeft - Math.max(0, -resolved.right), `negative pads crop all ${width} columns`, 'pad.negative');
  checkPadLimits(op, 'pads', [keptH, keptW], resolved, mode);
  const outH = checkOutputExtent(op, 'output height', height + resolved.top + resolved.bottom, `height ${height} + top ${resolved.top} + bottom ${resolved.bottom}`, 'pad.shape');
  const outW = checkOutputExtent(op, 'output width', width + resolved.left + resolved.right, `width ${width} + left ${resolved.left} + right ${resolved.right}`, 'pad.shape');
  return { outerShape: inputShape.slice(0, -2), height, width, pads: resolved, mode, cropTop, cropLeft, keptH, keptW, outH, outW };
}

/**
 * reflect: every positive pad < the size of its axis (`pad.reflect.limit`); circular: ≤ the size
 * (`pad.circular.limit`). PyTorch checks the same (aten/src/ATen/native/ReflectionPad.cpp: "Padding size
 * should be less than the corresponding input dimension"; PadNd.cpp for circular). constant and replicate
 * have no limit.
 */
export function checkPadLimits(op: string, argument: string, [height, width]: [number, number], pads: Pads, mode: Pad2dMode | 'zeros'): void {
  if (mode !== 'reflect' && mode !== 'circular') return;
  const sides: [keyof Pads, number][] = [['top', height], ['bottom', height], ['left', width], ['right', width]];
  for (const [side, size] of sides) {
    const p = pads[side];
    const ok = mode === 'reflect' ? p < size : p <= size;
    if (!ok) {
      throw new ConvkitError({
        code: 'E_OPTION', op, argument: `${argument}.${side}`, value: p,
        rule: mode === 'reflect' ? `must be < the padded axis' size ${size} in reflect mode` : `must be ≤ the padded axis' size ${size} in circular mode`,
        clause: mode === 'reflect' ? 'pad.reflect.limit' : 'pad.circular.limit',
      });
    }
  }
}

export function pad2dOutputShape(g: Pad2dGeometry): number[] {
  return [...g.outerShape, g.outH, g.outW];
}

/**
 * conv2d's padding mode as the pad2d mode that pads the same way: PyTorch names zero padding 'zeros' in
 * conv2d (`conv.padding.mode`) and 'constant' (value 0) in F.pad (`pad.constant`). The one translation.
 */
export function pad2dModeOf(paddingMode: PaddingMode): Pad2dMode {
  return paddingMode === 'zeros' ? 'constant' : paddingMode;
}
