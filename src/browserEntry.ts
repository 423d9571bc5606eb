/**
 * The browser-safe part of convkit's API, for adapters that run in a page (`kit.protocol.page`): the contract's
 * types, errors, shape arithmetic, tensors and the float64 reference — nothing that needs Node. Import it as
 * `convkit/browser` (package.json `exports`); the page channel's bundler resolves that to the running kit's own copy.
 */
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
