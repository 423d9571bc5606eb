/**
 * Runs golden fixtures against an adapter. A fixture passes when the adapter's result has the expected shape
 * and, where the fixture has values, every element is within the fixture's absolute tolerance.
 */
import type { Adapter, TensorData } from '../adapter/contract.js';
import { unsupportedNeed } from '../adapter/declaredFeatures.js';
import { invokeOperator, UnsupportedOperator, type OperatorCall } from '../adapter/operatorCall.js';
import { isUnsupported } from '../adapter/unsupported.js';
import { compareTensors } from '../check/compareTensors.js';
import type { CheckDetail, CheckResult } from '../check/checkResult.js';
import { recordingAdapter } from '../adapter/recordingAdapter.js';
import { operatorRecord } from '../operators/index.js';
import { boundText } from '../errors/boundedText.js';
import { formatValue } from '../errors/convkitError.js';
import { checkAdapterResult } from '../tensor/tensorData.js';
import { decodeValue, type Fixture, type FixtureTensor, type ForwardFixture, type TrainingFixture } from './fixture.js';
import { trainingMismatches } from './checkTrainingFixture.js';
import { fixtureFeatures } from './fixtureFeatures.js';
import { replayTrainingOnAdapter } from './trainingRunOnAdapter.js';

/** Deterministic stand-in values for `fill: 'random'` inputs: small multiples of 1/4 in [−2, 2]. */
export function fillValues(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (((i * 7919 + 13) % 17) - 8) / 4);
}

/** What an adapter threw, bounded (`kit.protocol.limits`). */
function thrownText(e: unknown): string {
  return boundText(e instanceof Error ? e.message : typeof e === 'string' ? e : String(e));
}

export function fixtureTensor(t: FixtureTensor): TensorData {
  const count = t.shape.reduce((a, b) => a * b, 1);
  return { shape: [...t.shape], data: t.data ? t.data.map(decodeValue) : fillValues(count) };
}

export function fixtureCall(fixture: ForwardFixture): OperatorCall {
  const inputs = Object.fromEntries(Object.entries(fixture.inputs).map(([name, t]) => [name, t === null ? null : fixtureTensor(t)]));
  return { op: fixture.op, inputs, options: fixture.options };
}

/**
 * Training fixtures run through the adapter's conv2d and conv2dBackward (trainingRunOnAdapter.ts): the notes'
 * runs then check an adapter's gradients too; an adapter without them is skipped.
 */
export async function checkFixture(adapter: Adapter, fixture: Fixture): Promise<CheckResult> {
  // A fixture that needs a feature the adapter declared unsupported is skipped, as a property's case is (a
  // missing operator is said as such, below).
  const ops = fixture.kind === 'training' ? (['conv2d', 'conv2dBackward'] as const) : [fixture.op];
  const declared = ops.every((op) => typeof adapter[op] === 'function') ? unsupportedNeed(adapter, fixtureFeatures(fixture)) : null;
  if (declared !== null) return { ...goldenBase(fixture), status: 'skipped', message: declared };
  return fixture.kind === 'training' ? checkTrainingOnAdapter(adapter, fixture) : checkForwardFixture(adapter, fixture);
}

/** The fields every golden result shares; a training run fits a conv2d layer. */
export function goldenBase(fixture: Fixture) {
  const operator = fixture.kind === 'training' ? operatorRecord('conv2d').id : operatorRecord(fixture.op).id;
  return { id: `golden/${fixture.id}`, kind: 'golden' as const, operator, family: 'golden' as const, clauses: fixture.clauses, ...(fixture.path ? { fixturePath: fixture.path } : {}) };
}

async function checkTrainingOnAdapter(adapter: Adapter, fixture: TrainingFixture): Promise<CheckResult> {
  const base = goldenBase(fixture);
  try {
    const mismatches = trainingMismatches(fixture, await replayTrainingOnAdapter(adapter, fixture));
    if (mismatches.length === 0) return { ...base, status: 'passed' };
    return { ...base, status: 'failed', message: mismatches[0]!, counterexample: { mismatches } };
  } catch (e) {
    if (e instanceof UnsupportedOperator) return { ...base, status: 'skipped', message: e.message };
    if (isUnsupported(e)) return { ...base, status: 'skipped', message: `adapter ${adapter.name} answered unsupported: ${e.message}` };
    return { ...base, status: 'error', message: `training ${fixture.id} threw ${thrownText(e)}` };
  }
}

async function checkForwardFixture(adapter: Adapter, fixture: ForwardFixture): Promise<CheckResult> {
  const recorder = recordingAdapter(adapter);
  const withCalls = (detail: CheckDetail = {}): { detail: CheckDetail } => ({ detail: { ...detail, calls: recorder.calls } });
  const base = goldenBase(fixture);
  const call = fixtureCall(fixture);
  const where = `[${fixture.op}(${formatValue(fixture.options)})]`;
  const clause = fixture.clauses[0] ?? '';
  let raw: unknown;
  try {
    raw = await invokeOperator(recorder.adapter, call);
  } catch (e) {
    if (e instanceof UnsupportedOperator) return { ...base, status: 'skipped', message: e.message };
    if (isUnsupported(e)) return { ...base, status: 'skipped', message: `adapter ${adapter.name} answered unsupported: ${e.message} ${where}` };
    return { ...base, status: 'error', message: `${fixture.op} threw ${thrownText(e)} ${where}`, ...withCalls() };
  }
  let actual;
  try {
    // A malformed tensor is the adapter's error, as in the properties (`err.adapter-result`) — baselines match
    // on status, so both must agree.
    actual = checkAdapterResult(raw, fixture.op, null);
  } catch (e) {
    return { ...base, status: 'error', message: `${thrownText(e)} ${where}`, ...withCalls() };
  }
  const want = fixture.expected.shape;
  if (actual.shape.length !== want.length || actual.shape.some((d, i) => d !== want[i])) {
    // A well-formed tensor of the wrong shape is a wrong answer.
    return { ...base, status: 'failed', brokenClause: clause, message: `${fixture.op}.shape=[${actual.shape.join(', ')}], but should be [${want.join(', ')}] ${where} §${clause}`, ...withCalls() };
  }
  if (fixture.expected.data === undefined) return { ...base, status: 'passed' };
  const expected = { shape: fixture.expected.shape, data: Float64Array.from(fixture.expected.data.map(decodeValue)) };
  const tolerance = fixture.tolerance?.abs ?? 0;
  const cmp = compareTensors(actual, expected, () => tolerance);
  if (cmp.ok) return { ...base, status: 'passed' };
  const m = cmp.first!;
  return {
    ...base,
    status: 'failed',
    brokenClause: clause,
    message: `${fixture.op}[${m.position.join(', ')}]=${m.actual}, but should be ${m.expected} (±${m.bound}; ${cmp.mismatches} of ${expected.data.length} elements differ) ${where} §${clause}`,
    counterexample: { call, expected: fixture.expected },
    ...withCalls({ actual, expected, bound: tolerance, mismatches: cmp.mismatches, position: m.position }),
  };
}

export async function checkFixtures(adapter: Adapter, fixtures: readonly Fixture[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const f of fixtures) results.push(await checkFixture(adapter, f));
  return results;
}
