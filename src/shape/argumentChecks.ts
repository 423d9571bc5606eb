/**
 * Checks on scalar and pair arguments shared by every operator's geometry. Each failure is a ConvkitError
 * naming the argument, its value and the rule (spec/errors.md, `err.typed`).
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { Pair } from '../adapter/contract.js';

export interface IntegerRule {
  readonly min: number;
  readonly clause: string;
}

export function checkInteger(op: string, argument: string, value: unknown, rule: IntegerRule): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min) {
    throw new ConvkitError({
      code: 'E_INTEGER',
      op,
      argument,
      value,
      rule: rule.min === 1 ? 'must be a positive integer' : `must be an integer ≥ ${rule.min}`,
      clause: rule.clause,
    });
  }
  return value;
}

/** An int or an [h, w] pair, as PyTorch accepts for stride, padding, dilation and kernel size. */
export function checkPair(op: string, argument: string, value: Pair | undefined, fallback: Pair, rule: IntegerRule): [number, number] {
  const v = value ?? fallback;
  if (Array.isArray(v)) {
    if (v.length !== 2) {
      throw new ConvkitError({ code: 'E_OPTION', op, argument, value: v, rule: 'must be an integer or a pair [height, width]', clause: rule.clause });
    }
    return [checkInteger(op, `${argument}[0]`, v[0], rule), checkInteger(op, `${argument}[1]`, v[1], rule)];
  }
  const n = checkInteger(op, argument, v, rule);
  return [n, n];
}

export function checkRank(op: string, argument: string, shape: readonly number[], rank: number, layout: string, clause: string): void {
  if (shape.length !== rank) {
    throw new ConvkitError({ code: 'E_RANK', op, argument: `${argument}.shape`, value: shape, rule: `must have ${rank} dimensions (${layout})`, clause });
  }
  shape.forEach((d, i) => checkInteger(op, `${argument}.shape[${i}]`, d, { min: 1, clause: 'tensor.shape.positive' }));
}

export function checkOneOf<T extends string>(op: string, argument: string, value: unknown, allowed: readonly T[], clause: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument, value, rule: `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, clause });
  }
  return value as T;
}

export function checkOutputExtent(op: string, argument: string, value: number, detail: string, clause: string): number {
  if (value < 1) {
    throw new ConvkitError({ code: 'E_EMPTY', op, argument, value, rule: `must be ≥ 1: ${detail}`, clause });
  }
  return value;
}

/** A bias is null or one value per output channel (`conv.bias`), for conv2d and convTranspose2d alike. */
export function checkBias(op: string, biasShape: readonly number[] | null, outChannels: number): void {
  if (biasShape !== null && (biasShape.length !== 1 || biasShape[0] !== outChannels)) {
    throw new ConvkitError({ code: 'E_SHAPE', op, argument: 'bias.shape', value: biasShape, rule: `must be [${outChannels}] (one per output channel)`, clause: 'conv.bias' });
  }
}

/**
 * Optional options: absent or null (JSON has no undefined) mean all defaults; anything else but an object is
 * refused with the clause of the options' main rule.
 */
export function optionsObject<T extends object>(op: string, opts: T | null | undefined, clause: string): T {
  if (opts === undefined || opts === null) return {} as T;
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw new ConvkitError({ code: 'E_OPTION', op, argument: 'opts', value: opts, rule: 'must be an options object (or absent)', clause });
  }
  return opts;
}
