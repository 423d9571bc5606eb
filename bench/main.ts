/**
 * `npm run bench`: the operator benchmark, then the kit benchmark; prints the tables and writes every
 * measurement with the run's conditions to bench/results/latest.json (or `--out <file>`). `--quick` shortens
 * each timing to a smoke run (its figures are not for publishing). Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelBench } from './channelBench.js';
import { kitBench, kitTargets, type KitResult } from './kitBench.js';
import { loadLibraries } from './libraries.js';
import { loadNow, machine } from './machine.js';
import { operatorBench } from './operatorBench.js';
import { formatResults, libraryKeys, type BenchResults } from './report.js';
import type { TimingConstraints } from './timing.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'bench/results/latest.json');
const timing: TimingConstraints = quick ? { minMs: 30, minSamples: 2, maxMs: 200, floorSamples: 1, warmupCalls: 1 } : {};

const conditions = machine();
const loaded = await loadLibraries();
const libraries = loaded.flatMap((l) => ('library' in l ? [l.library] : []));
const names: Record<string, string> = { reference: 'convkit reference (float64, single thread)' };
for (const l of loaded) {
  if ('library' in l) names[l.library.key] = l.library.adapter.name;
  else names[l.key] = `not loaded: ${l.missing}`;
}

process.stderr.write(`operators: ${Object.values(names).join('; ')}\n`);
const operators = await operatorBench(libraries, timing, (r) => {
  const cells = Object.entries(r.timings).map(([k, t]) => `${k} ${t.medianMs.toFixed(3)} ms`);
  process.stderr.write(`  ${r.op} ${r.case}: ${cells.join(', ')}\n`);
});
for (const l of libraries) await l.adapter.close?.();

const kit: KitResult[] = [];
for (const target of kitTargets) {
  process.stderr.write(`kit: ${target.label}…\n`);
  kit.push(await kitBench(target));
}
process.stderr.write('channels: worker vs page, per-call overhead…\n');
const channels = await channelBench(timing);
conditions.loadEnd = loadNow();

const results: BenchResults = {
  machine: conditions,
  libraries: names,
  notes: [
    'Times are medians per call, in milliseconds, measured side by side (interleaved rounds) after warm-up.',
    '"<lib>" is a call through its convkit adapter (TensorData in and out, NCHW↔NHWC for tfjs); "<lib> raw" is the library call alone on tensors already in its layout.',
    'Every implementation runs on one thread: the reference in float64, tfjs-backend-cpu and ONNX Runtime (intra/inter-op threads 1) in float32.',
    'ref/<lib> > 1 means the reference is that many times slower.',
    ...(quick ? ['--quick: smoke-run timings, not for publishing.'] : []),
  ],
  operators,
  kit,
  channels,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${formatResults(results, libraryKeys(loaded))}\n\nwritten to ${out}\n`);
