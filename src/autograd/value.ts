/**
 * A node of the reverse-mode autograd, in micrograd's shape (karpathy/micrograd engine.py) but tensor-valued:
 * it holds a Tensor, the gradient of the loss with respect to it, its parents in argument order, and a
 * backward rule that ADDS this node's contribution into the parents' gradients — so a node used twice
 * simply receives two contributions (spec/gradients.md, `grad.vjp`).
 */
import { ConvkitError } from '../errors/convkitError.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { topologicalOrder } from './topologicalOrder.js';

/** Adds this node's gradient contribution into its parents' `grad`; receives this node's own `grad`. */
export type BackwardRule = (grad: Float64Array) => void;

export interface ValueOrigin {
  readonly parents: readonly Value[];
  /** The operation that made the value, for messages and debugging: 'add', 'conv2d', … */
  readonly op: string;
  readonly backward: BackwardRule;
}

export class Value {
  readonly data: Tensor;
  /** ∂loss/∂data, same length as data; on leaves it accumulates across backward() calls until zeroGrad(). */
  readonly grad: Float64Array;
  readonly parents: readonly Value[];
  readonly op: string;
  /** False for constants and detached values: their gradients are not computed. */
  readonly requiresGrad: boolean;
  private readonly rule: BackwardRule | null;

  constructor(data: Tensor, origin: ValueOrigin | null = null, requiresGrad = true) {
    this.data = data;
    this.grad = new Float64Array(data.data.length);
    this.parents = origin?.parents ?? [];
    this.op = origin?.op ?? 'leaf';
    this.rule = origin?.backward ?? null;
    this.requiresGrad = origin === null ? requiresGrad : this.parents.some((p) => p.requiresGrad);
  }

  get shape(): readonly number[] {
    return this.data.shape;
  }

  /**
   * Seeds this node's gradient (1 for a one-element value, or `seed`) and runs every backward rule in
   * reverse topological order, so a node's rule runs only after every consumer has added into its grad.
   */
  backward(seed?: Tensor): void {
    // Leaves accumulate across backward() calls (until zeroGrad), as in torch; an intermediate node's grad is
    // this pass's alone — carrying a previous pass's total into it would propagate that total again.
    const order = topologicalOrder(this);
    for (const node of order) if (node.rule !== null) node.grad.fill(0);
    if (seed === undefined) {
      if (this.data.data.length !== 1) {
        throw new ConvkitError({ code: 'E_SHAPE', op: 'backward', argument: 'seed', value: this.shape, rule: 'is needed when the value has more than one element', clause: 'grad.vjp' });
      }
      this.grad[0]! += 1;
    } else {
      if (seed.data.length !== this.grad.length) {
        throw new ConvkitError({ code: 'E_SHAPE', op: 'backward', argument: 'seed.shape', value: seed.shape, rule: `must have the value's shape [${this.shape.join(', ')}]`, clause: 'grad.vjp' });
      }
      for (let i = 0; i < this.grad.length; i++) this.grad[i]! += seed.data[i]!;
    }
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      if (node.requiresGrad && node.rule !== null) node.rule(node.grad);
    }
  }

  zeroGrad(): void {
    this.grad.fill(0);
  }

  /** The same data as a new leaf that does not require gradients: backward stops here (shares the buffer, as torch's detach). */
  detach(): Value {
    return new Value(this.data, null, false);
  }
}

/** A leaf whose gradient is wanted (a parameter or an input under test). */
export function parameter(t: Tensor): Value {
  return new Value(t, null, true);
}

/** A leaf whose gradient is not wanted (data, targets). */
export function constant(t: Tensor): Value {
  return new Value(t, null, false);
}

/** Adds `g` into `target.grad` when the target wants gradients; every backward rule goes through this. */
export function accumulate(target: Value, g: ArrayLike<number>): void {
  if (!target.requiresGrad) return;
  const grad = target.grad;
  for (let i = 0; i < grad.length; i++) grad[i]! += g[i]!;
}

export function zeroGrads(values: Iterable<Value>): void {
  for (const v of values) v.zeroGrad();
}

/** A scalar constant, e.g. for `mul(x, scalar(0.5))`. */
export function scalar(v: number): Value {
  return constant(tensor([], [v]));
}
