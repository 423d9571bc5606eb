/**
 * The vitest entry point used as a user would: the reference's conv2d checks pass as individual tests; a
 * broken adapter's known failure, declared in a baseline, runs as an expected failure (it.fails).
 */
import { describeConformance } from '../../src/kit/vitestEntry.js';
import { reference } from '../../src/index.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';

describeConformance(reference, { only: 'conv2d.', runs: 20, title: 'convkit/vitest on the reference' });

const flipped = brokenAdapters.find((b) => b.adapter.name === 'conv-kernel-flipped')!.adapter;
describeConformance(flipped, {
  only: 'conv2d.definition',
  runs: 20,
  title: 'convkit/vitest with a baseline: the flipped kernel is a known failure',
  baseline: { adapter: flipped.name, seed: 20261121, entries: [{ id: 'conv2d.definition', status: 'failed', reason: 'kernel rotated 180°' }] },
});
