/** `convkit list`, `convkit clauses`, `convkit merge` and `convkit baseline write`. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CheckResult } from '../../check/checkResult.js';
import { catalogue } from '../../../properties/catalogue.js';
import { CONVENTIONS } from '../../diagnosis/conventionCatalogue.js';
import { shippedFixtures } from '../../golden/loadFixtures.js';
import { existsSync } from 'node:fs';
import { baselineFromReport, mergeBaseline, readBaseline, writeBaseline, type Baseline } from '../../kit/ci/baseline.js';
import { clauseCheckers, isOperatorClause } from '../../kit/clauseCoverage.js';
import { mergeReports } from '../../kit/mergeReports.js';
import { formatConsoleReport } from '../../kit/report/consoleReport.js';
import { DEFAULT_RUNS, DEFAULT_SEED, runConformance, type ConformanceReport } from '../../kit/runConformance.js';
import { loadSpecClauses } from '../../spec/specClauses.js';
import { checkFromJson } from '../../kit/report/jsonReport.js';
import { loadAdapter, UsageError } from '../loadAdapter.js';
import { SEED_MAX, SEED_MIN, integerOption, adapterLoadOptions, withAdapterOptions } from '../options.js';
import { userFixtures, writeJson } from './runCommand.js';

function readReport(path: string): ConformanceReport {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as ConformanceReport;
    if (!Array.isArray(r.checks) || typeof r.adapter !== 'string') throw new Error('not a convkit report');
    return { ...r, checks: (r.checks as unknown[]).map(checkFromJson) };
  } catch (e) {
    throw new UsageError(`merge: ${path}: ${(e as Error).message}`);
  }
}

export function registerCatalogueCommands(program: Command): void {
  program
    .command('list')
    .description('list every check with the spec clauses it checks')
    .option('--fixtures <dir>', 'include your own fixture files')
    .option('--conventions', 'list the named conventions diagnosis matches failures against (spec kit.diagnosis.conventions)')
    .action((flags: { fixtures?: string; conventions?: boolean }) => {
      if (flags.conventions) {
        for (const c of CONVENTIONS) console.log(`${c.id}\t${c.methods.join(',')}\t${c.title}\t${c.source}`);
        return;
      }
      for (const f of [...shippedFixtures(), ...userFixtures(flags.fixtures)]) console.log(`golden/${f.id}\t${f.clauses.join(' ')}`);
      for (const p of catalogue) console.log(`${p.id}\t${p.clauses.join(' ')}\t${p.title}`);
    });

  program
    .command('clauses')
    .description('list spec clauses and the checks that cite them')
    .option('--uncovered', 'only operator clauses no property or fixture checks (errata and kit clauses excluded)')
    .action((flags: { uncovered?: boolean }) => {
      for (const [id, by] of clauseCheckers(loadSpecClauses(), catalogue, shippedFixtures())) {
        if (flags.uncovered && (by.length > 0 || !isOperatorClause(id))) continue;
        console.log(flags.uncovered ? id : `${id}\t${by.length === 0 ? '-' : by.join(' ')}`);
      }
    });

  program
    .command('merge <reports...>')
    .description('merge the JSON reports of the shards of one run')
    .option('--json <file>', 'write the merged report')
    .action((paths: string[], flags: { json?: string }) => {
      let merged: ConformanceReport;
      try {
        merged = mergeReports(paths.map(readReport));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      console.log(formatConsoleReport(merged, undefined, { adapterSpec: '<adapter>' }));
      if (flags.json) writeJson(flags.json, merged);
      process.exitCode = merged.checks.some((c) => c.status === 'failed' || c.status === 'error') ? 1 : 0;
    });

  withAdapterOptions(
    program.command('baseline').description('manage the CI baseline of known deviations').command('write').description("record today's failures, each with a reason, as the baseline"),
    'the adapter',
  )
    .requiredOption('--baseline <file>', 'the baseline file to write')
    .option('--seed <n>', 'run seed', integerOption('--seed', SEED_MIN, SEED_MAX), DEFAULT_SEED)
    .option('--runs <n>', 'cases per property', integerOption('--runs', 1), DEFAULT_RUNS)
    .option('--reason <text>', 'the reason recorded for every entry (edit the file to give each its own)')
    .option('--only <pattern>', 'only checks whose id contains this text')
    .option('--replace', 'replace an existing baseline instead of merging into it (its reasons are dropped)')
    .action(async (flags: { adapter: string; timeout: number; baseline: string; seed: number; runs: number; reason?: string; only?: string; replace?: boolean }) => {
      let old: Baseline | undefined;
      if (!flags.replace && existsSync(flags.baseline)) {
        try {
          old = readBaseline(flags.baseline);
        } catch (e) {
          throw new UsageError(`--baseline ${flags.baseline}: ${(e as Error).message} (fix it, or give --replace to overwrite it)`);
        }
      }
      const adapter = await loadAdapter(flags.adapter, adapterLoadOptions(flags));
      try {
        const report = await runConformance(adapter, { seed: flags.seed, runs: flags.runs, ...(flags.only !== undefined ? { only: flags.only } : {}) });
        const reasonFor = (c: CheckResult) => flags.reason ?? `recorded ${new Date().toISOString().slice(0, 10)}: ${(c.message ?? c.status).split('\n')[0]!.slice(0, 500)}`;
        let baseline: Baseline;
        if (old === undefined) {
          baseline = baselineFromReport(report, reasonFor);
          console.log(`baseline: ${baseline.entries.length} known failure(s) of ${adapter.name} written to ${flags.baseline}`);
        } else {
          const merged = mergeBaseline(old, report, reasonFor);
          baseline = merged.baseline;
          console.log(`baseline: merged into ${flags.baseline}: ${merged.added.length} added, ${merged.removed.length} removed (now passing), ${merged.kept} kept with their reasons; ${baseline.entries.length} entries`);
          for (const id of merged.removed) console.log(`  REMOVED ${id}`);
        }
        writeBaseline(flags.baseline, baseline);
        process.exitCode = 0;
      } finally {
        await adapter.close?.();
      }
    });
}
