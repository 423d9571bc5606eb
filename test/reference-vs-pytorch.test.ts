/**
 * The reference against PyTorch (an independent implementation) over many random configurations of every
 * operator and option. Skipped, saying why, when python3-torch is not installed (.ci/run installs it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference } from '../src/index.js';
import type { TensorData } from '../src/adapter/contract.js';
import { runTorch, torchAvailable, type OracleCall } from './pytorch/torchOracle.js';

const hasTorch = torchAvailable();
if (!hasTorch) console.warn('reference-vs-pytorch: /usr/bin/python3 cannot import torch; install Debian python3-torch to run it');

const small = (max: number) => fc.integer({ min: 1, max });
const values = (n: number) => fc.array(fc.integer({ min: -8, max: 8 }).map((v) => v / 4), { minLength: n, maxLength: n });
const tensorOf = (shape: number[]) => values(shape.reduce((a, b) => a * b, 1)).map((data): TensorData => ({ shape, data }));

const conv2dCall: fc.Arbitrary<OracleCall> = fc
  .record({ n: small(2), g: small(2), cg: small(2), og: small(2), h: small(7), w: small(7), kh: small(3), kw: small(3), s: fc.tuple(small(3), small(3)), d: fc.tuple(small(2), small(2)), bias: fc.boolean(),
    padding: fc.oneof(fc.constant<unknown>('valid'), fc.constant<unknown>('same'), fc.integer({ min: 0, max: 2 }), fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      fc.record({ top: fc.integer({ min: 0, max: 2 }), bottom: fc.integer({ min: 0, max: 2 }), left: fc.integer({ min: 0, max: 2 }), right: fc.integer({ min: 0, max: 2 }) })),
    mode: fc.constantFrom('zeros', 'reflect', 'replicate', 'circular') })
  .chain((c) => {
    const stride = c.padding === 'same' ? [1, 1] : c.s;
    return fc.record({ input: tensorOf([c.n, c.g * c.cg, c.h + 2, c.w + 2]), weight: tensorOf([c.g * c.og, c.cg, c.kh, c.kw]), bias: c.bias ? tensorOf([c.g * c.og]) : fc.constant(null) })
      .map((inputs): OracleCall => ({ op: 'conv2d', inputs, options: { stride, padding: c.padding, dilation: c.d, groups: c.g, paddingMode: c.mode } }));
  });

const convTransposeCall: fc.Arbitrary<OracleCall> = fc
  .record({ n: small(2), g: small(2), cg: small(2), og: small(2), h: small(4), w: small(4), kh: small(3), kw: small(3), s: small(3), d: small(2), p: fc.integer({ min: 0, max: 2 }), op: fc.integer({ min: 0, max: 2 }), bias: fc.boolean() })
  .chain((c) => fc.record({ input: tensorOf([c.n, c.g * c.cg, c.h, c.w]), weight: tensorOf([c.g * c.cg, c.og, c.kh, c.kw]), bias: c.bias ? tensorOf([c.g * c.og]) : fc.constant(null) })
    .map((inputs): OracleCall => ({ op: 'convTranspose2d', inputs, options: { stride: c.s, padding: c.p, outputPadding: Math.min(c.op, Math.max(c.s, c.d) - 1), dilation: c.d, groups: c.g } })));

const pad2dCall: fc.Arbitrary<OracleCall> = fc
  .record({ h: small(5), w: small(5), mode: fc.constantFrom('constant', 'reflect', 'replicate', 'circular'), sides: fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 4, maxLength: 4 }), value: fc.constantFrom(0, 1.5, -2) })
  .chain((c) => tensorOf([1, 2, c.h, c.w]).map((input): OracleCall => ({ op: 'pad2d', inputs: { input }, options: { pads: { top: c.sides[0], bottom: c.sides[1], left: c.sides[2], right: c.sides[3] }, mode: c.mode, value: c.value } })));

const poolOptions = fc.record({ kh: small(3), kw: small(3), s: fc.option(fc.tuple(small(3), small(3)), { nil: undefined }), ph: fc.integer({ min: 0, max: 1 }), pw: fc.integer({ min: 0, max: 1 }), ceilMode: fc.boolean(), h: small(7), w: small(7) });
const maxPoolCall: fc.Arbitrary<OracleCall> = fc.record({ o: poolOptions, d: fc.tuple(small(3), small(3)) }).chain(({ o, d }) =>
  tensorOf([1, 2, o.h, o.w]).map((input): OracleCall => ({ op: 'maxPool2d', inputs: { input }, options: { kernelSize: [o.kh, o.kw], stride: o.s, padding: [Math.min(o.ph, o.kh >> 1), Math.min(o.pw, o.kw >> 1)], dilation: d, ceilMode: o.ceilMode } })));
const avgPoolCall: fc.Arbitrary<OracleCall> = fc.record({ o: poolOptions, cip: fc.boolean(), div: fc.option(small(5), { nil: undefined }) }).chain(({ o, cip, div }) =>
  tensorOf([1, 2, o.h, o.w]).map((input): OracleCall => ({ op: 'avgPool2d', inputs: { input }, options: { kernelSize: [o.kh, o.kw], stride: o.s, padding: [Math.min(o.ph, o.kh >> 1), Math.min(o.pw, o.kw >> 1)], ceilMode: o.ceilMode, countIncludePad: cip, divisorOverride: div } })));

// Adaptive pooling: outputs smaller, equal and larger than the input, as an int or a pair, sometimes 0 or −1
// (`pool.adaptive.output-size`); values sometimes NaN or ±∞ (`pool.adaptive.max`: a NaN wins).
const specialValues = (n: number) => fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -8, max: 8 }).map((v) => v / 4) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) }), { minLength: n, maxLength: n });
const outputExtent = fc.oneof({ weight: 12, arbitrary: small(10) }, { weight: 1, arbitrary: fc.constantFrom(0, -1) });
const adaptiveCall = (op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d'): fc.Arbitrary<OracleCall> =>
  fc.record({ n: small(2), c: small(2), h: small(9), w: small(9), size: fc.oneof(outputExtent, fc.tuple(outputExtent, outputExtent)) }).chain((o) =>
    specialValues(o.n * o.c * o.h * o.w).map((data): OracleCall => ({ op, inputs: { input: { shape: [o.n, o.c, o.h, o.w], data } }, options: { outputSize: o.size } })));

async function callReference(call: OracleCall): Promise<TensorData> {
  const i = call.inputs;
  const o = call.options as never;
  switch (call.op) {
    case 'conv2d': return reference.conv2d!(i.input!, i.weight!, i.bias ?? null, o);
    case 'convTranspose2d': return reference.convTranspose2d!(i.input!, i.weight!, i.bias ?? null, o);
    case 'pad2d': { const p = call.options as { pads: never; mode: never; value: number }; return reference.pad2d!(i.input!, p.pads, p.mode, p.value); }
    case 'maxPool2d': return reference.maxPool2d!(i.input!, o);
    case 'avgPool2d': return reference.avgPool2d!(i.input!, o);
    case 'adaptiveAvgPool2d': return reference.adaptiveAvgPool2d!(i.input!, o);
    case 'adaptiveMaxPool2d': return reference.adaptiveMaxPool2d!(i.input!, o);
  }
}

describe.skipIf(!hasTorch)('reference agrees with PyTorch 1.13 in float64 (conv.definition, convt.definition, pad.mode, pool.max.definition, pool.avg.definition, pool.adaptive.avg, pool.adaptive.max)', () => {
  const cases: [string, fc.Arbitrary<OracleCall>, number][] = [['conv2d', conv2dCall, 300], ['convTranspose2d', convTransposeCall, 300], ['pad2d', pad2dCall, 300], ['maxPool2d', maxPoolCall, 300], ['avgPool2d', avgPoolCall, 300],
    ['adaptiveAvgPool2d', adaptiveCall('adaptiveAvgPool2d'), 150], ['adaptiveMaxPool2d', adaptiveCall('adaptiveMaxPool2d'), 150]];
  for (const [name, arb, count] of cases) {
    it(`${name}: ${count} random configurations; both accept or both reject, and accepted outputs agree`, async () => {
      const calls = fc.sample(arb, { numRuns: count, seed: 20261121 });
      const answers = runTorch(calls);
      const mismatches: string[] = [];
      for (const [k, call] of calls.entries()) {
        const torch = answers[k]!;
        let ours: TensorData | Error;
        try { ours = await callReference(call); } catch (e) { ours = e as Error; }
        const describe = () => JSON.stringify({ op: call.op, options: call.options, shapes: Object.fromEntries(Object.entries(call.inputs).map(([n, t]) => [n, t?.shape])) });
        // shape.positive: convkit rejects an empty output where PyTorch answers an empty tensor.
        if (ours instanceof Error && (ours as { code?: string }).code === 'E_EMPTY' && !('error' in torch) && torch.data.length === 0) continue;
        // pad.negative: convkit crops first and checks reflect/circular limits against the kept size; PyTorch's
        // reflect/replicate kernels index the uncropped input and so answer some configurations convkit rejects.
        if (ours instanceof Error && call.op === 'pad2d' && !('error' in torch) && Object.values((call.options as { pads: Record<string, number> }).pads).some((v) => v < 0)
          && ['pad.negative', 'pad.reflect.limit', 'pad.circular.limit'].includes((ours as { clause?: string }).clause ?? '')) continue;
        if ('error' in torch || ours instanceof Error) {
          if (!('error' in torch && ours instanceof Error)) mismatches.push(`${describe()}: torch ${'error' in torch ? torch.error : 'answered'}, reference ${ours instanceof Error ? ours.message : 'answered'}`);
          continue;
        }
        if (JSON.stringify(ours.shape) !== JSON.stringify(torch.shape)) { mismatches.push(`${describe()}: shape ${JSON.stringify(ours.shape)} vs torch ${JSON.stringify(torch.shape)}`); continue; }
        const bad = Array.from(ours.data).findIndex((v, e) => !(Object.is(v, torch.data[e]) || Math.abs(v - torch.data[e]!) <= 1e-12 * (1 + Math.abs(v))));
        if (bad >= 0) mismatches.push(`${describe()}: element ${bad} = ${ours.data[bad]}, torch ${torch.data[bad]}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  }
});
