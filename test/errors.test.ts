/**
 * Every error rule of the reference, with its message (spec/errors.md, `err.typed`): each case names the
 * argument, the value and the clause the error must carry, and the exact message a user sees.
 */
import { describe, expect, it } from 'vitest';
import {
  ConvkitError, avgPool2d, conv2d, convTranspose2d, corr2d, maxPool2d, pad2d, reference, tensor, zeros, type Tensor,
} from '../src/index.js';
import { checkAdapterResult } from '../src/tensor/tensorData.js';

const x4 = zeros([1, 2, 5, 5]);
const w4 = zeros([3, 2, 3, 3]);

interface Case {
  readonly name: string;
  readonly run: () => unknown;
  readonly code: ConvkitError['code'];
  readonly clause: string;
  readonly message: string;
}

const cases: Case[] = [
  { name: 'conv2d input of rank 3', run: () => conv2d(zeros([2, 5, 5]), w4), code: 'E_RANK', clause: 'tensor.layout.nchw', message: 'conv2d: input.shape=[2,5,5] must have 4 dimensions (N, C, H, W) §tensor.layout.nchw' },
  { name: 'conv2d weight of rank 2', run: () => conv2d(x4, zeros([3, 3])), code: 'E_RANK', clause: 'tensor.layout.oihw', message: 'conv2d: weight.shape=[3,3] must have 4 dimensions (O, C/groups, kH, kW) §tensor.layout.oihw' },
  { name: 'a zero dimension', run: () => conv2d(zeros([1, 2, 0, 5]), w4), code: 'E_INTEGER', clause: 'tensor.shape.positive', message: 'conv2d: input.shape[2]=0 must be a positive integer §tensor.shape.positive' },
  { name: 'groups not dividing channels', run: () => conv2d(x4, zeros([3, 1, 3, 3]), null, { groups: 2 }), code: 'E_SHAPE', clause: 'conv.groups', message: 'conv2d: opts.groups=2 must divide both input channels (2) and output channels (3) §conv.groups' },
  { name: 'groups of 0', run: () => conv2d(x4, w4, null, { groups: 0 }), code: 'E_INTEGER', clause: 'conv.groups', message: 'conv2d: opts.groups=0 must be a positive integer §conv.groups' },
  { name: 'weight channels ≠ C/groups', run: () => conv2d(x4, zeros([3, 1, 3, 3])), code: 'E_SHAPE', clause: 'conv.channels', message: 'conv2d: weight.shape[1]=1 must equal input channels / groups = 2/1 §conv.channels' },
  { name: 'bias of the wrong length', run: () => conv2d(x4, w4, zeros([2])), code: 'E_SHAPE', clause: 'conv.bias', message: 'conv2d: bias.shape=[2] must be [3] (one per output channel) §conv.bias' },
  { name: 'stride 0', run: () => conv2d(x4, w4, null, { stride: 0 }), code: 'E_INTEGER', clause: 'conv.stride', message: 'conv2d: opts.stride=0 must be a positive integer §conv.stride' },
  { name: 'fractional stride in a pair', run: () => conv2d(x4, w4, null, { stride: [1, 1.5] }), code: 'E_INTEGER', clause: 'conv.stride', message: 'conv2d: opts.stride[1]=1.5 must be a positive integer §conv.stride' },
  { name: 'stride pair of length 3', run: () => conv2d(x4, w4, null, { stride: [1, 1, 1] as never }), code: 'E_OPTION', clause: 'conv.stride', message: 'conv2d: opts.stride=[1,1,1] must be an integer or a pair [height, width] §conv.stride' },
  { name: 'dilation 0', run: () => conv2d(x4, w4, null, { dilation: [0, 1] }), code: 'E_INTEGER', clause: 'conv.dilation', message: 'conv2d: opts.dilation[0]=0 must be a positive integer §conv.dilation' },
  { name: 'negative padding', run: () => conv2d(x4, w4, null, { padding: -1 }), code: 'E_INTEGER', clause: 'conv.padding.forms', message: 'conv2d: opts.padding=-1 must be an integer ≥ 0 §conv.padding.forms' },
  { name: 'negative side padding', run: () => conv2d(x4, w4, null, { padding: { top: 0, bottom: 0, left: -1, right: 0 } }), code: 'E_INTEGER', clause: 'conv.padding.forms', message: 'conv2d: opts.padding.left=-1 must be an integer ≥ 0 §conv.padding.forms' },
  { name: 'unknown padding string', run: () => conv2d(x4, w4, null, { padding: 'full' as never }), code: 'E_OPTION', clause: 'conv.padding.forms', message: `conv2d: opts.padding="full" must be an integer, [ph, pw], {top, bottom, left, right}, 'valid' or 'same' §conv.padding.forms` },
  { name: "'same' with stride 2", run: () => conv2d(x4, w4, null, { padding: 'same', stride: 2 }), code: 'E_OPTION', clause: 'conv.padding.same', message: 'conv2d: opts.padding="same" needs stride 1, got stride [2, 2] §conv.padding.same' },
  { name: 'unknown padding mode', run: () => conv2d(x4, w4, null, { paddingMode: 'mirror' as never }), code: 'E_OPTION', clause: 'conv.padding.mode', message: `conv2d: opts.paddingMode="mirror" must be one of 'zeros', 'reflect', 'replicate', 'circular' §conv.padding.mode` },
  { name: 'reflect padding as large as the input', run: () => conv2d(x4, w4, null, { padding: 5, paddingMode: 'reflect' }), code: 'E_OPTION', clause: 'pad.reflect.limit', message: "conv2d: opts.padding.top=5 must be < the padded axis' size 5 in reflect mode §pad.reflect.limit" },
  { name: 'kernel larger than the padded input', run: () => conv2d(x4, zeros([3, 2, 7, 3])), code: 'E_EMPTY', clause: 'shape.positive', message: 'conv2d: output height=-1 must be ≥ 1: padded height 5 < dilated kernel height 7 §shape.positive' },
  { name: 'convTranspose2d weight rows ≠ input channels', run: () => convTranspose2d(x4, zeros([3, 2, 3, 3])), code: 'E_SHAPE', clause: 'tensor.layout.transposed-weight', message: 'convTranspose2d: weight.shape[0]=3 must equal input channels 2 §tensor.layout.transposed-weight' },
  { name: 'convTranspose2d groups not dividing', run: () => convTranspose2d(zeros([1, 3, 2, 2]), zeros([3, 1, 2, 2]), null, { groups: 2 }), code: 'E_SHAPE', clause: 'convt.groups', message: 'convTranspose2d: opts.groups=2 must divide input channels (3) §convt.groups' },
  { name: 'convTranspose2d negative padding', run: () => convTranspose2d(x4, zeros([2, 1, 3, 3]), null, { padding: [0, -1] }), code: 'E_INTEGER', clause: 'convt.padding', message: 'convTranspose2d: opts.padding[1]=-1 must be an integer ≥ 0 §convt.padding' },
  { name: 'outputPadding ≥ max(stride, dilation)', run: () => convTranspose2d(x4, zeros([2, 1, 3, 3]), null, { stride: 2, outputPadding: 2 }), code: 'E_OPTION', clause: 'convt.output-padding', message: 'convTranspose2d: opts.outputPadding[0]=2 must be < max(stride, dilation) = 2 §convt.output-padding' },
  { name: 'convTranspose2d padding that removes everything', run: () => convTranspose2d(zeros([1, 1, 1, 1]), zeros([1, 1, 1, 1]), null, { padding: 1 }), code: 'E_EMPTY', clause: 'shape.positive', message: 'convTranspose2d: output height=-1 must be ≥ 1: padding 1 removes every row §shape.positive' },
  { name: 'pad2d of a vector', run: () => pad2d(zeros([4]), { top: 1, bottom: 1, left: 1, right: 1 }), code: 'E_RANK', clause: 'pad.shape', message: 'pad2d: input.shape=[4] must have at least 2 dimensions (…, H, W) §pad.shape' },
  { name: 'pad2d unknown mode', run: () => pad2d(zeros([3, 3]), { top: 1, bottom: 1, left: 1, right: 1 }, 'edge' as never), code: 'E_OPTION', clause: 'pad.mode', message: `pad2d: mode="edge" must be one of 'constant', 'reflect', 'replicate', 'circular' §pad.mode` },
  { name: 'pad2d fractional pad', run: () => pad2d(zeros([3, 3]), { top: 0.5, bottom: 1, left: 1, right: 1 }), code: 'E_INTEGER', clause: 'pad.shape', message: `pad2d: pads.top=0.5 must be an integer ≥ ${Number.MIN_SAFE_INTEGER} §pad.shape` },
  { name: 'pad2d reflect pad = size', run: () => pad2d(zeros([3, 4]), { top: 0, bottom: 0, left: 0, right: 4 }, 'reflect'), code: 'E_OPTION', clause: 'pad.reflect.limit', message: "pad2d: pads.right=4 must be < the padded axis' size 4 in reflect mode §pad.reflect.limit" },
  { name: 'pad2d circular pad > size', run: () => pad2d(zeros([3, 4]), { top: 4, bottom: 0, left: 0, right: 0 }, 'circular'), code: 'E_OPTION', clause: 'pad.circular.limit', message: "pad2d: pads.top=4 must be ≤ the padded axis' size 3 in circular mode §pad.circular.limit" },
  { name: 'pad2d cropping every row', run: () => pad2d(zeros([3, 4]), { top: -2, bottom: -1, left: 0, right: 0 }), code: 'E_EMPTY', clause: 'pad.negative', message: 'pad2d: cropped height=0 must be ≥ 1: negative pads crop all 3 rows §pad.negative' },
  { name: 'pad2d non-numeric value', run: () => pad2d(zeros([3, 4]), { top: 1, bottom: 0, left: 0, right: 0 }, 'constant', '0' as never), code: 'E_OPTION', clause: 'pad.constant', message: 'pad2d: value="0" must be a number §pad.constant' },
  { name: 'pool options missing altogether', run: () => maxPool2d(x4, undefined as never), code: 'E_OPTION', clause: 'pool.kernel', message: 'maxPool2d: opts=undefined must be an object with kernelSize §pool.kernel' },
  { name: 'conv2d options that are not an object', run: () => conv2d(x4, w4, null, 5 as never), code: 'E_OPTION', clause: 'conv.padding.forms', message: 'conv2d: opts=5 must be an options object (or absent) §conv.padding.forms' },
  { name: 'pad2d missing a side', run: () => pad2d(zeros([3, 3]), { top: 1 } as never), code: 'E_OPTION', clause: 'pad.shape', message: 'pad2d: pads.bottom=undefined is required (an integer; a negative pad crops) §pad.shape' },
  { name: 'pool without kernelSize', run: () => maxPool2d(x4, {} as never), code: 'E_INTEGER', clause: 'pool.kernel', message: 'maxPool2d: opts.kernelSize=NaN must be a positive integer §pool.kernel' },
  { name: 'pool stride 0', run: () => maxPool2d(x4, { kernelSize: 2, stride: 0 }), code: 'E_INTEGER', clause: 'pool.stride.default', message: 'maxPool2d: opts.stride=0 must be a positive integer §pool.stride.default' },
  { name: 'pool padding above half the kernel', run: () => avgPool2d(x4, { kernelSize: 3, padding: 2 }), code: 'E_OPTION', clause: 'pool.padding.limit', message: 'avgPool2d: opts.padding[0]=2 must be ≤ ⌊kernelSize/2⌋ = 1 §pool.padding.limit' },
  { name: 'pool padding limit uses the undilated kernel', run: () => maxPool2d(x4, { kernelSize: 2, padding: 2, dilation: 3 }), code: 'E_OPTION', clause: 'pool.padding.limit', message: 'maxPool2d: opts.padding[0]=2 must be ≤ ⌊kernelSize/2⌋ = 1 §pool.padding.limit' },
  { name: 'max-pool dilation 0', run: () => maxPool2d(x4, { kernelSize: 2, dilation: 0 }), code: 'E_INTEGER', clause: 'pool.max.dilation', message: 'maxPool2d: opts.dilation=0 must be a positive integer §pool.max.dilation' },
  { name: 'ceilMode not a boolean', run: () => maxPool2d(x4, { kernelSize: 2, ceilMode: 1 as never }), code: 'E_OPTION', clause: 'pool.ceil-mode', message: 'maxPool2d: opts.ceilMode=1 must be a boolean §pool.ceil-mode' },
  { name: 'countIncludePad not a boolean', run: () => avgPool2d(x4, { kernelSize: 2, countIncludePad: 'yes' as never }), code: 'E_OPTION', clause: 'pool.avg.count-include-pad', message: 'avgPool2d: opts.countIncludePad="yes" must be a boolean §pool.avg.count-include-pad' },
  { name: 'divisorOverride 0', run: () => avgPool2d(x4, { kernelSize: 2, divisorOverride: 0 }), code: 'E_INTEGER', clause: 'pool.avg.divisor-override', message: 'avgPool2d: opts.divisorOverride=0 must be a positive integer §pool.avg.divisor-override' },
  { name: 'pool window larger than the input', run: () => maxPool2d(x4, { kernelSize: 6, stride: 1 }), code: 'E_EMPTY', clause: 'shape.positive', message: 'maxPool2d: output height=0 must be ≥ 1: padded height 5 < dilated kernel height 6 §shape.positive' },
  { name: 'corr2d of a 3-D tensor', run: () => corr2d(zeros([1, 3, 3]), zeros([2, 2])), code: 'E_RANK', clause: 'corr.definition', message: 'corr2d: x.shape=[1,3,3] must have 2 dimensions (H, W) §corr.definition' },
  { name: 'corr2d kernel larger than x', run: () => corr2d(zeros([3, 3]), zeros([4, 1])), code: 'E_EMPTY', clause: 'corr.shape', message: 'corr2d: k.shape=[4,1] must fit inside x.shape [3, 3] §corr.shape' },
  { name: 'reference adapter given a short data array', run: () => reference.corr2d!({ shape: [2, 2], data: [1, 2, 3] }, { shape: [1, 1], data: [1] }), code: 'E_DATA', clause: 'tensor.data.length', message: 'corr2d: x={"shape":[2,2],"data":"Array(3)"} has 3 elements, but shape [2, 2] needs 4 §tensor.data.length' },
  { name: 'an adapter result of the wrong shape', run: () => checkAdapterResult({ shape: [2, 3], data: new Float64Array(6) }, 'conv2d', [3, 2]), code: 'E_ADAPTER', clause: 'err.adapter-result', message: 'conv2d: result.shape=[2,3] should be [3, 2] §err.adapter-result' },
  { name: 'an adapter result that is not a tensor', run: () => checkAdapterResult({ shape: [2], data: 'ab' }, 'pad2d', null), code: 'E_ADAPTER', clause: 'err.adapter-result', message: 'pad2d: result.data={"shape":[2],"data":"String(2)"} must be a Float32Array, Float64Array or number[] §err.adapter-result' },
  { name: 'a negative dimension in a contract tensor', run: () => reference.conv2d!({ shape: [1, 1, -1, 4], data: [] }, { shape: [1, 1, 1, 1], data: [1] }, null), code: 'E_DATA', clause: 'tensor.shape.positive', message: 'conv2d: input.shape[2]=-1 must be an integer ≥ 0 §tensor.shape.positive' },
  { name: 'a string among the data of a contract tensor', run: () => reference.corr2d!({ shape: [1, 2], data: [1, 'x' as never] }, { shape: [1, 1], data: [1] }), code: 'E_DATA', clause: 'tensor.data.type', message: 'corr2d: x.data[1]="x" must be a number (NaN and ±Infinity included) §tensor.data.type' },
];

describe('every invalid argument throws a ConvkitError naming argument, value, rule and clause (err.typed)', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.code} §${c.clause}`, () => {
      let thrown: unknown;
      try {
        c.run();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ConvkitError);
      const e = thrown as ConvkitError;
      expect({ code: e.code, clause: e.clause, message: e.message }).toEqual({ code: c.code, clause: c.clause, message: c.message });
    });
  }

  it('rejects instead of answering a garbage tensor: no case above returns (err.no-garbage)', () => {
    const answered = cases.filter((c) => {
      try {
        c.run();
        return true;
      } catch {
        return false;
      }
    });
    expect(answered.map((c) => c.name)).toEqual([]);
  });
});

describe('valid edge cases are answered, not rejected', () => {
  const one: Tensor = tensor([1, 1, 1, 1], [3]);
  it('ceil mode keeps one window larger than the input when it starts inside (pool.ceil-mode, shape.window.ceil)', () => {
    expect(avgPool2d(tensor([1, 1, 1, 2], [1, 3]), { kernelSize: [1, 3], ceilMode: true }).shape).toEqual([1, 1, 1, 1]);
  });
  it('a 1×1 input with a 1×1 kernel', () => {
    expect(Array.from(conv2d(one, tensor([1, 1, 1, 1], [2])).data)).toEqual([6]);
  });
});
