/** The reverse-mode autograd: values, operations, a Conv2D layer and SGD (spec/gradients.md). */
export { Value, parameter, constant, scalar, accumulate, zeroGrads, type BackwardRule, type ValueOrigin } from './value.js';
export { topologicalOrder } from './topologicalOrder.js';
export { add } from './ops/add.js';
export { sub } from './ops/sub.js';
export { mul } from './ops/mul.js';
export { pow, square } from './ops/pow.js';
export { sum, mean } from './ops/sum.js';
export { reshape } from './ops/reshape.js';
export { transpose } from './ops/transpose.js';
export { conv2d } from './ops/conv2d.js';
export { convTranspose2d } from './ops/convTranspose2d.js';
export { pad2d } from './ops/pad2d.js';
export { maxPool2d } from './ops/maxPool2d.js';
export { avgPool2d } from './ops/avgPool2d.js';
export { Conv2D, type Conv2DConstraints, type Conv2DInit } from './conv2dLayer.js';
export { sgdStep, type SgdConstraints, type WeightDecayForm } from './sgd.js';
export { mulberry32, type RandomSource } from './seededRandom.js';
