/**
 * One step of stochastic gradient descent, in place on each parameter's data:
 * - weight decay form 'coupled-l2' (default, torch.optim.SGD and the d2l_func `sgd` of note 004):
 *   p ← p − lr·(∇p + wd·p), the gradient of loss + (wd/2)·‖p‖².
 * - 'decoupled': p ← (p − lr·∇p)·(1 − lr·wd), the decay applied after the gradient step (AdamW-style); it
 *   differs from 'coupled-l2' by lr²·wd·∇p.
 * The gradients are read, not cleared: zero them before the next backward (Value.zeroGrad).
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { Value } from './value.js';

export type WeightDecayForm = 'coupled-l2' | 'decoupled';

export interface SgdConstraints {
  readonly lr: number;
  /** Default 0. */
  readonly weightDecay?: number;
  /** Default 'coupled-l2'. */
  readonly weightDecayForm?: WeightDecayForm;
}

export function sgdStep(parameters: readonly Value[], c: SgdConstraints): void {
  const { lr } = c;
  const wd = c.weightDecay ?? 0;
  const form = c.weightDecayForm ?? 'coupled-l2';
  if (!Number.isFinite(lr) || !Number.isFinite(wd)) {
    throw new ConvkitError({ code: 'E_OPTION', op: 'sgdStep', argument: 'lr, weightDecay', value: [lr, wd], rule: 'must be finite numbers', clause: 'grad.vjp' });
  }
  for (const p of parameters) {
    const data = p.data.data;
    const grad = p.grad;
    for (let i = 0; i < data.length; i++) {
      data[i] = form === 'coupled-l2' ? data[i]! - lr * (grad[i]! + wd * data[i]!) : (data[i]! - lr * grad[i]!) * (1 - lr * wd);
    }
  }
}
