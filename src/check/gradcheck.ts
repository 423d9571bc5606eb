/**
 * gradcheck for any adapter (spec/gradients.md, `grad.gradcheck`): the adapter's vector-Jacobian product
 * (its backward operator) against central finite differences of the adapter's own forward.
 *
 * For a random seeded direction v of the output's shape, the analytic gradient is gᵢ = backward(x, v)ᵢ; the
 * numeric one is (⟨f(x + ε·eᵢ), v⟩ − ⟨f(x − ε·eᵢ), v⟩) / 2ε, the dot products taken in float64. One
 * direction v instead of the full Jacobian (torch's fast_mode does the same trick the other way round)
 * keeps the cost at two forwards per input element; with a random v a wrong backward fails with
 * probability 1.
 *
 * Step and tolerances. An element passes when |analytic − numeric| ≤ atol + rtol·|numeric|, the rule of
 * torch.allclose used by torch.autograd.gradcheck. For float64 adapters the defaults are torch's own
 * (eps = 1e-6, atol = 1e-5, rtol = 1e-3; torch.autograd.gradcheck, PyTorch 1.13 docs, "designed for input
 * of double precision"). They fit convkit's operators well: conv, transposed conv, padding and average
 * pooling are linear and max pooling is piecewise linear, so central differences have NO truncation
 * error — only rounding, about Σ|terms|·2⁻⁵³/ε ≈ 1e-10 here, five orders under atol. A smaller ε would only
 * raise that noise; a larger one could step across a max-pool kink. For float32 adapters the rounding is
 * 2⁻²⁴ relative, so ε = 1e-2, atol = 1e-2, rtol = 1e-2 (rounding/ε ≈ 1e-5·Σ|terms|): a coarser but still
 * meaningful check — a wrong index or a missing term changes the gradient by O(1).
 *
 * Output elements that are not finite at x (−∞ from a max-pool window over padding only, NaN from a NaN
 * input) have no derivative: they are left out of ⟨·, v⟩ (their v is taken as 0).
 *
 * Max pooling is differentiable only away from ties; callers should give inputs whose values in any window
 * differ by more than 2ε (the tie rule `grad.max-pool2d` is checked against PyTorch instead).
 *
 * Results are data (STYLE habit 9): per input the worst element with its position and both values; nothing
 * is thrown for a failed comparison. An adapter missing the forward or backward operator gives 'skipped'.
 */
import type { Adapter, TensorData } from '../adapter/contract.js';
import { invokeOperator, UnsupportedOperator, type OperatorCall } from '../adapter/operatorCall.js';
import { formatValue } from '../errors/convkitError.js';
import { checkAdapterResult } from '../tensor/tensorData.js';
import { isUnsupported } from '../adapter/unsupported.js';
import { differentiableInputs, invokeBackward } from '../adapter/operatorCall.js';
import { unravel } from './compareTensors.js';
import { randomSource, randomTensorData } from './randomTensor.js';

export interface GradcheckConstraints {
  readonly eps?: number;
  readonly atol?: number;
  readonly rtol?: number;
  /** Seed of the random direction v; default 1. */
  readonly seed?: number;
  /** A given direction instead of a random one. */
  readonly gradOutput?: TensorData;
}

export interface GradcheckElement {
  readonly index: number;
  readonly position: number[];
  readonly analytic: number;
  readonly numeric: number;
  /** atol + rtol·|numeric|. */
  readonly bound: number;
}

export interface GradcheckInputResult {
  readonly input: string;
  readonly ok: boolean;
  readonly mismatches: number;
  /** The element with the largest |analytic − numeric| / bound (null for an empty or ill-shaped gradient). */
  readonly worst: GradcheckElement | null;
}

export interface GradcheckResult {
  readonly op: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'error';
  readonly eps: number;
  readonly atol: number;
  readonly rtol: number;
  readonly inputs: readonly GradcheckInputResult[];
  /** For failed, skipped and error: the format of STYLE habit 6. */
  readonly message?: string;
}

export const GRADCHECK_DEFAULTS = {
  float64: { eps: 1e-6, atol: 1e-5, rtol: 1e-3 },
  float32: { eps: 1e-2, atol: 1e-2, rtol: 1e-2 },
} as const;

export async function gradcheck(adapter: Adapter, call: OperatorCall, c: GradcheckConstraints = {}): Promise<GradcheckResult> {
  const defaults = GRADCHECK_DEFAULTS[adapter.dtype];
  const eps = c.eps ?? defaults.eps;
  const atol = c.atol ?? defaults.atol;
  const rtol = c.rtol ?? defaults.rtol;
  const base = { op: call.op, eps, atol, rtol };
  const where = `[${call.op}(${formatValue(call.options)})]`;
  try {
    const output = checkAdapterResult(await invokeOperator(adapter, call), call.op, null);
    const drawn = c.gradOutput ?? randomTensorData(output.shape, randomSource(c.seed ?? 1));
    const v = { shape: [...drawn.shape], data: Float64Array.from(drawn.data, (g, i) => (Number.isFinite(output.data[i]) ? g : 0)) };
    const project = async (inputs: OperatorCall['inputs']): Promise<number> => {
      const y = checkAdapterResult(await invokeOperator(adapter, { ...call, inputs }), call.op, v.shape).data;
      let s = 0;
      for (let k = 0; k < y.length; k++) if (v.data[k] !== 0) s += y[k]! * v.data[k]!;
      return s;
    };
    const analytic = await invokeBackward(adapter, call, v);
    const results: GradcheckInputResult[] = [];
    for (const name of differentiableInputs(call)) {
      const x = call.inputs[name]!;
      const grad = analytic[name];
      if (grad === undefined) {
        results.push({ input: name, ok: false, mismatches: 1, worst: null });
        continue;
      }
      const g = checkAdapterResult(grad, `${call.op}Backward`, x.shape);
      const perturbed = Float64Array.from(x.data);
      const inputs = { ...call.inputs, [name]: { shape: x.shape, data: perturbed } };
      let mismatches = 0;
      let worst: GradcheckElement | null = null;
      let worstRatio = -1;
      for (let i = 0; i < perturbed.length; i++) {
        const xi = perturbed[i]!;
        perturbed[i] = xi + eps;
        const plus = await project(inputs);
        perturbed[i] = xi - eps;
        const minus = await project(inputs);
        perturbed[i] = xi;
        const numeric = (plus - minus) / (2 * eps);
        const a = g.data[i]!;
        const bound = atol + rtol * Math.abs(numeric);
        const diff = Math.abs(a - numeric);
        const ratio = Number.isNaN(diff) ? Infinity : diff / bound;
        if (!(diff <= bound)) mismatches++;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          worst = { index: i, position: unravel(i, x.shape), analytic: a, numeric, bound };
        }
      }
      results.push({ input: name, ok: mismatches === 0, mismatches, worst });
    }
    const failed = results.find((r) => !r.ok);
    if (failed === undefined) return { ...base, status: 'passed', inputs: results };
    const w = failed.worst;
    const message = w === null
      ? `grad ${failed.input}=missing, but should be a tensor of shape [${call.inputs[failed.input]!.shape.join(', ')}] ${where} §grad.vjp`
      : `grad ${failed.input}[${w.position.join(', ')}]=${w.analytic}, but should be ${w.numeric} (finite difference, ±${w.bound.toExponential(2)}; ${failed.mismatches} elements differ) ${where} §grad.gradcheck`;
    return { ...base, status: 'failed', inputs: results, message };
  } catch (e) {
    // The adapter's refusal of this one call (`kit.protocol.unsupported`) is its caller's to skip, never an error.
    if (isUnsupported(e)) throw e;
    if (e instanceof UnsupportedOperator) return { ...base, status: 'skipped', inputs: [], message: e.message };
    return { ...base, status: 'error', inputs: [], message: `${call.op} threw ${(e as Error).message ?? String(e)} ${where}` };
  }
}
