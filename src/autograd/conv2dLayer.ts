/**
 * A Conv2D layer: a weight [O, C/groups, kh, kw] and an optional bias [O], applied with conv2d and every
 * option of spec/conv2d.md. Initialisation is from a seedable generator (seededRandom.ts):
 * - 'uniform01' (default) — weight ~ U[0, 1), bias 0: note 004's own layer (`torch.rand(kernel_size)`,
 *   `torch.zeros(1)`).
 * - 'kaimingUniform' — weight and bias ~ U(−1/√fan_in, 1/√fan_in), fan_in = C/groups·kh·kw: nn.Conv2d's
 *   reset_parameters (kaiming_uniform_ with a = √5 gives gain·√(3/fan_in) = 1/√fan_in), the layer notes
 *   000 and 002 use.
 */
import type { Conv2dOptions, Pair } from '../adapter/contract.js';
import { checkInteger, checkPair } from '../shape/argumentChecks.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { conv2d } from './ops/conv2d.js';
import { mulberry32, type RandomSource } from './seededRandom.js';
import { parameter, type Value, zeroGrads } from './value.js';

export type Conv2DInit = 'uniform01' | 'kaimingUniform';

export interface Conv2DConstraints {
  readonly inChannels?: number;
  readonly outChannels?: number;
  readonly kernelSize: Pair;
  /** Default true. */
  readonly bias?: boolean;
  /** Default 'uniform01'. */
  readonly init?: Conv2DInit;
  /** A generator or a seed for mulberry32; default seed 0. */
  readonly random?: RandomSource | number;
  /** stride, padding, dilation, groups, paddingMode — passed to conv2d unchanged. */
  readonly options?: Conv2dOptions;
}

export class Conv2D {
  constructor(
    readonly weight: Value,
    readonly bias: Value | null,
    readonly options: Conv2dOptions = {},
  ) {}

  /** A randomly initialised layer (see the file comment for the two initialisations). */
  static random(c: Conv2DConstraints): Conv2D {
    const inChannels = checkInteger('Conv2D', 'inChannels', c.inChannels ?? 1, { min: 1, clause: 'conv.channels' });
    const outChannels = checkInteger('Conv2D', 'outChannels', c.outChannels ?? 1, { min: 1, clause: 'conv.channels' });
    const groups = checkInteger('Conv2D', 'options.groups', c.options?.groups ?? 1, { min: 1, clause: 'conv.groups' });
    const [kh, kw] = checkPair('Conv2D', 'kernelSize', c.kernelSize, 1, { min: 1, clause: 'conv.definition' });
    const random = typeof c.random === 'function' ? c.random : mulberry32(c.random ?? 0);
    const fanIn = (inChannels / groups) * kh * kw;
    const draw = c.init === 'kaimingUniform' ? uniformIn(random, 1 / Math.sqrt(fanIn)) : random;
    const weight = parameter(filled([outChannels, Math.floor(inChannels / groups), kh, kw], draw));
    const withBias = c.bias ?? true;
    const bias = withBias ? parameter(c.init === 'kaimingUniform' ? filled([outChannels], draw) : tensor([outChannels])) : null;
    return new Conv2D(weight, bias, c.options ?? {});
  }

  /** A layer holding given parameters (e.g. a fixture's recovered initial kernel); the tensors are copied. */
  static withParameters(weight: Tensor, bias: Tensor | null, options: Conv2dOptions = {}): Conv2D {
    return new Conv2D(parameter(tensor(weight.shape, weight.data)), bias === null ? null : parameter(tensor(bias.shape, bias.data)), options);
  }

  forward(x: Value): Value {
    return conv2d(x, this.weight, this.bias, this.options);
  }

  /** Weight first, then bias: the order nn.Module.parameters() gives. */
  parameters(): Value[] {
    return this.bias === null ? [this.weight] : [this.weight, this.bias];
  }

  zeroGrad(): void {
    zeroGrads(this.parameters());
  }
}

function uniformIn(random: RandomSource, bound: number): RandomSource {
  return () => (2 * random() - 1) * bound;
}

function filled(shape: number[], draw: RandomSource): Tensor {
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = draw();
  return t;
}
