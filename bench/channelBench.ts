/**
 * The per-call overhead of each isolation channel (issue 12 item 4): the same do-nothing adapter
 * (bench/fixtures/echoAdapter.js) behind the worker channel and behind the page channel (headless Chromium),
 * timed side by side in interleaved rounds. "single" awaits each call before the next (one round trip each);
 * "batch of 16" makes 16 independent calls in one event-loop turn, which the page channel sends as one round
 * trip (`kit.protocol.page`), and reports the time per call. A channel that cannot start here (no Chromium) is a
 * TODO with the reason, never a number.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Adapter } from '../src/adapter/contract.js';
import { channelAdapter } from '../src/isolation/channelAdapter.js';
import { isolateAdapter } from '../src/isolation/isolateAdapter.js';
import { findChromium } from '../src/isolation/page/findChromium.js';
import { pageChannel } from '../src/isolation/page/pageChannel.js';
import { timeSideBySide, type Timing, type TimingConstraints } from './timing.js';

export const BATCH = 16;
const ECHO = resolve('bench/fixtures/echoAdapter.js');
const x = { shape: [1, 1], data: new Float64Array([1]) };

export type ChannelResult =
  | { readonly channel: string; readonly single: Timing; readonly batched: Timing }
  | { readonly channel: string; readonly todo: string };

async function openChannels(): Promise<{ opened: [string, Adapter][]; todo: ChannelResult[] }> {
  const opened: [string, Adapter][] = [['worker', await isolateAdapter(ECHO)]];
  const todo: ChannelResult[] = [];
  try {
    const browserPath = findChromium();
    opened.push(['page', await channelAdapter(pageChannel(ECHO, { browserPath }))]);
  } catch (e) {
    todo.push({ channel: 'page', todo: `not measured: ${(e as Error).message}` });
  }
  if (!existsSync(ECHO)) throw new Error(`bench fixture missing: ${ECHO}`);
  return { opened, todo };
}

export async function channelBench(timing: TimingConstraints): Promise<ChannelResult[]> {
  const { opened, todo } = await openChannels();
  try {
    const contenders = opened.flatMap(([, a]) => [
      () => a.corr2d!(x, x),
      // One timed call = BATCH calls in one turn; divided back to per call below.
      () => Promise.all(Array.from({ length: BATCH }, () => a.corr2d!(x, x))),
    ]);
    const timings = await timeSideBySide(contenders, timing);
    const perCall = (t: Timing): Timing => ({ ...t, medianMs: t.medianMs / BATCH, minMs: t.minMs / BATCH, maxMs: t.maxMs / BATCH });
    return [...opened.map(([channel], i) => ({ channel, single: timings[2 * i]!, batched: perCall(timings[2 * i + 1]!) })), ...todo];
  } finally {
    await Promise.all(opened.map(([, a]) => a.close?.()));
  }
}
