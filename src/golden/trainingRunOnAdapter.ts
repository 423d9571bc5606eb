/**
 * Replays a training fixture through an adapter's conv2d and conv2dBackward (the loss, its gradient
 * 2·(Ŷ − Y) and the SGD step are the kit's, in float64), so the notes' training runs check any adapter's
 * forward and weight/bias gradients together. Throws UnsupportedOperator when either operator is missing.
 */
import type { Adapter } from '../adapter/contract.js';
import { UnsupportedOperator } from '../adapter/operatorCall.js';
import { sgdStep } from '../autograd/sgd.js';
import { parameter } from '../autograd/value.js';
import { checkAdapterResult, toTensorData } from '../tensor/tensorData.js';
import { tensor } from '../tensor/tensor.js';
import type { TrainingFixture } from './fixture.js';
import { fixtureToTensor, type TrainingTrace } from './trainingRun.js';

export async function replayTrainingOnAdapter(adapter: Adapter, f: TrainingFixture): Promise<TrainingTrace> {
  if (!adapter.conv2d) throw new UnsupportedOperator(adapter.name, 'conv2d');
  if (!adapter.conv2dBackward) throw new UnsupportedOperator(adapter.name, 'conv2dBackward');
  const weight = parameter(fixtureToTensor(f.initial.weight));
  const bias = f.initial.bias === null ? null : parameter(fixtureToTensor(f.initial.bias));
  const x = toTensorData(fixtureToTensor(f.data.X));
  const y = fixtureToTensor(f.data.Y);
  const losses: number[] = [];
  for (let epoch = 0; epoch < f.epochs; epoch++) {
    const b = bias === null ? null : toTensorData(bias.data);
    const yHat = checkAdapterResult(await adapter.conv2d(x, toTensorData(weight.data), b), 'conv2d', y.shape);
    const residual = tensor(y.shape, yHat.data.map((v, i) => v - y.data[i]!));
    losses.push(residual.data.reduce((s, r) => s + r * r, 0));
    const gradOutput = toTensorData(tensor(y.shape, residual.data.map((r) => 2 * r)));
    const grads = await adapter.conv2dBackward(x, toTensorData(weight.data), b, gradOutput);
    weight.grad.set(checkAdapterResult(grads.weight, 'conv2dBackward', weight.shape).data);
    if (bias !== null) {
      if (grads.bias === undefined) throw new TypeError(`adapter ${adapter.name}: conv2dBackward returned no bias gradient for a bias`);
      bias.grad.set(checkAdapterResult(grads.bias, 'conv2dBackward', bias.shape).data);
    }
    sgdStep(bias === null ? [weight] : [weight, bias], f.optimizer);
  }
  return { losses, weight: weight.data, bias: bias?.data ?? null };
}
