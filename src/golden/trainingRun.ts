/**
 * Replays a training fixture (golden/training/) with the reference autograd: a Conv2D layer holding the
 * recovered initial parameters, the loss L = Σ (Ŷ − Y)² built from sub, square and sum, backward, and one
 * sgdStep per epoch — the notes' loop (000 In[27], 002 In[28], 004 In[85]). The loss of each epoch is the
 * one printed there: computed before that epoch's step.
 */
import { Conv2D } from '../autograd/conv2dLayer.js';
import { sub } from '../autograd/ops/sub.js';
import { square } from '../autograd/ops/pow.js';
import { sum } from '../autograd/ops/sum.js';
import { sgdStep } from '../autograd/sgd.js';
import { constant } from '../autograd/value.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { decodeValue, type FixtureTensor, type TrainingFixture } from './fixture.js';

export interface TrainingTrace {
  /** losses[k] is the loss of epoch k + 1. */
  readonly losses: number[];
  readonly weight: Tensor;
  readonly bias: Tensor | null;
}

export function fixtureToTensor(t: FixtureTensor): Tensor {
  return tensor(t.shape, (t.data ?? []).map(decodeValue));
}

export function replayTraining(f: TrainingFixture): TrainingTrace {
  const layer = Conv2D.withParameters(fixtureToTensor(f.initial.weight), f.initial.bias === null ? null : fixtureToTensor(f.initial.bias));
  const x = constant(fixtureToTensor(f.data.X));
  const y = constant(fixtureToTensor(f.data.Y));
  const losses: number[] = [];
  for (let epoch = 0; epoch < f.epochs; epoch++) {
    const loss = sum(square(sub(layer.forward(x), y)));
    layer.zeroGrad();
    loss.backward();
    losses.push(loss.data.data[0]!);
    sgdStep(layer.parameters(), f.optimizer);
  }
  return { losses, weight: layer.weight.data, bias: layer.bias?.data ?? null };
}
