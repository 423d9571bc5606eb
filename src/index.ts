/**
 * convkit's public API: the browser-safe part (the adapter contract, the reference adapter, shape arithmetic,
 * errors: src/browserEntry.ts) and the kit that runs in Node.
 */
export * from './browserEntry.js';
export { invokeBackward, differentiableInputs } from './adapter/operatorCall.js';
export { OPERATORS, operatorRecord, operatorById, ADAPTER_METHODS, type OperatorRecord, type BackwardRecord, type InvalidCall } from './operators/index.js';
// The kit: conformance runs, the property catalogue, fixtures and results as data.
export { runConformance, DEFAULT_RUNS, DEFAULT_SEED, type ConformanceOptions, type ConformanceReport } from './kit/runConformance.js';
export { checkProperty, type PropertyRunOptions } from './kit/checkProperty.js';
export type { CheckResult, CheckStatus } from './check/checkResult.js';
// Coverage of the configuration space (`kit.coverage`), as the report carries it.
export type { RunCoverage, CoverageWarning } from './kit/coverage/runCoverage.js';
export { CoverageTally, type OperatorCoverage, type CellCount } from './kit/coverage/coverageTally.js';
export { coverageCellOf, type CoverageCell } from './kit/coverage/coverageCell.js';
export { BOUNDARIES, type BoundaryId } from './shape/boundaries.js';
export { sumBound, gamma, unitRoundoff, TOLERANCE_C, type Dtype } from './check/tolerance.js';
export { invokeOperator, UnsupportedOperator, type OperatorCall, type ForwardOp } from './adapter/operatorCall.js';
export { adapterProblems, isAdapter } from './adapter/validateAdapter.js';
export { Unsupported, isUnsupported } from './adapter/unsupported.js';
export { FEATURES, type FeatureInfo, type FeatureExample } from './adapter/features.js';
export { loadFixtures, FixtureFormatError } from './golden/loadFixtures.js';
export { checkFixture, checkFixtures } from './golden/checkFixture.js';
export { loadSpecClauses, type SpecClause } from './spec/specClauses.js';
export { catalogue } from '../properties/catalogue.js';
export type { Property, PropertyRequirements } from '../properties/property.js';
export { PropertyFailure } from '../properties/propertyFailure.js';
// Reports: console, JSON (schema/report.schema.json), JUnit XML and HTML, from a ConformanceReport.
export { formatConsoleReport, formatTotals, type ConsoleReportOptions } from './kit/report/consoleReport.js';
export { toJsonReport, formatJsonReport, REPORT_FORMAT, type JsonReport, type JsonCheck, type JsonReportContext } from './kit/report/jsonReport.js';
export { toJUnitXml, type JUnitContext } from './kit/report/junitReport.js';
export { toHtmlReport, type HtmlReportContext } from './kit/report/htmlReport.js';
export { formatGrid, type GridConstraints } from './kit/report/formatGrid.js';
export { formatReproduction } from './kit/report/formatReproduction.js';
export { replayCommand } from './kit/report/replayCommand.js';
export { progressBar, terminalProgress } from './kit/report/progressBar.js';
export { operatorOf, familyOf, countByStatus, FAMILIES, type Family, type StatusCounts } from './kit/report/checkGroups.js';
export type { CheckDetail } from './check/checkResult.js';
// Isolation: adapters in a worker thread or a child process (any language, spec/adapter-protocol.md).
export { isolateAdapter, type IsolateConstraints } from './isolation/isolateAdapter.js';
export { channelAdapter, DEFAULT_TIMEOUT_MS, type IsolationConstraints } from './isolation/channelAdapter.js';
export { AdapterTimeoutError, AdapterCrashError, AdapterLoadError } from './isolation/isolationErrors.js';
export type { AdapterChannel, ChannelListener, Handshake, OpenChannel, Reply } from './isolation/adapterChannel.js';
export { workerChannel } from './isolation/workerChannel.js';
export { childChannel } from './stdio/childChannel.js';
export { writeWireJson, readWireJson } from './stdio/wireJson.js';
export { replayTraining, type TrainingTrace } from './golden/trainingRun.js';
export { replayTrainingOnAdapter } from './golden/trainingRunOnAdapter.js';
export { trainingMismatches } from './golden/checkTrainingFixture.js';
export { formatLike, printedFormat, type PrintedFormat } from './golden/printedNumber.js';
