/**
 * The benchdnn-style descriptor parser and printer (spec/shape-descriptors.md). Goldens are written by hand from
 * the clauses' formulas (each case says which); the round trips are fast-check properties over valid records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors/convkitError.js';
import { descriptorCall } from '../../src/shape/descriptor/descriptorCall.js';
import { DescriptorError } from '../../src/shape/descriptor/descriptorError.js';
import { parseDescriptor } from '../../src/shape/descriptor/parseDescriptor.js';
import { printDescriptor } from '../../src/shape/descriptor/printDescriptor.js';
import { parseShapeFile, ShapeFileError } from '../../src/shape/descriptor/shapeFile.js';
import { descriptorArb, verboseSpelling } from './descriptorArbitrary.js';

describe('descriptor goldens (kit.descriptor.grammar, kit.descriptor.defaults, kit.descriptor.canonical)', () => {
  it("the issue's example: defaults filled, sh1 dropped from the canonical form", () => {
    const d = parseDescriptor('mb1ic64ih56oc64kh3sh1ph1 # resnet50 layer1 conv2');
    // By hand: ⌊(56 + 2 − 3)/1⌋ + 1 = 56; the width is the height's copy (square rule).
    const axis = { input: 56, output: 56, kernel: 3, stride: 1, padding: 1, dilation: 1 };
    expect(d).toEqual({ operator: 'conv2d', batch: 1, channels: 64, outChannels: 64, groups: 1, height: axis, width: axis, name: null, comment: 'resnet50 layer1 conv2' });
    expect(printDescriptor(d)).toBe('mb1ic64ih56oc64kh3ph1 # resnet50 layer1 conv2');
    expect(descriptorCall(d)).toEqual({ op: 'conv2d', inputShape: [1, 64, 56, 56], weightShape: [64, 64, 3, 3], biasShape: [64], outputShape: [1, 64, 56, 56],
      options: { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1, paddingMode: 'zeros' } });
  });

  it('benchdnn defaults: mb 2, g 1, no padding; the name loses its quotes', () => {
    const d = parseDescriptor('ic3ih5oc2kh3n"x:y"');
    expect([d.batch, d.groups, d.height.padding, d.height.output, d.name]).toEqual([2, 1, 0, 3, 'x:y']);
    expect(printDescriptor(d)).toBe('ic3ih5oc2kh3nx:y');
  });

  it("benchdnn's dh counts from 0: dh1 is convkit dilation 2, and a written oh sets the bottom padding (kit.descriptor.dilation, kit.descriptor.output)", () => {
    // benchdnn's own line (inputs/conv dilated_conv:11). By hand: e = 2·2 + 1 = 5, symmetric count ⌊(8 + 2 − 5)/2⌋ + 1 = 3 ≠ 4,
    // so bottom = (4 − 1)·2 − 8 + 5 − 1 = 2; the width (k3 s1 p1, no dilation) is symmetric: right = 1.
    const d = parseDescriptor('ic4ih8iw8oc6oh4ow8kh3kw3sh2sw1ph1pw1dh1dw0n"dilated_conv:11"');
    expect([d.height.dilation, d.width.dilation]).toEqual([2, 1]);
    expect(descriptorCall(d).options).toEqual({ stride: [2, 1], padding: { top: 1, bottom: 2, left: 1, right: 1 }, dilation: [2, 1], groups: 1, paddingMode: 'zeros' });
    expect(printDescriptor(d)).toBe('ic4ih8iw8oc6oh4kh3kw3sh2pw1dh1ndilated_conv:11');
  });

  it("benchdnn's resnet_50 max_pool1 deduces padding 0 and so reads as ceil mode (kit.descriptor.pool)", () => {
    // By hand: deduced ph = trunc(((56 − 1)·2 − 112 + 3)/2) = trunc(1/2) = 0; floor count ⌊109/2⌋ + 1 = 55, ceil count 56.
    const d = parseDescriptor('--pool --alg=MAX ic64_ih112oh56_kh3sh2n"resnet_50:max_pool1"');
    expect(descriptorCall(d)).toEqual({ op: 'maxPool2d', inputShape: [2, 64, 112, 112], outputShape: [2, 64, 56, 56],
      options: { kernelSize: [3, 3], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: true } });
    expect(printDescriptor(d)).toBe('--pool ic64ih112oh56kh3sh2nresnet_50:max_pool1');
  });

  it('avg_np is countIncludePad false; a pool stride defaults to 1, not to the kernel', () => {
    const d = parseDescriptor('--pool --alg=avg_np mb1ic7ih9kh3');
    expect(descriptorCall(d)).toEqual({ op: 'avgPool2d', inputShape: [1, 7, 9, 9], outputShape: [1, 7, 7, 7],
      options: { kernelSize: [3, 3], stride: [1, 1], padding: [0, 0], ceilMode: false, countIncludePad: false } });
  });

  it('deconv: a written oh is the output padding (convt.output-padding)', () => {
    // By hand: (7 − 1)·2 − 2·1 + 3 = 13, so oh14 asks for output padding 1.
    const d = parseDescriptor('--deconv mb3ic5ih7oc3oh14kh3sh2ph1');
    expect(descriptorCall(d)).toEqual({ op: 'convTranspose2d', inputShape: [3, 5, 7, 7], weightShape: [5, 3, 3, 3], biasShape: [3], outputShape: [3, 3, 14, 14],
      options: { stride: [2, 2], padding: [1, 1], outputPadding: [1, 1], dilation: [1, 1], groups: 1 } });
  });

  it('a width field makes the width stand alone: sw defaults to 1, not to sh (kit.descriptor.defaults)', () => {
    const d = parseDescriptor('ic3ih9iw9oc2kh3kw3sh2');
    expect([d.height.stride, d.width.stride, d.width.output]).toEqual([2, 1, 7]);
  });

  it('depthwise g = C with multiplier 2: weight [oc, 1, kh, kw]', () => {
    expect(descriptorCall(parseDescriptor('g5mb3ic5ih17oc10kh3ph1'))).toMatchObject({ weightShape: [10, 1, 3, 3], options: { groups: 5 } });
  });
});

describe('descriptor errors name the line, the field, its value and the rule', () => {
  const cases: [string, string, unknown, string][] = [
    ['ic3ih5kh3', 'oc', undefined, 'kit.descriptor.defaults'],
    ['ic3ih5oc2kh3pw1', 'iw', undefined, 'kit.descriptor.defaults'],
    ['ic3iw5oc2kw3', 'ih', undefined, 'kit.descriptor.defaults'],
    ['ic3ih5oc2kh3ph1ph2', 'ph', 2, 'kit.descriptor.grammar'],
    ['ic3ih5oc2kh3x1', 'field', 'x1', 'kit.descriptor.grammar'],
    ['ic3ih5oc2khx', 'kh', 'x', 'kit.descriptor.grammar'],
    ['ic3id5ih5oc2kh3', 'id', 5, 'kit.descriptor.grammar'],
    ['--pool g2ic4ih5kh3', 'g', 2, 'kit.descriptor.pool'],
    ['--pool ic3ih5kh3ph2', 'ph', 2, 'pool.padding.limit'],
    ['--pool --alg=avg_p ic3ih5kh3dh1', 'dh', 1, 'kit.descriptor.pool'],
    ['--pool --alg=sum ic3ih5kh3', '--alg', 'sum', 'kit.descriptor.pool'],
    ['--alg=max ic3ih5oc3kh3', '--alg', 'max', 'kit.descriptor.grammar'],
    ['--dir=BWD_D ic3ih5oc3kh3', 'option', '--dir=BWD_D', 'kit.descriptor.grammar'],
    ['ic3ih5oc3kh3 ic3ih5oc3kh3', 'descriptor', 'ic3ih5oc3kh3 ic3ih5oc3kh3', 'kit.descriptor.grammar'],
    ['g2ic3ih5oc4kh3', 'g', 2, 'conv.groups'],
    ['ic3ih2oc2kh5', 'oh', -2, 'shape.positive'],
    ['ic3ih9oc2oh3kh3', 'oh', 3, 'kit.descriptor.output'],
    ['--deconv ic3ih4oc2oh12kh3sh2ph1', 'oh', 12, 'convt.output-padding'],
    ['--pool ic3ih9oh2kh3sh2ph0', 'oh', 2, 'kit.descriptor.pool'],
    ['--pool ic3ih10iw10oh5ow6kh3kw3sh2sw2ph1pw1', 'oh', 5, 'kit.descriptor.pool'],
    ['ic3ih5oc2kh3na"b', 'n', 'a"b', 'kit.descriptor.grammar'],
  ];
  for (const [line, field, value, clause] of cases) {
    it(`${line}: ${field}`, () => {
      let error: unknown;
      try { parseDescriptor(line); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(DescriptorError);
      const e = error as DescriptorError;
      expect(e).toBeInstanceOf(ConvkitError);
      expect({ descriptor: e.descriptor, field: e.argument, value: e.value, clause: e.clause }).toEqual({ descriptor: line, field, value, clause });
      expect(e.message).toContain(`descriptor ${JSON.stringify(line)}: ${field}=`);
      expect(e.rule.length).toBeGreaterThan(5);
    });
  }

  it('a shape file error names the file and the 1-based line (kit.descriptor.file)', () => {
    const text = '# header\n\nmb1ic3ih5oc2kh3\n  # indented comment\nmb1ic3ih5oc2kh9\n';
    let error: unknown;
    try { parseShapeFile(text, 'my.txt'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ShapeFileError);
    expect({ path: (error as ShapeFileError).path, line: (error as ShapeFileError).line }).toEqual({ path: 'my.txt', line: 5 });
    expect((error as Error).message).toMatch(/^my\.txt:5: descriptor "mb1ic3ih5oc2kh9": oh=-3 /);
    expect(parseShapeFile(text.split('\n').slice(0, 4).join('\n'), 'ok.txt').map((e) => e.line)).toEqual([3]);
  });
});

describe('round trips (kit.descriptor.canonical)', () => {
  it('parse(print(r)) equals r for every valid record', () => {
    fc.assert(fc.property(descriptorArb, (d) => { expect(parseDescriptor(printDescriptor(d))).toEqual(d); }), { numRuns: 400, seed: 20261121 });
  });

  it('any spelling of a record (shuffled fields, written defaults, _, quotes) parses to it, and prints canonically', () => {
    const arb = fc.tuple(descriptorArb, fc.array(fc.nat(20), { minLength: 4, maxLength: 4 }), fc.boolean());
    fc.assert(fc.property(arb, ([d, order, upper]) => {
      const spelled = verboseSpelling(d, order, upper);
      const parsed = parseDescriptor(spelled);
      expect(parsed).toEqual(d);
      const canonical = printDescriptor(parsed);
      expect(printDescriptor(parseDescriptor(canonical))).toBe(canonical);
      expect(canonical.length).toBeLessThanOrEqual(spelled.trim().length);
    }), { numRuns: 300, seed: 20261122 });
  });
});
