/**
 * The contract's operators as ONNX graphs (opset 19): Conv (after a Pad node for reflect, replicate and
 * circular paddingMode), ConvTranspose, MaxPool, AveragePool and Pad, with the call's options as attributes.
 * Only option spelling happens here: contract defaults that differ from ONNX's are written out (pooling stride
 * = kernel, count_include_pad = 1), pads are ONNX's [top, left, bottom, right], 'same' is explicit pads split as SAME_UPPER.
 */
import type { AdaptivePool2dOptions, AvgPool2dOptions, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions, Pad2dMode, Pads, Pair } from '../../adapter/contract.js';
import type { AttributeValue, ElemType, OnnxGraph } from './onnxModel.js';
import { adaptivePool2dGeometry } from '../../shape/adaptivePool2dGeometry.js';

export const OPSET = 19;
/** int-or-pair options, read once in src/shape/pair.ts. */
export { pairOf as pair } from '../../shape/pair.js';
import { pairOf as pair } from '../../shape/pair.js';
const onnxPads = (p: Pads) => [p.top, p.left, p.bottom, p.right];
const PAD_MODE: Record<Pad2dMode, string> = { constant: 'constant', reflect: 'reflect', replicate: 'edge', circular: 'wrap' };

function convSides(o: Conv2dOptions): Pads | 'same' {
  const p = o.padding;
  if (p === undefined || p === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (p === 'same') return 'same';
  if (typeof p === 'object' && !Array.isArray(p)) return p;
  const [ph, pw] = pair(p as Pair, 0);
  return { top: ph, bottom: ph, left: pw, right: pw };
}

/** Sides of 'same': the total d(k − 1), the odd one after, as SAME_UPPER (`conv.padding.same.torch`). */
function sameSides(o: Conv2dOptions, kh: number, kw: number): Pads {
  const [dh, dw] = pair(o.dilation, 1);
  const th = dh * (kh - 1);
  const tw = dw * (kw - 1);
  return { top: Math.floor(th / 2), bottom: th - Math.floor(th / 2), left: Math.floor(tw / 2), right: tw - Math.floor(tw / 2) };
}

/** The graph and the extra inputs it needs besides X, W, B. */
export interface GraphCall {
  readonly graph: OnnxGraph;
  readonly extra: Readonly<Record<string, { type: ElemType; data: number[]; shape: number[] }>>;
}

export function conv2dGraph(type: ElemType, kh: number, kw: number, hasBias: boolean, o: Conv2dOptions = {}): GraphCall {
  const sides = convSides(o);
  const mode = o.paddingMode ?? 'zeros';
  const attrs: Record<string, AttributeValue> = {
    kernel_shape: [kh, kw],
    strides: pair(o.stride, 1),
    dilations: pair(o.dilation, 1),
    group: o.groups ?? 1,
  };
  const inputs = [{ name: 'X', type, rank: 4 }, { name: 'W', type, rank: 4 }, ...(hasBias ? [{ name: 'B', type, rank: 1 }] : [])];
  const convInputs = ['X', 'W', ...(hasBias ? ['B'] : [])];
  // 'same' is written as explicit pads (as torch.onnx exports it): ORT refuses auto_pad SAME_UPPER with
  // dilation ("Dilation not supported for AutoPadType::SAME_UPPER").
  const s = sides === 'same' ? sameSides(o, kh, kw) : sides;
  if (mode === 'zeros') {
    attrs['pads'] = onnxPads(s);
    return { graph: { opset: OPSET, inputs, output: { name: 'Y', type, rank: 4 }, nodes: [{ opType: 'Conv', inputs: convInputs, outputs: ['Y'], attributes: attrs }] }, extra: {} };
  }
  attrs['pads'] = [0, 0, 0, 0];
  return {
    graph: {
      opset: OPSET,
      inputs: [...inputs, { name: 'P', type: 'int64', rank: 1 }],
      output: { name: 'Y', type, rank: 4 },
      nodes: [
        { opType: 'Pad', inputs: ['X', 'P'], outputs: ['XP'], attributes: { mode: PAD_MODE[mode] } },
        { opType: 'Conv', inputs: ['XP', ...convInputs.slice(1)], outputs: ['Y'], attributes: attrs },
      ],
    },
    extra: { P: { type: 'int64', data: [0, 0, s.top, s.left, 0, 0, s.bottom, s.right], shape: [8] } },
  };
}

export function convTranspose2dGraph(type: ElemType, kh: number, kw: number, hasBias: boolean, o: ConvTranspose2dOptions = {}): GraphCall {
  const [ph, pw] = pair(o.padding, 0);
  const attrs: Record<string, AttributeValue> = {
    kernel_shape: [kh, kw],
    strides: pair(o.stride, 1),
    dilations: pair(o.dilation, 1),
    group: o.groups ?? 1,
    pads: [ph, pw, ph, pw],
    output_padding: pair(o.outputPadding, 0),
  };
  const inputs = [{ name: 'X', type, rank: 4 }, { name: 'W', type, rank: 4 }, ...(hasBias ? [{ name: 'B', type, rank: 1 }] : [])];
  return { graph: { opset: OPSET, inputs, output: { name: 'Y', type, rank: 4 }, nodes: [{ opType: 'ConvTranspose', inputs: inputs.map((i) => i.name), outputs: ['Y'], attributes: attrs }] }, extra: {} };
}

function poolGraph(type: ElemType, opType: string, attrs: Record<string, AttributeValue>): GraphCall {
  return { graph: { opset: OPSET, inputs: [{ name: 'X', type, rank: 4 }], output: { name: 'Y', type, rank: 4 }, nodes: [{ opType, inputs: ['X'], outputs: ['Y'], attributes: attrs }] }, extra: {} };
}

export function maxPool2dGraph(type: ElemType, o: MaxPool2dOptions): GraphCall {
  const k = pair(o.kernelSize, 1);
  const [ph, pw] = pair(o.padding, 0);
  return poolGraph(type, 'MaxPool', { kernel_shape: k, strides: o.stride === undefined ? k : pair(o.stride, 1), pads: [ph, pw, ph, pw], dilations: pair(o.dilation, 1), ceil_mode: o.ceilMode ? 1 : 0 });
}

export function avgPool2dGraph(type: ElemType, o: AvgPool2dOptions): GraphCall {
  if (o.divisorOverride !== undefined) throw new Error('ONNX AveragePool has no divisor override');
  const k = pair(o.kernelSize, 1);
  const [ph, pw] = pair(o.padding, 0);
  return poolGraph(type, 'AveragePool', {
    kernel_shape: k,
    strides: o.stride === undefined ? k : pair(o.stride, 1),
    pads: [ph, pw, ph, pw],
    ceil_mode: o.ceilMode ? 1 : 0,
    count_include_pad: (o.countIncludePad ?? true) ? 1 : 0,
  });
}

/**
 * Adaptive pooling has no ONNX operator. outputSize 1 × 1 is GlobalAveragePool / GlobalMaxPool; when m divides n
 * on both axes the windows are kernel = stride = n/m (`pool.adaptive.windows`), an AveragePool / MaxPool. (The
 * Global operators have no double kernel in onnxruntime-node 1.30: in float64, 1 × 1 is a MaxPool over the plane.) Uneven
 * windows cannot be expressed: the adapter declares `<op>.uneven` unsupported and refuses them. The call is
 * validated by convkit's own geometry first, so an invalid outputSize is refused with its clause.
 */
export function adaptivePool2dGraph(type: ElemType, op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d', inputShape: readonly number[], o: AdaptivePool2dOptions): GraphCall {
  const { h, w } = adaptivePool2dGeometry(inputShape, o, op);
  const kind = op === 'adaptiveAvgPool2d' ? 'Average' : 'Max';
  if (h.outSize === 1 && w.outSize === 1 && type === 'float32') return poolGraph(type, `Global${kind}Pool`, {});
  if (h.size % h.outSize !== 0 || w.size % w.outSize !== 0) {
    throw new Error(`ONNX has no adaptive pooling with uneven windows: [${h.size}, ${w.size}] to outputSize [${h.outSize}, ${w.outSize}] (feature ${op}.uneven)`);
  }
  const k = [h.size / h.outSize, w.size / w.outSize];
  return poolGraph(type, `${kind}Pool`, { kernel_shape: k, strides: k, pads: [0, 0, 0, 0] });
}

/** Pad on the last two axes of a rank-r input; ONNX pads are [x1_begin … xr_begin, x1_end … xr_end]. */
export function pad2dGraph(type: ElemType, rank: number, pads: Pads, mode: Pad2dMode, value: number): GraphCall {
  const lead = new Array<number>(rank - 2).fill(0);
  return {
    graph: {
      opset: OPSET,
      inputs: [{ name: 'X', type, rank }, { name: 'P', type: 'int64', rank: 1 }, ...(mode === 'constant' ? [{ name: 'V', type, rank: 0 }] : [])],
      output: { name: 'Y', type, rank },
      nodes: [{ opType: 'Pad', inputs: mode === 'constant' ? ['X', 'P', 'V'] : ['X', 'P'], outputs: ['Y'], attributes: { mode: PAD_MODE[mode] } }],
    },
    extra: {
      P: { type: 'int64', data: [...lead, pads.top, pads.left, ...lead, pads.bottom, pads.right], shape: [2 * rank] },
      ...(mode === 'constant' ? { V: { type, data: [value], shape: [] } } : {}),
    },
  };
}
