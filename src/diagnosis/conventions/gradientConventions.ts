/** Conventions of pooling gradients: ties in max pooling, the average's divisor in its backward (spec/conventions.md). */
import type { AvgPool2dOptions, MaxPool2dOptions } from '../../adapter/contract.js';
import { inputTensor } from '../../operators/callTensors.js';
import { maxPool2dWithArgmax } from '../../reference/maxPool2d.js';
import { pool2dGrid } from '../../shape/pool2dGeometry.js';
import { pairOf } from '../../shape/pair.js';
import { forEachTap, forEachWindow } from '../../shape/windowWalker.js';
import { tensor } from '../../tensor/tensor.js';
import { rewrittenCall, withOptions, type Convention } from '../convention.js';

export const maxGradAllTies: Convention = {
  id: 'max-grad-all-ties',
  title: "max pooling's gradient goes to every element equal to the window's maximum (a mask x == max), not to one of them",
  source: 'TensorFlow MaxPoolGrad via the mask x == max in gradient-by-equality implementations (tf.gradients of tf.reduce_max spreads over ties); PyTorch scatters into the one saved index (spec/gradients.md grad.max-pool2d, pool.max.ties)',
  methods: ['maxPool2dBackward'],
  answer: (call, gradOutput) => {
    if (gradOutput === undefined) return null;
    const input = inputTensor(call, 'input', 'maxPool2dBackward');
    const { output, argmax, geometry: g } = maxPool2dWithArgmax(input, call.options as unknown as MaxPool2dOptions);
    const grad = tensor(input.shape);
    let differs = false;
    forEachWindow(pool2dGrid(g), (w) => {
      const m = output.data[w.out]!;
      const gv = gradOutput.data[w.out]!;
      // The mask x == max: a NaN maximum equals nothing, so its window's gradient is lost (and a NaN window differs).
      if (Number.isNaN(m)) {
        if (argmax[w.out]! >= 0) differs = true;
        return;
      }
      let hits = 0;
      forEachTap(w, g.w.size, (k) => {
        if (input.data[w.inBase + k] === m) {
          grad.data[w.inBase + k]! += gv;
          hits++;
        }
      });
      if (hits > 1) differs = true;
    });
    return differs ? { input: grad } : null;
  },
};

export const avgGradFullWindow: Convention = {
  id: 'avg-grad-full-window',
  title: "average pooling's gradient divides by k_h·k_w wherever the forward divided by fewer elements",
  source: "tfjs-backend-cpu AvgPoolGrad (divides by the filter area; spec/numerics.md num.calibration.tfjs, baselines/tfjs.json); PyTorch avg_pool2d_backward uses the forward's divisor (spec/gradients.md grad.avg-pool2d)",
  methods: ['avgPool2dBackward'],
  answer: rewrittenCall((call) => {
    const o = call.options as unknown as AvgPool2dOptions;
    if (o.divisorOverride !== undefined) return null;
    const [kh, kw] = pairOf(o.kernelSize, 1);
    return withOptions(call, { divisorOverride: kh * kw });
  }),
};
