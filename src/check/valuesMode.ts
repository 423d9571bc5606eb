/**
 * What values a run's cases carry (spec/numerics.md `num.values.exact`): `default`, the float32-exact values of
 * `num.float32-inputs`; `exact`, small integers filled so that direct sums are exact in the declared formats
 * (`num.values.exact.fill`), under which a direct implementation is judged bit for bit.
 */
export type ValuesMode = 'default' | 'exact';

export const VALUES_MODES: readonly ValuesMode[] = ['default', 'exact'];

export function isValuesMode(value: string): value is ValuesMode {
  return (VALUES_MODES as readonly string[]).includes(value);
}
