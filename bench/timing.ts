/**
 * Side-by-side timing: several contenders measured in interleaved rounds, so a change in machine load falls on
 * all of them alike. Each contender is first warmed up and calibrated: a sample times a batch of calls large
 * enough (≥ SAMPLE_MS) for the clock's resolution not to matter. Rounds then take one sample of every
 * contender still short of its budget: at least `minMs` of samples and `minSamples` samples, stopping early at
 * `maxMs` once it has `floorSamples`. The figure reported is the median time per call.
 */
import { performance } from 'node:perf_hooks';

export type Timed = () => unknown;

export interface TimingConstraints {
  /** Time each contender should get, in milliseconds (default 500). */
  readonly minMs?: number;
  /** Samples each contender should get (default 5). */
  readonly minSamples?: number;
  /** A contender stops at this much time once it has floorSamples samples (default 4000). */
  readonly maxMs?: number;
  readonly floorSamples?: number;
  /** Calls before timing starts (default 2). */
  readonly warmupCalls?: number;
}

export interface Timing {
  /** Median milliseconds per call. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samples: number;
  /** Calls per sample. */
  readonly batch: number;
  /** Time spent sampling, in milliseconds. */
  readonly totalMs: number;
}

const SAMPLE_MS = 5;

/** Milliseconds for `calls` calls of f (awaited when it answers a Promise). */
async function time(f: Timed, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const r = f();
    if (r instanceof Promise) await r;
  }
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Contender {
  readonly f: Timed;
  readonly batch: number;
  readonly perCall: number[];
  spent: number;
}

async function calibrate(f: Timed, warmupCalls: number): Promise<Contender> {
  let one = 0;
  for (let i = 0; i < warmupCalls; i++) one = await time(f, 1);
  const batch = one >= SAMPLE_MS ? 1 : Math.ceil(SAMPLE_MS / Math.max(one, 0.001));
  return { f, batch: Math.min(batch, 10_000), perCall: [], spent: 0 };
}

/** Times every contender, interleaved; the answers are in the contenders' order. */
export async function timeSideBySide(contenders: readonly Timed[], c: TimingConstraints = {}): Promise<Timing[]> {
  const minMs = c.minMs ?? 500;
  const minSamples = c.minSamples ?? 5;
  const maxMs = c.maxMs ?? 4000;
  const floorSamples = c.floorSamples ?? 3;
  const states: Contender[] = [];
  for (const f of contenders) states.push(await calibrate(f, c.warmupCalls ?? 2));
  const needsMore = (s: Contender) =>
    (s.spent < minMs || s.perCall.length < minSamples) && !(s.spent >= maxMs && s.perCall.length >= floorSamples);
  while (states.some(needsMore)) {
    for (const s of states) {
      if (!needsMore(s)) continue;
      const ms = await time(s.f, s.batch);
      s.perCall.push(ms / s.batch);
      s.spent += ms;
    }
  }
  return states.map((s) => ({
    medianMs: median(s.perCall),
    minMs: Math.min(...s.perCall),
    maxMs: Math.max(...s.perCall),
    samples: s.perCall.length,
    batch: s.batch,
    totalMs: s.spent,
  }));
}
