/**
 * `convkit run`: fixtures and catalogue against one adapter, with the CI gate (--baseline, --strict), the
 * counterexample corpus beside the baseline, user fixtures (--fixtures), sharding and reports.
 * Exit 0: every non-skipped check passed, or failed only as the baseline expects; 1: failures; 2: usage.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Fixture } from '../../golden/fixture.js';
import { loadFixtures } from '../../golden/loadFixtures.js';
import { applyBaseline, expectedFailureNotes, readBaseline, type Baseline, type ExpectedFailureNote } from '../../kit/ci/baseline.js';
import { corpusPathFor, counterexampleEntries, mergeIntoCorpus, readCorpusFile, type CorpusEntry } from '../../kit/ci/corpus.js';
import { writeFileAtomic } from '../../kit/io/writeFileAtomic.js';
import { formatConsoleReport } from '../../kit/report/consoleReport.js';
import { toHtmlReport } from '../../kit/report/htmlReport.js';
import { formatJsonReport } from '../../kit/report/jsonReport.js';
import { toJUnitXml } from '../../kit/report/junitReport.js';
import { terminalProgress } from '../../kit/report/progressBar.js';
import { allCheckIds, DEFAULT_RUNS, DEFAULT_SEED, type ConformanceReport } from '../../kit/runConformance.js';
import type { Shard } from '../../kit/shard.js';
import { loadShapeFile, type ShapeEntry } from '../../shape/descriptor/shapeFile.js';
import { UsageError } from '../loadAdapter.js';
import { AdapterSpecError } from '../../isolation/loadAdapterSpec.js';
import { defaultJobs, runConformanceInJobs } from '../../kit/jobs/runConformanceInJobs.js';
import { describeJobsFallback } from '../../kit/jobs/jobsFallback.js';
import { SEED_MAX, SEED_MIN, integerOption, adapterLoadOptions, scaleOption, shardOption, valuesOption, withAdapterOptions } from '../options.js';
import type { Scale } from '../../shape/scale.js';
import type { ValuesMode } from '../../check/valuesMode.js';
import { exitCodeAfterWrites, refuseOverlappingOutputs, writeOutputs, type OutputWrite } from '../reportOutputs.js';
import { onTerminationSignal, SIGNAL_EXIT_CODES, type TerminationSignal } from '../terminationSignals.js';

export interface RunFlags {
  adapter: string;
  timeout: number;
  browserPath?: string;
  seed: number;
  runs: number;
  scale: Scale;
  values: ValuesMode;
  only?: string;
  json?: string;
  junit?: string;
  html?: string;
  baseline?: string;
  strict?: boolean;
  verbose?: boolean;
  updateCorpus?: boolean;
  fixtures?: string;
  shapes?: string;
  shard?: Shard;
  /** commander's negation of --no-diagnose: true unless given. */
  diagnose: boolean;
  jobs?: number;
}

/** `--shapes FILE`: the user's descriptors; a bad file or line is a usage error naming file, line and rule (`kit.descriptor.file`). */
export function userShapes(file: string | undefined): ShapeEntry[] | undefined {
  if (file === undefined) return undefined;
  try {
    const entries = loadShapeFile(file);
    if (entries.length === 0) throw new Error(`${file}: no descriptor lines (only blank lines and # comments)`);
    return entries;
  } catch (e) {
    throw new UsageError(`--shapes ${(e as Error).message}`);
  }
}

export function userFixtures(dir: string | undefined): Fixture[] {
  if (dir === undefined) return [];
  try {
    return loadFixtures(dir);
  } catch (e) {
    throw new UsageError(`--fixtures ${dir}: ${(e as Error).message}`);
  }
}

export function writeJson(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2));
}

function baselineSummary(report: ConformanceReport, baseline: Baseline, strict: boolean, ids: ReadonlySet<string>): { lines: string[]; fails: boolean; expected: Map<string, ExpectedFailureNote> } {
  const v = applyBaseline(report, baseline, ids);
  const expected = expectedFailureNotes(v, baseline);
  const lines = [`baseline: ${v.expectedFailures.length} expected failures, ${v.newFailures.length} new, ${v.stale.length} stale, ${v.unknown.length} unknown entries${v.vacuous.length > 0 ? `, ${v.vacuous.length} vacuous checks` : ''}`];
  for (const c of v.newFailures) lines.push(`  NEW ${c.id}`);
  for (const e of v.stale) lines.push(`  STALE ${e.id} now passes — remove it from the baseline (reason was: ${e.reason})`);
  for (const e of v.unknown) lines.push(`  UNKNOWN ${e.id} names no check of this run — renamed or removed?`);
  // Listed, never failing the gate: a vacuous check is no deviation, only a check to strengthen (kit.health.vacuous).
  for (const c of v.vacuous) lines.push(`  VACUOUS ${c.id} held but proved little (${c.health?.reason ?? 'vacuous'}); not counted as passed`);
  return { lines, fails: v.newFailures.length > 0 || (strict && (v.stale.length > 0 || v.unknown.length > 0)), expected };
}

/**
 * Saves the run's new counterexamples. Into the corpus beside the baseline only when the run passed its gate
 * (or with --update-corpus): a failing CI run leaves the committed files untouched, and its counterexamples go
 * to a copy of the corpus in a temporary folder, whose path is printed.
 */
/**
 * New counterexamples go into the corpus beside the baseline only when the gate passed or with --update-corpus
 * (a failing CI run leaves the committed files untouched); otherwise into a copy in a temporary folder, whose
 * path is printed. Either way a locked read-merge-write (mergeIntoCorpus).
 */
async function saveCounterexamples(corpusPath: string, report: ConformanceReport, gatePassed: boolean, update: boolean): Promise<string | null> {
  const target = gatePassed || update ? corpusPath : join(mkdtempSync(join(tmpdir(), 'convkit-corpus-')), basename(corpusPath));
  if (target !== corpusPath && existsSync(corpusPath)) copyFileSync(corpusPath, target);
  const merged = await mergeIntoCorpus(target, counterexampleEntries(report.checks));
  if (merged.damaged) console.error(`convkit: warning: the corpus ${target} was damaged (${merged.damaged.problem}); moved aside to ${merged.damaged.movedTo}`);
  if (merged.added === 0) return null;
  if (target === corpusPath) return `corpus: ${merged.added} new counterexample(s) saved to ${corpusPath}`;
  return `corpus: ${merged.added} new counterexample(s) saved to ${target} — the gate failed, so ${corpusPath} is left as it was (--update-corpus writes there)`;
}

export function registerRun(program: Command): void {
  withAdapterOptions(
    program.command('run').description('run the golden fixtures and the property catalogue against an adapter'),
    "'reference', a module path (.js/.ts), \"cmd:<command>\" for the stdio protocol, or \"page:<module>\" for a module run in headless Chromium",
  )
    .option('--seed <n>', 'run seed (each property derives its own from it)', integerOption('--seed', SEED_MIN, SEED_MAX), DEFAULT_SEED)
    .option('--runs <n>', 'cases per property', integerOption('--runs', 1), DEFAULT_RUNS)
    .option('--scale <scale>', 'how large generated cases get: small (tiny only), default (tiny plus a realistic share), large', scaleOption, 'default')
    .option('--values <mode>', 'what values the cases carry: default (float32-exact values, judged within the tolerance), exact (small integers whose direct sums are judged bit for bit)', valuesOption, 'default')
    .option('--only <pattern>', 'only checks whose id contains this text')
    .option('--json <file>', 'write the report as JSON (schema/report.schema.json)')
    .option('--junit <file>', 'write the report as JUnit XML, for CI systems')
    .option('--html <file>', 'write the report as one self-contained HTML page (matrix and heat maps)')
    .option('--baseline <file>', 'known deviations: expected failures do not fail the run')
    .option('--strict', 'with --baseline, also fail on stale or unknown baseline entries')
    .option('--verbose', 'with --baseline, print expected failures in full (grids, replay, reproduction)')
    .option('--update-corpus', "with --baseline, save new counterexamples beside it even when the gate fails")
    .option('--fixtures <dir>', 'also run your own fixture files (golden format)')
    .option('--shapes <file>', 'check these benchdnn-style shape descriptors (one a line, # comments) instead of the shape corpus sample')
    .option('--shard <i/n>', 'run the i-th of n deterministic parts of the checks', shardOption)
    .option('--no-diagnose', 'do not diagnose failures (named conventions, explain: spec kit.diagnosis.conventions)')
    .option('--jobs <n>', `worker threads the checks run in (default: 1, and the number of cores, here ${defaultJobs('large')}, at --scale large); the report is the same for any n`, integerOption('--jobs', 1))
    .action(async (flags: RunFlags) => {
      const outputs = [['--json', flags.json], ['--junit', flags.junit], ['--html', flags.html]].flatMap(([what, path]) => (path !== undefined ? [{ what: what!, path }] : []));
      for (const { path } of outputs) checkWritable(path);
      const corpusPath = flags.baseline ? corpusPathFor(flags.baseline) : undefined;
      refuseOverlappingOutputs(outputs, [
        ...(flags.baseline ? [{ what: 'the --baseline file', path: flags.baseline }] : []),
        ...(corpusPath ? [{ what: 'the corpus', path: corpusPath }] : []),
      ]);
      const baseline = flags.baseline ? readBaselineOrUsage(flags.baseline) : undefined;
      const extraFixtures = userFixtures(flags.fixtures);
      const shapes = userShapes(flags.shapes);
      const selection = { extraFixtures, scale: flags.scale, ...(shapes !== undefined ? { shapes } : {}) };
      // A typo in --only must not turn a CI gate green by running nothing.
      if (flags.only !== undefined && ![...allCheckIds(selection)].some((id) => id.includes(flags.only!))) {
        throw new UsageError(`--only ${flags.only} matches no check (see \`convkit list\`)`);
      }
      const corpus: CorpusEntry[] = [];
      if (corpusPath) {
        const read = readCorpusFile(corpusPath);
        if (read.damaged) console.error(`convkit: warning: the corpus ${corpusPath} was damaged (${read.damaged.problem}); moved aside to ${read.damaged.movedTo}, this run starts a new one`);
        corpus.push(...read.entries);
      }
      const interruption = new AbortController();
      // The run stops its adapters itself on the abort (runConformanceInJobs), so a pending call ends and it can report.
      const stopListening = onTerminationSignal((signal) => interruption.abort(signal));
      try {
        const startedAt = new Date();
        const onProgress = terminalProgress();
        const report = await runConformanceInJobs({ spec: flags.adapter, load: adapterLoadOptions(flags) }, {
          ...(onProgress ? { onProgress } : {}),
          jobs: flags.jobs ?? defaultJobs(flags.scale),
          seed: flags.seed,
          runs: flags.runs,
          ...(flags.values !== 'default' ? { values: flags.values } : {}),
          ...selection,
          ...(flags.only !== undefined ? { only: flags.only } : {}),
          ...(flags.shard ? { shard: flags.shard } : {}),
          ...(corpusPath ? { corpus } : {}),
          signal: interruption.signal,
          diagnose: flags.diagnose,
        }).catch((e: unknown) => {
          throw e instanceof AdapterSpecError ? new UsageError(e.message) : e;
        });
        const finishedAt = new Date();
        const summary = baseline ? baselineSummary(report, baseline, flags.strict ?? false, allCheckIds(selection)) : undefined;
        const quiet = summary && !flags.verbose ? { expected: summary.expected } : {};
        console.log(formatConsoleReport(report, undefined, { adapterSpec: flags.adapter, ...quiet }));
        if (report.jobsFallback !== undefined) console.log(describeJobsFallback(report.jobsFallback));
        for (const op of report.cutOff ?? []) console.log(`circuit breaker: ${op} timed out once and was cut off; its later checks ended as error at once (raise --timeout if it is only slow)`);
        let failing = report.checks.some((c) => c.status === 'failed' || c.status === 'error');
        if (summary) {
          console.log(summary.lines.join('\n'));
          failing = summary.fails;
        }
        const writes: OutputWrite[] = [];
        if (flags.json) writes.push({ what: '--json', path: flags.json, write: () => writeFileAtomic(flags.json!, formatJsonReport(report, { adapterSpec: flags.adapter, startedAt, finishedAt })) });
        if (flags.junit) writes.push({ what: '--junit', path: flags.junit, write: () => writeFileAtomic(flags.junit!, toJUnitXml(report, { adapterSpec: flags.adapter, timestamp: startedAt })) });
        if (flags.html) writes.push({ what: '--html', path: flags.html, write: () => writeFileAtomic(flags.html!, toHtmlReport(report, { adapterSpec: flags.adapter, generatedAt: finishedAt })) });
        if (corpusPath) {
          writes.push({
            what: 'the corpus',
            path: corpusPath,
            write: async () => {
              const saved = await saveCounterexamples(corpusPath, report, summary !== undefined && !summary.fails, flags.updateCorpus ?? false);
              if (saved !== null) console.log(saved);
            },
          });
        }
        const failures = await writeOutputs(writes);
        for (const f of failures) console.error(`convkit: could not write ${f.what} ${f.path}: ${f.message}`);
        const signal = interruption.signal.aborted ? (interruption.signal.reason as TerminationSignal) : undefined;
        if (signal !== undefined) console.error(`convkit: interrupted by ${signal}; the report above covers the ${report.checks.length} check(s) that finished`);
        process.exitCode = signal !== undefined ? SIGNAL_EXIT_CODES[signal] : exitCodeAfterWrites(failing, failures);
      } finally {
        stopListening();
      }
    });
}

/** Fails before the run, not after it, when a report could not be written. */
export function checkWritable(file: string): void {
  const dir = dirname(resolve(file));
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${file}: the folder ${dir} does not exist or is not writable`);
  }
}

function readBaselineOrUsage(path: string): Baseline {
  try {
    return readBaseline(path);
  } catch (e) {
    throw new UsageError(`--baseline ${path}: ${(e as Error).message}`);
  }
}
