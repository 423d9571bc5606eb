/**
 * The machine-readable report (`--json`), described by schema/report.schema.json (JSON Schema 2020-12).
 * Lossless: typed arrays become arrays; NaN, ±Infinity and −0 become the strings "NaN", "Infinity",
 * "-Infinity" and "-0" (the fixtures' spelling; `Number(s)` reads each back exactly), every other number is
 * written in JavaScript's shortest round-trip form.
 */
import type { PrecisionFingerprint } from '../../check/precisionFingerprint.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckKind, CheckResult, CheckStatus } from '../../check/checkResult.js';
import { FAMILIES, type Family } from '../../check/checkFamily.js';
import { packageRoot } from '../../spec/specClauses.js';
import type { ConformanceReport } from '../runConformance.js';
import type { ConventionMatch, Diagnosis } from '../../diagnosis/diagnosis.js';
import type { Health } from '../../diagnosis/health.js';
import type { JobsFallback } from '../jobs/jobsFallback.js';
import { countByStatus } from './checkGroups.js';
import { replayCommand } from './replayCommand.js';
import { isScale, SCALES, type Scale } from '../../shape/scale.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import { prettyJson } from './prettyJson.js';

export const REPORT_FORMAT = 'convkit-report/1';

export interface JsonReportContext {
  /** The `--adapter` argument; with it each failure carries its replay command. */
  readonly adapterSpec?: string;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  /** Overrides the time stamp of writing (for reproducible output in tests). */
  readonly generatedAt?: Date;
}

export interface JsonCheck {
  readonly id: string;
  readonly kind: CheckKind;
  readonly status: CheckStatus;
  readonly operator: string;
  readonly family: string;
  readonly clauses: readonly string[];
  readonly message?: string;
  readonly brokenClause?: string;
  readonly counterexample?: unknown;
  /** The run seed the case was drawn with (a corpus case keeps its own) and fast-check's path to it. */
  readonly runSeed?: number;
  readonly path?: string;
  /** The scale the case was drawn at, when not 'default'. */
  readonly scale?: Scale;
  /** 'exact' when the case was drawn in exact mode (`num.values.exact`). */
  readonly values?: 'exact';
  readonly fixturePath?: string;
  readonly replay?: string;
  readonly detail?: unknown;
  /** `num.fingerprint`: the precision a failing operator behaves like (src/check/precisionFingerprint.ts). */
  readonly fingerprint?: PrecisionFingerprint;
  /** A failed property's diagnosis (`kit.diagnosis.conventions`, `kit.diagnosis.explain`). */
  readonly diagnosis?: Diagnosis;
  /** A vacuous check's reason, measured share and threshold (`kit.health.vacuous`). */
  readonly health?: Health;
}

export interface JsonReport {
  readonly format: typeof REPORT_FORMAT;
  readonly convkit: string;
  readonly adapter: string;
  readonly adapterSpec?: string;
  readonly dtype: ConformanceReport['dtype'];
  readonly seed: number;
  readonly runs: number;
  readonly scale?: Scale;
  /** 'exact' for an exact-mode run (`num.values.exact`). */
  readonly values?: 'exact';
  readonly generatedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  /** Counts by status; `vacuous` only when some check is (kit.health.vacuous). */
  readonly summary: { readonly total: number } & Readonly<Record<Exclude<CheckStatus, 'vacuous'>, number>> & { readonly vacuous?: number };
  /** Several jobs were asked for but the checks ran on one thread, and why (`kit.jobs.fallback`). */
  readonly jobsFallback?: JobsFallback;
  readonly checks: readonly JsonCheck[];
  /** The configuration-space cells the properties exercised, per operator, and the boundaries missed (`kit.coverage`). */
  readonly coverage?: RunCoverage;
}

let version: string | undefined;
/** convkit's own version, from its package.json. */
export function convkitVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** A value made JSON-safe without loss (see the file comment). */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return Object.is(value, -0) ? '-0' : value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, jsonSafe);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function').map(([k, v]) => [k, jsonSafe(v)]));
  }
  return typeof value === 'bigint' ? String(value) : value;
}

function jsonCheck(c: CheckResult, adapterSpec: string | undefined): JsonCheck {
  const failing = c.status === 'failed' || c.status === 'error';
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    operator: c.operator,
    family: c.family,
    clauses: [...c.clauses],
    ...(c.message !== undefined ? { message: c.message } : {}),
    ...(c.brokenClause !== undefined ? { brokenClause: c.brokenClause } : {}),
    ...(c.counterexample !== undefined ? { counterexample: jsonSafe(c.counterexample) } : {}),
    ...(c.replay !== undefined ? { runSeed: c.replay.runSeed } : {}),
    ...(c.replay?.path !== undefined ? { path: c.replay.path } : {}),
    ...(c.replay?.scale !== undefined ? { scale: c.replay.scale } : {}),
    ...(c.replay?.values !== undefined ? { values: c.replay.values } : {}),
    ...(c.fixturePath !== undefined ? { fixturePath: c.fixturePath } : {}),
    ...(failing && adapterSpec !== undefined ? { replay: replayCommand(c, adapterSpec) } : {}),
    ...(c.detail !== undefined ? { detail: jsonSafe(c.detail) } : {}),
    ...(c.fingerprint !== undefined ? { fingerprint: jsonSafe(c.fingerprint) as PrecisionFingerprint } : {}),
    ...(c.diagnosis !== undefined ? { diagnosis: jsonSafe(c.diagnosis) as Diagnosis } : {}),
    ...(c.health !== undefined ? { health: c.health } : {}),
  };
}

export function toJsonReport(report: ConformanceReport, context: JsonReportContext = {}): JsonReport {
  const { adapterSpec, startedAt, finishedAt } = context;
  return {
    format: REPORT_FORMAT,
    convkit: convkitVersion(),
    adapter: report.adapter,
    ...(adapterSpec !== undefined ? { adapterSpec } : {}),
    dtype: report.dtype,
    seed: report.seed,
    runs: report.runs,
    ...(report.scale !== undefined ? { scale: report.scale } : {}),
    ...(report.values !== undefined ? { values: report.values } : {}),
    generatedAt: (context.generatedAt ?? new Date()).toISOString(),
    ...(startedAt ? { startedAt: startedAt.toISOString() } : {}),
    ...(finishedAt ? { finishedAt: finishedAt.toISOString() } : {}),
    ...(startedAt && finishedAt ? { durationMs: finishedAt.getTime() - startedAt.getTime() } : {}),
    summary: summaryOf(report.checks),
    ...(report.jobsFallback !== undefined ? { jobsFallback: report.jobsFallback } : {}),
    checks: report.checks.map((c) => jsonCheck(c, adapterSpec)),
    ...(report.coverage !== undefined ? { coverage: report.coverage } : {}),
  };
}

/** The report as the text of a .json file. */
export function formatJsonReport(report: ConformanceReport, context: JsonReportContext = {}): string {
  // Each coverage cell and warning on one line (prettyJson.ts); everything else as JSON.stringify indents it.
  const oneLine = (path: readonly (string | number)[]) =>
    path[0] === 'coverage' && (path[1] === 'warnings' ? path.length === 3 : path.length === 5 && (path[3] === 'cells' || path[3] === 'boundaries'));
  return `${prettyJson(toJsonReport(report, context), oneLine)}\n`;
}

const KINDS: readonly CheckKind[] = ['golden', 'property', 'corpus'];
const STATUS_VALUES: readonly CheckStatus[] = ['passed', 'failed', 'error', 'skipped', 'vacuous'];

/**
 * A check read back from a JSON report (for `convkit merge` and `convkit matrix`): the same fields, the
 * replay record rebuilt from runSeed and path. Tensors stay in their JSON spelling. Throws a RangeError that
 * names the check and the field on a report that is not convkit's.
 */
export function checkFromJson(value: unknown, index: number): CheckResult {
  const c = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const where = `checks[${index}]${typeof c['id'] === 'string' ? ` (${c['id']})` : ''}`;
  const need = (ok: boolean, field: string, rule: string) => {
    if (!ok) throw new RangeError(`${where}.${field} = ${JSON.stringify(c[field])}: ${rule}`);
  };
  need(typeof c['id'] === 'string', 'id', 'must be a string');
  need(KINDS.includes(c['kind'] as CheckKind), 'kind', `must be one of ${KINDS.join(', ')}`);
  need(STATUS_VALUES.includes(c['status'] as CheckStatus), 'status', `must be one of ${STATUS_VALUES.join(', ')}`);
  need(typeof c['operator'] === 'string', 'operator', 'must be a string');
  need(FAMILIES.includes(c['family'] as Family), 'family', `must be one of ${FAMILIES.join(', ')}`);
  need(Array.isArray(c['clauses']), 'clauses', 'must be an array of clause ids');
  need(c['runSeed'] === undefined || Number.isInteger(c['runSeed']), 'runSeed', 'must be an integer');
  need(c['scale'] === undefined || isScale(String(c['scale'])), 'scale', `must be one of ${SCALES.join(', ')}`);
  need(c['values'] === undefined || c['values'] === 'exact', 'values', 'must be "exact" when present (num.values.exact)');
  return {
    id: c['id'] as string,
    kind: c['kind'] as CheckKind,
    operator: c['operator'] as string,
    family: c['family'] as Family,
    status: c['status'] as CheckStatus,
    clauses: c['clauses'] as string[],
    ...(typeof c['message'] === 'string' ? { message: c['message'] } : {}),
    ...(typeof c['brokenClause'] === 'string' ? { brokenClause: c['brokenClause'] } : {}),
    ...(c['counterexample'] !== undefined ? { counterexample: c['counterexample'] } : {}),
    ...(typeof c['runSeed'] === 'number' ? { replay: { runSeed: c['runSeed'], ...(typeof c['path'] === 'string' ? { path: c['path'] } : {}), ...(typeof c['scale'] === 'string' && isScale(c['scale']) ? { scale: c['scale'] } : {}), ...(c['values'] === 'exact' ? { values: 'exact' as const } : {}) } } : {}),
    ...(typeof c['fixturePath'] === 'string' ? { fixturePath: c['fixturePath'] } : {}),
    ...(typeof c['detail'] === 'object' && c['detail'] !== null ? { detail: c['detail'] as Record<string, unknown> } : {}),
    ...(typeof c['fingerprint'] === 'object' && c['fingerprint'] !== null ? { fingerprint: c['fingerprint'] as PrecisionFingerprint } : {}),
    ...(isDiagnosis(c['diagnosis']) ? { diagnosis: c['diagnosis'] } : {}),
    ...(isHealth(c['health']) ? { health: c['health'] } : {}),
  };
}

/** A diagnosis read back from JSON: kept when its conventions are a list of {id, title, source}. */
function isDiagnosis(value: unknown): value is Diagnosis {
  if (typeof value !== 'object' || value === null) return false;
  const conventions = (value as { conventions?: unknown }).conventions;
  return Array.isArray(conventions) && conventions.every((c) => typeof c === 'object' && c !== null && typeof (c as ConventionMatch).id === 'string' && typeof (c as ConventionMatch).title === 'string' && typeof (c as ConventionMatch).source === 'string');
}

/** A health record read back from JSON: kept when its fields have their types. */
function isHealth(value: unknown): value is Health {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return typeof h['reason'] === 'string' && typeof h['share'] === 'number' && typeof h['threshold'] === 'number' && typeof h['cases'] === 'number';
}

/** The status counts, `vacuous` only when some check is (older readers of convkit-report/1 see the same keys). */
function summaryOf(checks: readonly CheckResult[]): JsonReport['summary'] {
  const { vacuous, ...counts } = countByStatus(checks);
  return { total: checks.length, ...counts, ...(vacuous > 0 ? { vacuous } : {}) };
}
