/**
 * `convkit replay <check>`: re-runs exactly one recorded failing case (run seed + fast-check path) and prints
 * it; `convkit explore <check>`: hunts harder, with many runs of one property.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { CheckResult } from '../../check/checkResult.js';
import { checkFixture } from '../../golden/checkFixture.js';
import { shippedFixtures } from '../../golden/loadFixtures.js';
import { checkProperty } from '../../kit/checkProperty.js';
import { formatConsoleReport } from '../../kit/report/consoleReport.js';
import { DEFAULT_SEED } from '../../kit/runConformance.js';
import { catalogue } from '../../../properties/catalogue.js';
import { shapeCorpusPropertyFromId } from '../../../properties/generic/shapeCorpusProperty.js';
import type { Property } from '../../../properties/property.js';
import { loadAdapter, UsageError } from '../loadAdapter.js';
import { SEED_MAX, SEED_MIN, integerOption, adapterLoadOptions, scaleOption, valuesOption, withAdapterOptions } from '../options.js';
import type { Scale } from '../../shape/scale.js';
import type { ValuesMode } from '../../check/valuesMode.js';
import { userFixtures } from './runCommand.js';

/** fast-check's replay path: non-negative integers joined by colons (`0:3:1`), as a failure prints it. */
export function pathOption(value: string): string {
  if (!/^\d+(:\d+)*$/.test(value)) throw new InvalidArgumentError(`--path must be fast-check's replay path, integers joined by ':' as a failure prints it (e.g. 0:3:1), got "${value}"`);
  return value;
}

async function runOne(check: string, flags: { adapter: string; timeout: number; seed: number; runs: number; scale: Scale; values: ValuesMode; path?: string; fixtures?: string }): Promise<void> {
  const adapter = await loadAdapter(flags.adapter, adapterLoadOptions(flags));
  try {
    let result: CheckResult;
    let runs = flags.runs;
    if (check.startsWith('golden/')) {
      const fixture = [...shippedFixtures(), ...userFixtures(flags.fixtures)].find((f) => `golden/${f.id}` === check);
      if (!fixture) throw new UsageError(`no fixture ${check} (see \`convkit list\`)`);
      result = await checkFixture(adapter, fixture);
    } else {
      const property = catalogue.find((p) => p.id === check) ?? shapeCheck(check);
      if (!property) throw new UsageError(`no check ${check} (see \`convkit list\`)`);
      // An expensive property caps its cases (maxRuns): say so, and report the runs really made.
      runs = Math.min(flags.runs, property.maxRuns ?? flags.runs);
      if (flags.path === undefined && runs < flags.runs) console.log(`${check}: at most ${runs} cases (the property's maxRuns), not the ${flags.runs} asked for`);
      result = await checkProperty(adapter, property, { seed: flags.seed, runs, scale: flags.scale, values: flags.values, ...(flags.path !== undefined ? { path: flags.path } : {}) });
    }
    const report = { adapter: adapter.name, dtype: adapter.dtype, seed: flags.seed, runs, checks: [result] };
    console.log(formatConsoleReport(report, undefined, { adapterSpec: flags.adapter }));
    if (result.status === 'passed' && flags.path !== undefined) {
      console.log(`replay: the recorded failure is gone — ${check} passes on the case at seed ${flags.seed}, path ${flags.path} (fixed, or the adapter or convkit changed since it was recorded)`);
    }
    process.exitCode = result.status === 'failed' || result.status === 'error' ? 1 : 0;
  } finally {
    await adapter.close?.();
  }
}

/** A `shapes/<descriptor>` id names its own check (`kit.descriptor.check`); a bad descriptor is a usage error. */
function shapeCheck(check: string): Property | undefined {
  try {
    return shapeCorpusPropertyFromId(check) ?? undefined;
  } catch (e) {
    throw new UsageError(`${check}: ${(e as Error).message}`);
  }
}

export function registerReplay(program: Command): void {
  withAdapterOptions(
    program.command('replay <check>').description('re-run exactly one failing case and print it'),
    'the adapter the case failed on',
  )
    .option('--seed <n>', 'the run seed of the failing run', integerOption('--seed', SEED_MIN, SEED_MAX), DEFAULT_SEED)
    .option('--path <path>', "fast-check's replay path printed with the failure", pathOption)
    .option('--scale <scale>', 'the scale the case was drawn at (small, default, large)', scaleOption, 'default')
    .option('--values <mode>', 'the values mode the case was drawn in (default, exact)', valuesOption, 'default')
    .option('--fixtures <dir>', 'your own fixture files, for golden/ checks')
    .action((check: string, flags: { adapter: string; timeout: number; seed: number; scale: Scale; values: ValuesMode; path?: string; fixtures?: string }) => runOne(check, { ...flags, runs: 100 }));

  withAdapterOptions(
    program.command('explore <check>').description('hunt harder for counterexamples in one property'),
    'the adapter to explore',
  )
    .option('--runs <n>', 'cases to try', integerOption('--runs', 1), 10_000)
    .option('--seed <n>', 'run seed', integerOption('--seed', SEED_MIN, SEED_MAX), DEFAULT_SEED)
    .option('--scale <scale>', 'how large generated cases get (small, default, large)', scaleOption, 'default')
    .option('--values <mode>', 'what values the cases carry (default, exact)', valuesOption, 'default')
    .action((check: string, flags: { adapter: string; timeout: number; seed: number; runs: number; scale: Scale; values: ValuesMode }) => runOne(check, flags));
}
