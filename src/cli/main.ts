#!/usr/bin/env node
/**
 * The convkit command line. `run` checks an adapter against the golden fixtures and the property catalogue;
 * `list` lists the checks with their clauses; `clauses` lists spec clauses and what checks them.
 * Exit codes: 0 all non-skipped checks passed, 1 failures, 2 usage or adapter-load errors.
 */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { catalogue } from '../../properties/catalogue.js';
import { loadFixtures } from '../golden/loadFixtures.js';
import { clauseCheckers } from '../kit/clauseCoverage.js';
import { formatConsoleReport } from '../kit/report/consoleReport.js';
import { DEFAULT_RUNS, DEFAULT_SEED, runConformance } from '../kit/runConformance.js';
import { loadSpecClauses } from '../spec/specClauses.js';
import { loadAdapter, UsageError } from './loadAdapter.js';

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

const program = new Command('convkit').description('Conformance kit for 2-D convolution, padding, stride and pooling').exitOverride();

program
  .command('run')
  .description('run the golden fixtures and the property catalogue against an adapter')
  .requiredOption('--adapter <path|reference>', "an adapter module's path, or 'reference'")
  .option('--seed <n>', 'seed for every property', integer('--seed', -(2 ** 31)), DEFAULT_SEED)
  .option('--runs <n>', 'cases per property', integer('--runs', 1), DEFAULT_RUNS)
  .option('--only <pattern>', 'only checks whose id contains this text')
  .option('--json <file>', 'write the report as JSON')
  .action(async (opts: { adapter: string; seed: number; runs: number; only?: string; json?: string }) => {
    const adapter = await loadAdapter(opts.adapter);
    try {
      const report = await runConformance(adapter, { seed: opts.seed, runs: opts.runs, ...(opts.only !== undefined ? { only: opts.only } : {}) });
      const replay = (c: { id: string; seed?: number; path?: string }) =>
        `convkit run --adapter ${opts.adapter} --only ${c.id} --seed ${opts.seed}${c.path && !c.id.startsWith('golden/') ? ` # fast-check path ${c.path}` : ''}`;
      console.log(formatConsoleReport(report, replay));
      if (opts.json) writeFileSync(opts.json, JSON.stringify(report, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v), 2));
      process.exitCode = report.checks.some((c) => c.status === 'failed' || c.status === 'error') ? 1 : 0;
    } finally {
      await adapter.close?.();
    }
  });

program
  .command('list')
  .description('list every check with the spec clauses it checks')
  .action(() => {
    for (const f of loadFixtures()) console.log(`golden/${f.id}\t${f.clauses.join(' ')}`);
    for (const p of catalogue) console.log(`${p.id}\t${p.clauses.join(' ')}\t${p.title}`);
  });

program
  .command('clauses')
  .description('list spec clauses and the checks that cite them')
  .option('--uncovered', 'only clauses no property or fixture checks (errata excluded)')
  .action((opts: { uncovered?: boolean }) => {
    const checkers = clauseCheckers(loadSpecClauses(), catalogue, loadFixtures());
    for (const [id, by] of checkers) {
      if (opts.uncovered && (by.length > 0 || id.startsWith('errata.'))) continue;
      console.log(opts.uncovered ? id : `${id}\t${by.length === 0 ? '-' : by.join(' ')}`);
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
  else if (e instanceof UsageError) {
    console.error(`convkit: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error(e);
    process.exitCode = 2;
  }
}
