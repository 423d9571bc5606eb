/**
 * Formats the benchmark's results: the operator table (median ms per call, the reference/library ratios side
 * by side, the reference's GFLOP/s) and the kit table (checks/s, share of time outside the adapter). Results
 * are data (STYLE habit 9); this file only formats them.
 */
import { BATCH, type ChannelResult } from './channelBench.js';
import type { KitResult } from './kitBench.js';
import type { Loaded } from './libraries.js';
import type { Machine } from './machine.js';
import type { OperatorResult } from './operatorBench.js';

export interface BenchResults {
  readonly machine: Machine;
  readonly libraries: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
  readonly operators: readonly OperatorResult[];
  readonly kit: readonly KitResult[];
  readonly channels: readonly ChannelResult[];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (v: number | undefined) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(1)}×`);

export function libraryKeys(loaded: readonly Loaded[]): string[] {
  return loaded.flatMap((l) => ('library' in l ? [l.library.key] : []));
}

export function operatorTable(results: readonly OperatorResult[], keys: readonly string[]): string {
  const header = ['op / case', 'ref ms', ...keys.flatMap((k) => [`${k} ms`, `${k} raw ms`]), ...keys.flatMap((k) => [`ref/${k}`, `ref/${k} raw`]), 'ref GFLOP/s'];
  const rows = results.map((r) => {
    const ref = r.timings['reference']?.medianMs;
    const gflops = r.flops === null || ref === undefined ? '—' : (r.flops / (ref * 1e6)).toFixed(2);
    return [
      `${r.op} ${r.case}`,
      ms(ref),
      ...keys.flatMap((k) => [ms(r.timings[k]?.medianMs), ms(r.timings[`${k} raw`]?.medianMs)]),
      ...keys.flatMap((k) => [ratio(ref, r.timings[k]?.medianMs), ratio(ref, r.timings[`${k} raw`]?.medianMs)]),
      gflops,
    ];
  });
  return table(header, rows);
}

export function kitTable(results: readonly KitResult[]): string {
  const header = ['adapter', 'checks', 'statuses', 'run s (median)', 'runs s', 'checks/s', 'run checks/s', 'op calls', 'outside adapter'];
  const rows = results.map((r) =>
    'todo' in r
      ? [r.label, r.todo]
      : [
          r.label,
          String(r.checks),
          Object.entries(r.statuses).map(([s, n]) => `${n} ${s}`).join(', '),
          r.seconds.toFixed(2),
          r.runSeconds.map((v) => v.toFixed(2)).join(' '),
          r.checksPerSecond.toFixed(1),
          r.runChecksPerSecond.toFixed(1),
          String(r.operatorCalls),
          `${(r.shareOutside * 100).toFixed(0)}%`,
        ],
  );
  return `${table(header, rows)}\n(run checks/s counts the checks not skipped; "outside adapter" = 1 − time inside its operators / run time)`;
}

export function channelTable(results: readonly ChannelResult[]): string {
  const worker = results.find((r) => r.channel === 'worker');
  const header = ['channel', 'single ms/call', `batch of ${BATCH} ms/call`, 'single / worker', 'batched / worker single'];
  const rows = results.map((r) =>
    'todo' in r
      ? [r.channel, r.todo]
      : [
          r.channel,
          ms(r.single.medianMs),
          ms(r.batched.medianMs),
          worker && 'single' in worker ? ratio(r.single.medianMs, worker.single.medianMs) : '—',
          worker && 'single' in worker ? ratio(r.batched.medianMs, worker.single.medianMs) : '—',
        ],
  );
  return `${table(header, rows)}
(a do-nothing corr2d behind each channel: the per-call overhead; a batch is ${BATCH} independent calls in one turn)`;
}

export function formatResults(r: BenchResults, keys: readonly string[]): string {
  const m = r.machine;
  return [
    `convkit bench — ${m.date}, Node ${m.node}, ${m.cores} × ${m.cpu}, load ${m.loadStart.join(' ')} → ${(m.loadEnd ?? []).join(' ')}`,
    ...Object.entries(r.libraries).map(([k, v]) => `  ${k}: ${v}`),
    ...r.notes.map((n) => `  ${n}`),
    '',
    operatorTable(r.operators, keys),
    '',
    kitTable(r.kit),
    '',
    channelTable(r.channels),
  ].join('\n');
}
