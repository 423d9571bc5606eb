/**
 * Reports for the report tests: a real failing run (conv2d with a flipped kernel), a real passing run (the
 * reference), and a hand-made report with every status, non-finite values, typed arrays and messages full of
 * characters that XML and HTML must escape.
 */
import { fileURLToPath } from 'node:url';
import { reference } from '../../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../../src/check/checkResult.js';
import { runConformance, type ConformanceReport } from '../../src/kit/runConformance.js';
import flipped from './fixtures/flippedKernelAdapter.js';

export const FLIPPED_ADAPTER_PATH = fileURLToPath(new URL('./fixtures/flippedKernelAdapter.ts', import.meta.url));

let failing: Promise<ConformanceReport> | undefined;
/** Some conv2d checks (golden and properties) against the flipped kernel: failures of each kind, and passes. */
export function failingReport(): Promise<ConformanceReport> {
  const only = /^(golden\/notes-00[13]-conv2d|conv2d\.(definition|true-convolution|linear-in-input|output-shape|gradcheck)$)/;
  failing ??= runConformance(flipped, { only, runs: 25 });
  return failing;
}

let passing: Promise<ConformanceReport> | undefined;
export function passingReport(): Promise<ConformanceReport> {
  passing ??= runConformance(reference, { runs: 2 });
  return passing;
}

export const HOSTILE = 'a < b && c > "d" \'e\' ⌊x⌋ §conv.definition ± 1e-3 \u0007bell';

const mismatchInputs = {
  input: { shape: [1, 1, 2, 2], data: new Float64Array([1, -0, Infinity, NaN]) },
  weight: { shape: [1, 1, 1, 1], data: [2] },
  bias: null,
};

const mismatch: CheckResult = {
  id: 'conv2d.definition',
  kind: 'property',
  operator: 'conv2d',
  family: 'definition',
  status: 'failed',
  clauses: ['conv.definition', 'num.tolerance'],
  message: `conv2d[0, 0, 1, 1]=NaN, but should be 2 ± 1.00e-12 [conv2d(input:[1×1×2×2], weight:[1×1×1×1], bias:[null], {"stride":1})] §conv.definition`,
  counterexample: {
    input: { shape: [1, 1, 2, 2], data: new Float64Array([1, -0, Infinity, NaN]) },
    weight: { shape: [1, 1, 1, 1], data: [2] },
    bias: null,
    options: { stride: 1 },
  },
  replay: { runSeed: 7, path: '0:1:2' },
  detail: {
    actual: { shape: [1, 1, 2, 2], data: new Float64Array([2, -0, Infinity, NaN]) },
    expected: { shape: [1, 1, 2, 2], data: new Float64Array([2, 0, Infinity, 2]) },
    mismatches: 1,
    bound: 1e-12,
    position: [0, 0, 1, 1],
    calls: [{ method: 'conv2d', call: { op: 'conv2d', inputs: mismatchInputs, options: { stride: 1 } }, outcome: { kind: 'answered', shape: [1, 1, 2, 2] } }],
  },
};

export const syntheticReport: ConformanceReport = {
  adapter: `hostile ${HOSTILE}`,
  dtype: 'float32',
  seed: 7,
  runs: 10,
  checks: [
    { id: 'golden/notes-003-maxpool2d-2x2-stride1', kind: 'golden', operator: 'max-pool2d', family: 'golden', status: 'passed', clauses: ['pool.max.definition'] },
    mismatch,
    { id: 'max-pool2d.definition', kind: 'property', operator: 'max-pool2d', family: 'definition', status: 'error', clauses: ['pool.max.definition'], message: `the adapter threw on a valid case: Error: ${HOSTILE}`, replay: { runSeed: 7, path: '0' } },
    { id: 'avg-pool2d.definition', kind: 'property', operator: 'avg-pool2d', family: 'definition', status: 'skipped', clauses: ['pool.avg.definition'], message: `adapter does not implement avgPool2d ${HOSTILE}` },
  ],
};
