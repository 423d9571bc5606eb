/**
 * The shape-corpus checks (spec/shape-descriptors.md, `kit.descriptor.check`, `kit.descriptor.run`): a user's
 * shape list (`--shapes`) catches the realistic-kernel bugs of test/adapters/scaleBrokenAdapters.ts on the
 * descriptor each bug needs and passes them on the tiny one; the failure is a CheckResult whose id is the
 * descriptor and whose replay command rebuilds it; the corpus sample is fixed and shrunk.
 */
import { describe, expect, it } from 'vitest';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { replayCommand } from '../../src/kit/report/replayCommand.js';
import { runConformance } from '../../src/kit/runConformance.js';
import { SAMPLE_SCALE, SAMPLE_SIZE, shapeDescriptors } from '../../src/kit/shapeChecks.js';
import { parseShapeFile, ShapeFileError } from '../../src/shape/descriptor/shapeFile.js';
import { shapeCorpusPropertyFromId } from '../../properties/generic/shapeCorpusProperty.js';
import { scaleBrokenAdapters } from '../adapters/scaleBrokenAdapters.js';
import { userShapes } from '../../src/cli/commands/runCommand.js';

const shapesOf = (lines: string[]) => parseShapeFile(lines.join('\n'), 'test.txt');
const run = (adapter: Parameters<typeof runConformance>[0], lines: string[]) => runConformance(adapter, { fixtures: [], properties: [], shapes: shapesOf(lines) });

// The bugs a descriptor shows with ordinary values: the NaN ones need a NaN the uniform values never draw.
const byValues = scaleBrokenAdapters.filter((b) => 'descriptor' in b.shows && 'descriptor' in b.tiny && b.shows.nan !== true);

describe('--shapes checks the listed descriptors against the reference (kit.descriptor.check)', () => {
  it('the reference passes, one check per distinct line, ids are the canonical descriptors', async () => {
    const report = await run(reference, ['mb1ic5ih1oc1kh1 # tail', 'ic5ih1oc1kh1mb1', '--pool mb1ic3ih5kh3', '--deconv mb1ic2ih3oc2kh4sh2ph1']);
    expect(report.checks.map((c) => [c.id, c.operator, c.family, c.status])).toEqual([
      ['shapes/mb1ic5ih1oc1kh1', 'conv2d', 'definition', 'passed'],
      ['shapes/--pool mb1ic3ih5kh3', 'max-pool2d', 'definition', 'passed'],
      ['shapes/--deconv mb1ic2ih3oc2kh4sh2ph1', 'conv-transpose2d', 'definition', 'passed'],
    ]);
  });

  it.each(byValues.map((b) => [b.adapter.name, b] as const))('%s: caught on its `shows` descriptor, not on its tiny one', async (_name, b) => {
    const shows = (b.shows as { descriptor: string }).descriptor;
    const tiny = (b.tiny as { descriptor: string }).descriptor;
    const report = await run(b.adapter, [tiny, shows]);
    const [onTiny, onShows] = report.checks;
    expect(onTiny!.status).toBe('passed');
    expect(onShows).toMatchObject({ status: 'failed', kind: 'property', family: 'definition' });
    expect(onShows!.brokenClause).toMatch(/definition$/);
    expect(onShows!.message).toContain(shapeCorpusPropertyFromId(onShows!.id)!.id.slice('shapes/'.length));
    expect(onShows!.replay?.runSeed).toBe(report.seed);
  });

  it('a failure replays from its id alone: the replay command names the descriptor, and replaying fails the same way', async () => {
    const tail = scaleBrokenAdapters.find((b) => b.adapter.name === 'conv-channel-tail-dropped')!;
    const [failed] = (await run(tail.adapter, ['mb1ic5ih1oc1kh1'])).checks;
    expect(replayCommand(failed!, 'x.js')).toBe(`convkit replay shapes/mb1ic5ih1oc1kh1 --adapter x.js --seed ${failed!.replay!.runSeed} --path ${failed!.replay!.path}`);
    const again = await checkProperty(tail.adapter, shapeCorpusPropertyFromId(failed!.id)!, { seed: failed!.replay!.runSeed, runs: 100, path: failed!.replay!.path! });
    expect(again.status).toBe('failed');
    expect(again.message).toBe(failed!.message);
    expect(again.counterexample).toEqual(failed!.counterexample);
  });

  it('a bad line is an error naming the file, the line and the rule', () => {
    expect(() => shapesOf(['mb1ic5ih1oc1kh1', '', 'mb1ic5ih1oc1kh9'])).toThrow(ShapeFileError);
    expect(() => userShapes('/nonexistent/shapes.txt')).toThrow(/^--shapes \/nonexistent\/shapes\.txt:0: ENOENT/);
    expect(() => shapesOf(['mb1ic5ih1oc1kh9'])).toThrow('test.txt:1: descriptor "mb1ic5ih1oc1kh9": oh=-7 must be a positive integer §shape.positive');
  });
});

describe('the corpus at each scale (kit.descriptor.run)', () => {
  it('default: a fixed, seed-independent sample of every operator, shrunk; small: one per operator; large: every member as written', () => {
    const sample = shapeDescriptors('default');
    const ops = ['conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d'];
    for (const op of ops) expect(sample.filter((d) => d.operator === op)).toHaveLength(SAMPLE_SIZE.default);
    for (const d of sample) {
      expect(d.batch).toBeLessThanOrEqual(SAMPLE_SCALE.maxBatch);
      expect(Math.max(d.height.input, d.width.input)).toBeLessThanOrEqual(SAMPLE_SCALE.maxSpatial);
    }
    expect(shapeDescriptors('small').map((d) => d.operator)).toEqual(ops);
    const large = shapeDescriptors('large');
    // 180 distinct lines in shapes/*.txt (counted with the loader; the files hold 248 lines with comments).
    expect(large.length).toBeGreaterThan(150);
    expect(large.some((d) => d.height.input === 224)).toBe(true);
  });
});
