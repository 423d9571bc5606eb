/**
 * The adaptive-pooling windows (spec/pooling.md, `pool.adaptive.windows`) and outputSize checks
 * (`pool.adaptive.output-size`, `pool.adaptive.output-size.zero`): the spec's examples (confirmed with torch
 * 1.13), the consequences the clause states, for every n, m ≤ 40, and the errors' fields.
 */
import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors/convkitError.js';
import { adaptivePool2dGeometry, adaptiveWindow } from '../../src/shape/adaptivePool2dGeometry.js';

const windows = (n: number, m: number) => Array.from({ length: m }, (_, i) => adaptiveWindow({ size: n, outSize: m }, i)).map((w) => [w.start, w.end]);

describe('pool.adaptive.windows', () => {
  it('the examples of the clause (torch 1.13 gives the same windows)', () => {
    expect(windows(5, 3)).toEqual([[0, 2], [1, 4], [3, 5]]);
    expect(windows(7, 3)).toEqual([[0, 3], [2, 5], [4, 7]]);
    expect(windows(3, 7)).toEqual([[0, 1], [0, 1], [0, 2], [1, 2], [1, 3], [2, 3], [2, 3]]);
    expect(windows(4195, 4001).at(-1)).toEqual([4193, 4195]); // exact where a float32 bound would end at 4196
  });

  it('for every n, m ≤ 40: non-empty, covering, overlapping by at most one, at most ⌈n/m⌉ + 1 wide, kernel = stride = n/m when m divides n', () => {
    const broken: string[] = [];
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= 40; m++) {
        const w = windows(n, m);
        if (w[0]![0] !== 0 || w.at(-1)![1] !== n) broken.push(`${n}→${m}: does not cover [0, ${n})`);
        w.forEach(([s, e], i) => {
          if (e! - s! < 1 || e! - s! > Math.ceil(n / m) + 1) broken.push(`${n}→${m} window ${i}: [${s}, ${e})`);
          if (i > 0 && (w[i - 1]![1]! - s! < 0 || w[i - 1]![1]! - s! > 1)) broken.push(`${n}→${m} windows ${i - 1}, ${i}: a gap or an overlap > 1`);
          if (n % m === 0 && (s !== (i * n) / m || e !== ((i + 1) * n) / m)) broken.push(`${n}→${m} window ${i}: not kernel = stride = ${n / m}`);
        });
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('pool.adaptive.output-size', () => {
  const refusal = (outputSize: unknown) => {
    try {
      adaptivePool2dGeometry([1, 1, 4, 4], { outputSize } as never, 'adaptiveAvgPool2d');
    } catch (e) {
      return e as ConvkitError;
    }
    throw new Error(`outputSize ${JSON.stringify(outputSize)} was accepted`);
  };

  it('any size ≥ 1 is accepted, an int meaning both axes', () => {
    expect(adaptivePool2dGeometry([2, 3, 4, 5], { outputSize: 9 }, 'adaptiveMaxPool2d')).toEqual({ batch: 2, channels: 3, h: { size: 4, outSize: 9 }, w: { size: 5, outSize: 9 } });
    expect(adaptivePool2dGeometry([2, 3, 4, 5], { outputSize: [1, 2] }, 'adaptiveMaxPool2d').w).toEqual({ size: 5, outSize: 2 });
  });

  it('negative, fractional, missing or malformed sizes are refused with the argument, the value and the clause', () => {
    expect(refusal(-1)).toMatchObject({ code: 'E_INTEGER', argument: 'opts.outputSize', value: -1, clause: 'pool.adaptive.output-size' });
    expect(refusal([2, 2.5])).toMatchObject({ code: 'E_INTEGER', argument: 'opts.outputSize[1]', value: 2.5, clause: 'pool.adaptive.output-size' });
    expect(refusal(undefined)).toMatchObject({ code: 'E_INTEGER', argument: 'opts.outputSize', clause: 'pool.adaptive.output-size' });
    expect(refusal([3])).toMatchObject({ code: 'E_OPTION', argument: 'opts.outputSize', clause: 'pool.adaptive.output-size' });
    expect(refusal(-1).message).toBe('adaptiveAvgPool2d: opts.outputSize=-1 must be an integer ≥ 0 §pool.adaptive.output-size');
  });

  it('0 is an empty output: E_EMPTY citing pool.adaptive.output-size.zero', () => {
    expect(refusal(0)).toMatchObject({ code: 'E_EMPTY', argument: 'opts.outputSize', value: 0, clause: 'pool.adaptive.output-size.zero' });
    expect(refusal([2, 0])).toMatchObject({ code: 'E_EMPTY', argument: 'opts.outputSize[1]', clause: 'pool.adaptive.output-size.zero' });
  });

  it('the input must be NCHW', () => {
    expect(() => adaptivePool2dGeometry([4, 4], { outputSize: 2 }, 'adaptiveAvgPool2d')).toThrow(/input\.shape=\[4,4\] must have 4 dimensions .*§tensor\.layout\.nchw/);
  });
});
