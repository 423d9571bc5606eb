/**
 * The stdio protocol's JSON is lossless for float64 (`kit.protocol.numbers`, `kit.protocol.tensors`): every
 * double — −0, subnormals, NaN, ±Infinity included — reads back bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWireJson, writeWireJson } from '../../src/stdio/wireJson.js';

const SPECIAL = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e-310, 5e-324, -5e-324, 0.1, 1 / 3, Number.MAX_VALUE, -Number.MIN_VALUE, 2 ** 53 + 2, 1e21, 123456789012345680000];

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('wire JSON', () => {
  it('writes −0 as -0.0 and the non-finite values as strings', () => {
    expect(writeWireJson({ data: new Float64Array([-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-310]) })).toBe('{"data":[-0.0,"NaN","Infinity","-Infinity",1e-310]}');
    expect(writeWireJson([1, undefined, null, 'reflect', true])).toBe('[1,null,null,"reflect",true]');
    expect(writeWireJson({ a: undefined, b: { c: -0 } })).toBe('{"b":{"c":-0.0}}');
  });

  it('round-trips special values exactly, in tensors and in options', () => {
    const message = readWireJson(writeWireJson({ t: { shape: [SPECIAL.length], data: Float64Array.from(SPECIAL) }, value: Number.NEGATIVE_INFINITY, mode: 'constant' })) as {
      t: { shape: number[]; data: Float64Array };
      value: number;
      mode: string;
    };
    expect(message.t.data).toBeInstanceOf(Float64Array);
    expect(sameBits(message.t.data, SPECIAL)).toBe(true);
    expect(message.value).toBe(Number.NEGATIVE_INFINITY);
    expect(message.mode).toBe('constant');
  });

  it('round-trips any double (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.double()), (values) => {
      const back = readWireJson(writeWireJson({ shape: [values.length], data: values })) as { data: Float64Array };
      return sameBits(back.data, values);
    }), { numRuns: 300 });
  });

  it('reads a float32 tensor into a Float32Array, and leaves a malformed one as it is', () => {
    expect((readWireJson('{"shape":[2],"data":[0.5,"-Infinity"],"dtype":"float32"}') as { data: unknown }).data).toEqual(new Float32Array([0.5, Number.NEGATIVE_INFINITY]));
    expect(readWireJson('{"shape":[2],"data":[1,"x"]}')).toEqual({ shape: [2], data: [1, 'x'] });
  });
});
