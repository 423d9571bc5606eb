/**
 * The suite's two tiers. PyTorch is the model: its `@slowTest` cases run only when PYTORCH_TEST_WITH_SLOW=1, and its
 * CI sets it. Here `npm test` runs the quick tier (338 s wall on 2 cores in a fresh clone, 2026-12-07): every behaviour of the kit, each
 * proof on the default seed. `CONVKIT_TESTS=full npm test` adds what costs minutes and proves nothing new about the
 * kit's code paths: the web backends' gates (WebGL and WebGPU run on SwiftShader, a GPU emulated on the CPU: several
 * minutes each), the real libraries' gates at the default scale, the real-library deviation tests that start a GPU
 * runtime, and the proofs' second and third seeds. `.ci/run` sets it, so CI runs the full tier.
 *
 * A test left out of the quick tier is skipped with this reason in its name, never counted as passed.
 */
const VALUES = ['quick', 'full'] as const;

export function tierFromEnvironment(value: string | undefined): (typeof VALUES)[number] {
  if (value === undefined || value === '') return 'quick';
  if ((VALUES as readonly string[]).includes(value)) return value as (typeof VALUES)[number];
  throw new Error(`CONVKIT_TESTS=${JSON.stringify(value)}: the test tier must be one of ${VALUES.join(', ')} (unset means quick)`);
}

export const TIER = tierFromEnvironment(process.env['CONVKIT_TESTS']);

/** Whether the full tier runs (CONVKIT_TESTS=full). */
export const FULL_TIER = TIER === 'full';

/** The skip reason of a full-tier test in a quick run. */
export const FULL_TIER_ONLY = 'full tier only: CONVKIT_TESTS=full npm test (.ci/run sets it)';

/** A proof's seeds: all of them in the full tier, the first (the default seed) in the quick one. */
export function proofSeeds(seeds: readonly number[]): readonly number[] {
  return FULL_TIER ? seeds : seeds.slice(0, 1);
}

/** "on 3 seeds" / "on seed 20261121", for a test's title. */
export function onSeeds(seeds: readonly number[]): string {
  return seeds.length === 1 ? `on seed ${seeds[0]}` : `on ${seeds.length} seeds`;
}
