/**
 * The bound pass's cost (issue 10 part 5): for each summing case of shapes.ts, the reference's plain forward,
 * the one-pass result + Σ|x·w| (the operator record's referenceWithAbsSum, what every value check now calls),
 * and the two passes it replaced (the forward, then the forward on |inputs|), timed side by side. Max pooling
 * has no absolute sum (`num.exact`) and is left out.
 */
import type { OperatorCall } from '../src/adapter/operatorCall.js';
import { absoluteCall } from '../src/operators/callTensors.js';
import { operatorRecord } from '../src/operators/index.js';
import { caseData } from './caseTensors.js';
import { benchCases, type BenchCase } from './shapes.js';
import { timeSideBySide, type Timing, type TimingConstraints } from './timing.js';

export interface BoundResult {
  readonly op: BenchCase['kind'];
  readonly case: string;
  readonly forward: Timing;
  readonly onePass: Timing;
  readonly twoPass: Timing;
  /** onePass / forward: what the bound adds to a reference call. */
  readonly onePassRatio: number;
  readonly twoPassRatio: number;
}

function benchCall(c: BenchCase): OperatorCall {
  const t = caseData(c).float64;
  const inputs = c.kind === 'conv2d' ? { input: t.input, weight: t.weight, bias: t.bias } : { input: t.input };
  return { op: c.kind, inputs, options: c.opts as unknown as Readonly<Record<string, unknown>> };
}

export async function boundBench(timing: TimingConstraints = {}, onCase: (r: BoundResult) => void = () => undefined): Promise<BoundResult[]> {
  const results: BoundResult[] = [];
  for (const c of benchCases) {
    if (c.kind === 'maxPool2d') continue;
    const record = operatorRecord(c.kind);
    const call = benchCall(c);
    const absolute = absoluteCall(call);
    const [forward, onePass, twoPass] = await timeSideBySide(
      [() => record.reference(call), () => record.referenceWithAbsSum(call), () => [record.reference(call), record.reference(absolute)]],
      timing,
    );
    const r = { op: c.kind, case: c.name, forward: forward!, onePass: onePass!, twoPass: twoPass!, onePassRatio: onePass!.medianMs / forward!.medianMs, twoPassRatio: twoPass!.medianMs / forward!.medianMs };
    onCase(r);
    results.push(r);
  }
  return results;
}
