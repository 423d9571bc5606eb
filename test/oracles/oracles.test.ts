/**
 * The independent oracles against values derived by hand (and the notes' corr2d example), so a wrong FFT
 * size, transform direction or im2col index shows here and not only as an oracle property disagreeing with
 * the reference.
 */
import { describe, expect, it } from 'vitest';
import { fftConvolution, fftSize } from '../../properties/oracles/fftConvolution.js';
import { channelMatrixProduct, im2colConvolution } from '../../properties/oracles/im2colConvolution.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';

const close = (actual: ArrayLike<number>, expected: readonly number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]!).toBeCloseTo(v, 12));
};

describe('fftConvolution (fft.js)', () => {
  it('full convolution of [[1,2],[3,4]] with a 2×2 box (by hand: each output sums the inputs under the box)', () => {
    close(fftConvolution([1, 2, 3, 4], 2, 2, [1, 1, 1, 1], 2, 2), [1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });

  it('a full size that is no power of two (1×5, padded to 8): [1,2,3,4] ∗ [1,−1] = [1,1,1,1,−4]', () => {
    expect(fftSize(1, 4, 1, 2)).toEqual({ P: 2, Q: 8 });
    close(fftConvolution([1, 2, 3, 4], 1, 4, [1, -1], 1, 2), [1, 1, 1, 1, -4]);
  });

  it('is convolution, not correlation: a shifted impulse kernel shifts the plane (by hand)', () => {
    // g = δ at (0, 1): (f ∗ g)[p, q] = f[p, q − 1].
    close(fftConvolution([5, 6, 7, 8], 2, 2, [0, 1], 1, 2), [0, 5, 6, 0, 7, 8]);
  });
});

describe('im2colConvolution and channelMatrixProduct (ml-matrix)', () => {
  it("the notes' corr2d example: X = 0…8 (3×3), K = [[0,1],[2,3]] gives [[19,25],[37,43]] (notes 000)", () => {
    const input = { shape: [1, 1, 3, 3], data: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]) };
    const weight = { shape: [1, 1, 2, 2], data: Float64Array.from([0, 1, 2, 3]) };
    const g = conv2dGeometry(input.shape, weight.shape, null, {});
    close(im2colConvolution(input, weight, null, g), [19, 25, 37, 43]);
  });

  it('stride 2 and padding 1 with a bias (by hand: the four corners of the padded window grid)', () => {
    const input = { shape: [1, 1, 2, 2], data: Float64Array.from([1, 2, 3, 4]) };
    const weight = { shape: [1, 1, 1, 1], data: Float64Array.from([10]) };
    const bias = { shape: [1], data: Float64Array.from([0.5]) };
    const g = conv2dGeometry(input.shape, weight.shape, bias.shape, { stride: [2, 2], padding: [1, 1] });
    // Output 2×2 at padded positions (0,0),(0,2),(2,0),(2,2) → inputs pad, pad, pad, x[1][1] = 4.
    close(im2colConvolution(input, weight, bias, g), [0.5, 0.5, 0.5, 40.5]);
  });

  it('a 1×1 convolution over two channels: [10, 100] · [[1,2],[3,4]] = [310, 420] (by hand)', () => {
    const input = { shape: [1, 2, 1, 2], data: Float64Array.from([1, 2, 3, 4]) };
    const weight = { shape: [1, 2, 1, 1], data: Float64Array.from([10, 100]) };
    close(channelMatrixProduct(input, weight), [310, 420]);
  });
});
