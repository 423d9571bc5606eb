/** Conventions of memory layout: HWIO weights, NHWC data (spec/conventions.md; the contract is OIHW and NCHW, `tensor.layout.*`). */
import type { TensorData } from '../../adapter/contract.js';
import type { OperatorCall } from '../../adapter/operatorCall.js';
import { operatorRecord } from '../../operators/index.js';
import { tensor } from '../../tensor/tensor.js';
import { rewrittenForward, type Convention } from '../convention.js';

/** The [A, B, C, D] tensor whose row-major data is read in the order `order` of its axes (a permuted layout). */
function readAs(t: TensorData, order: readonly [number, number, number, number]): TensorData {
  const shape = t.shape as [number, number, number, number];
  const stored = order.map((a) => shape[a]!);
  const data = new Array<number>(t.data.length);
  const index = [0, 0, 0, 0];
  for (let flat = 0; flat < data.length; flat++) {
    let rest = flat;
    for (let a = 3; a >= 0; a--) { index[a] = rest % shape[a]!; rest = Math.floor(rest / shape[a]!); }
    let at = 0;
    for (let s = 0; s < 4; s++) at = at * stored[s]! + index[order[s]!]!;
    data[flat] = t.data[at]!;
  }
  return { shape: [...shape], data };
}

export const weightsHwio: Convention = {
  id: 'weights-hwio',
  title: "conv2d reads the weight's data as HWIO (TensorFlow's filter layout) instead of OIHW",
  source: 'TensorFlow tf.nn.conv2d docs (filters of shape [filter_height, filter_width, in_channels, out_channels]); tfjs conv2d; PyTorch weight (out_channels, in_channels/groups, kH, kW)',
  methods: ['conv2d'],
  answer: rewrittenForward((call) => {
    const w = call.inputs['weight']!;
    if (w.shape[0] === 1 && w.shape[1] === 1) return null; // one channel each way: HWIO and OIHW are the same bytes
    return { ...call, inputs: { ...call.inputs, weight: readAs(w, [2, 3, 1, 0]) } };
  }),
};

/** The NCHW tensor written in NHWC order (its shape label kept NCHW), as an NHWC implementation returns it. */
function writtenNhwc(t: { shape: number[]; data: ArrayLike<number> }): ReturnType<typeof tensor> {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const out = tensor(t.shape);
  for (let a = 0; a < n; a++) for (let b = 0; b < c; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.data[((a * h + y) * w + x) * c + b] = t.data[((a * c + b) * h + y) * w + x]!;
  return out;
}

export const nhwcData: Convention = {
  id: 'nhwc-data',
  title: 'the input is read, and the output written, channels-last (NHWC: TensorFlow\'s default data_format) instead of NCHW',
  source: 'TensorFlow tf.nn.conv2d / tf.nn.max_pool2d data_format "NHWC" (default); tfjs tensors are NHWC; PyTorch torch.nn.Conv2d input (N, C, H, W)',
  methods: ['conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d', 'adaptiveMaxPool2d'],
  answer: (call: OperatorCall) => {
    const x = call.inputs['input']!;
    if (x.shape.length !== 4) return null;
    const output = operatorRecord(call.op).reference({ ...call, inputs: { ...call.inputs, input: readAs(x, [0, 2, 3, 1]) } });
    // One channel in and out: both layouts are the same bytes.
    if (x.shape[1] === 1 && output.shape[1] === 1) return null;
    return { output: writtenNhwc(output) };
  },
};
