/** convkit's public API: the adapter contract, the reference adapter, shape arithmetic and errors. */
export type {
  Adapter, TensorData, Pair, Pads, PaddingMode, Pad2dMode, Conv2dOptions, ConvTranspose2dOptions, MaxPool2dOptions,
  AvgPool2dOptions, AdaptivePool2dOptions, Conv2dGradients, ConvTranspose2dGradients, Feature, Supports, OperatorName,
} from './adapter/contract.js';
export { reference } from './adapter/referenceAdapter.js';
export { ConvkitError, type ConvkitErrorCode, type ConvkitErrorDetails } from './errors/convkitError.js';
export { windowOutputSize, transposedOutputSize, dilatedExtent, type WindowAxis } from './shape/windowOutputSize.js';
export { samePadding, type SameConvention } from './shape/samePadding.js';
export { conv2dGeometry, conv2dOutputShape, type Conv2dGeometry } from './shape/conv2dGeometry.js';
export { convTranspose2dGeometry, convTranspose2dOutputShape, type ConvTranspose2dGeometry } from './shape/convTranspose2dGeometry.js';
export { pad2dGeometry, pad2dOutputShape, type Pad2dGeometry } from './shape/pad2dGeometry.js';
export { maxPool2dGeometry, avgPool2dGeometry, pool2dOutputShape, type Pool2dGeometry, type AvgPool2dGeometry } from './shape/pool2dGeometry.js';
export { adaptivePool2dGeometry, adaptivePool2dOutputShape, adaptiveWindow, type AdaptivePool2dGeometry, type AdaptiveAxis } from './shape/adaptivePool2dGeometry.js';
export { receptiveField, receptiveRange, type ReceptiveField, type WindowLayer } from './shape/receptiveField.js';
export { tensor, zeros, full, fromNested, toNested, reshape, elementCount, type Tensor } from './tensor/tensor.js';
export { corr2d, flipKernel, convolve2d } from './reference/corr2d.js';
export { conv2d } from './reference/conv2d.js';
export { convTranspose2d } from './reference/convTranspose2d.js';
export { pad2d } from './reference/pad2d.js';
export { maxPool2d, maxPool2dWithArgmax } from './reference/maxPool2d.js';
export { avgPool2d } from './reference/avgPool2d.js';
export { adaptiveAvgPool2d } from './reference/adaptiveAvgPool2d.js';
export { adaptiveMaxPool2d, adaptiveMaxPool2dWithArgmax } from './reference/adaptiveMaxPool2d.js';
export { conv2dBackward, type Conv2dTensorGradients } from './reference/conv2dBackward.js';
export { convTranspose2dBackward } from './reference/convTranspose2dBackward.js';
export { pad2dBackward } from './reference/pad2dBackward.js';
export { maxPool2dBackward } from './reference/maxPool2dBackward.js';
export { avgPool2dBackward } from './reference/avgPool2dBackward.js';
export { adaptiveAvgPool2dBackward } from './reference/adaptiveAvgPool2dBackward.js';
export { adaptiveMaxPool2dBackward } from './reference/adaptiveMaxPool2dBackward.js';
/** The reverse-mode autograd (Value, its operations, Conv2D, sgdStep), as one namespace: its op names match the reference's. */
export * as autograd from './autograd/index.js';
export { gradcheck, GRADCHECK_DEFAULTS, type GradcheckConstraints, type GradcheckResult, type GradcheckInputResult, type GradcheckElement } from './check/gradcheck.js';
export { adjointTest, linearArgument, ADJOINT_SAFETY_FACTOR, type AdjointResult, type LinearOperator } from './check/adjointTest.js';
export { invokeBackward, differentiableInputs } from './adapter/operatorCall.js';
export { OPERATORS, operatorRecord, operatorById, ADAPTER_METHODS, type OperatorRecord, type BackwardRecord, type InvalidCall } from './operators/index.js';
// The kit: conformance runs, the property catalogue, fixtures and results as data.
export { runConformance, DEFAULT_RUNS, DEFAULT_SEED, type ConformanceOptions, type ConformanceReport } from './kit/runConformance.js';
export { checkProperty, type PropertyRunOptions } from './kit/checkProperty.js';
export type { CheckResult, CheckStatus } from './check/checkResult.js';
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
