/**
 * `convkit run --jobs N` (`kit.jobs.same-report`, `kit.jobs.fallback`): the JSON report of a run spread over two
 * threads equals the one-thread report once the timings are taken out — for the reference, for a broken
 * adapter whose counterexamples must come out the same, and for an adapter already isolated in a child
 * process (the stdio protocol); bad --jobs values are usage errors naming the flag, the value and the rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { defaultJobs, runConformanceInJobs } from '../../src/kit/jobs/runConformanceInJobs.js';
import fc from 'fast-check';
import { defineProperty } from '../../properties/property.js';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'convkit-jobs-'));
const flipped = join(import.meta.dirname, 'fixtures', 'flippedKernelAdapter.ts');

function convkit(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The JSON report of one run, without the fields that are timings (the only ones allowed to differ). */
function jsonReport(name: string, ...args: string[]): { status: number | null; out: string; report: Record<string, unknown> & { checks: Record<string, unknown>[] } } {
  const file = join(tmp, `${name}.json`);
  const r = convkit('run', ...args, '--json', file);
  const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { checks: Record<string, unknown>[] };
  for (const timing of ['generatedAt', 'startedAt', 'finishedAt', 'durationMs']) delete report[timing];
  return { ...r, report };
}

describe('convkit run --jobs', () => {
  it('defaults to one thread, and to every core at --scale large (kit.jobs.default)', () => {
    expect([defaultJobs(), defaultJobs('small'), defaultJobs('default')]).toEqual([1, 1, 1]);
    expect(defaultJobs('large')).toBe(availableParallelism());
  });

  it('the reference: --jobs 2 gives the --jobs 1 JSON report, check for check', () => {
    const args = ['--adapter', 'reference', '--only', 'avg-pool2d'];
    const one = jsonReport('reference-1', ...args, '--jobs', '1');
    const two = jsonReport('reference-2', ...args, '--jobs', '2');
    expect(one.status, one.out).toBe(0);
    expect(two.status, two.out).toBe(0);
    // Fixtures and properties both (the dispatch order puts properties first; the report must not).
    expect(one.report.checks.some((c) => c['kind'] === 'golden')).toBe(true);
    expect(one.report.checks.filter((c) => c['kind'] === 'property').length).toBeGreaterThan(5);
    expect(two.report).toEqual(one.report);
    expect(two.out).not.toMatch(/ran on 1 thread/);
  }, 180_000);

  it('a broken adapter: the same failures with the same counterexamples, seeds and replay paths', () => {
    const args = ['--adapter', flipped, '--only', 'conv2d.', '--runs', '30'];
    const one = jsonReport('flipped-1', ...args, '--jobs', '1');
    const two = jsonReport('flipped-2', ...args, '--jobs', '2');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    const failed = one.report.checks.filter((c) => c['status'] === 'failed');
    // The flipped kernel breaks the definition at least (a 180° turn changes any asymmetric kernel's answer).
    expect(failed.map((c) => c['id'])).toContain('conv2d.definition');
    expect(failed.every((c) => c['counterexample'] !== undefined)).toBe(true);
    // Shrunk cases carry fast-check's replay path (anchored failures, found on a fixed case first, carry none).
    expect(failed.filter((c) => c['path'] !== undefined).length).toBeGreaterThan(2);
    expect(two.report).toEqual(one.report);
  }, 240_000);

  it('an adapter already isolated in a child process (stdio protocol) runs in every thread and gives the same report', () => {
    const args = ['--adapter', 'cmd:/usr/bin/python3 python/examples/reference_adapter.py', '--only', 'corr2d', '--runs', '20'];
    const one = jsonReport('python-1', ...args, '--jobs', '1');
    const two = jsonReport('python-2', ...args, '--jobs', '2');
    expect(one.status, one.out).toBe(0);
    expect(one.report.checks.filter((c) => c['status'] === 'passed').length).toBeGreaterThan(3);
    expect(two.report).toEqual(one.report);
  }, 180_000);

  it('--jobs 0, --jobs x and --jobs 1.5 are usage errors naming the flag, the value and the rule', () => {
    for (const value of ['0', 'x', '1.5']) {
      const r = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--jobs', value);
      expect(r.status, value).toBe(2);
      expect(r.out).toContain(`--jobs must be an integer ≥ 1, got "${value}"`);
    }
  }, 60_000);

  it('a run of one check goes on one thread and says so (kit.jobs.fallback)', () => {
    const r = jsonReport('one-check', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '5', '--jobs', '2');
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('jobs: ran on 1 thread instead of 2: the run has fewer than two checks §kit.jobs.fallback');
    expect(r.report['jobsFallback']).toEqual({ requested: 2, used: 1, reason: 'one-check' });
  }, 60_000);

  it('properties outside the catalogue cannot cross a thread: the library run goes on one thread with the typed note', async () => {
    const own = defineProperty<number>({
      id: 'test.own-property',
      operator: 'conv2d',
      family: 'definition',
      title: 'a property of the caller',
      clauses: ['conv.definition'],
      requires: { ops: [] },
      arbitrary: () => fc.integer(),
      predicate: () => Promise.resolve(),
    });
    const report = await runConformanceInJobs({ spec: 'reference' }, { jobs: 2, properties: [own], fixtures: [], runs: 3 });
    expect(report.jobsFallback).toEqual({ requested: 2, used: 1, reason: 'own-properties' });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['test.own-property', 'passed']]);
  });
});
