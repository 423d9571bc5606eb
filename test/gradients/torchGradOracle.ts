/**
 * Runs a batch of backward calls through PyTorch autograd in float64 (torch_grad_oracle.py), an implementation
 * independent of the reference. Non-finite numbers cross JSON as "nan", "inf", "-inf".
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { PYTHON } from '../pytorch/torchOracle.js';

const SCRIPT = fileURLToPath(new URL('./torch_grad_oracle.py', import.meta.url));

export interface GradOracleCall extends OperatorCall {
  readonly gradOutput: TensorData;
}

export type GradOracleAnswer = { grads: Record<string, { shape: number[]; data: number[] }> } | { error: string };

const encode = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');
const decode = (v: number | string): number => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity);

export function runTorchGradients(calls: readonly GradOracleCall[]): GradOracleAnswer[] {
  const payload = JSON.stringify(calls, (_k, v: unknown) => (ArrayBuffer.isView(v) || (Array.isArray(v) && v.some((e) => typeof e === 'number' && !Number.isFinite(e)))
    ? Array.from(v as ArrayLike<number>, encode)
    : v));
  const result = spawnSync(PYTHON, [SCRIPT], { input: payload, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`torch gradient oracle failed (status ${result.status}, signal ${result.signal}): ${result.stderr.slice(-2000)}`);
  const raw = JSON.parse(result.stdout) as ({ grads: Record<string, { shape: number[]; data: (number | string)[] }> } | { error: string })[];
  return raw.map((r) => ('error' in r ? r : { grads: Object.fromEntries(Object.entries(r.grads).map(([k, t]) => [k, { shape: t.shape, data: t.data.map(decode) }])) }));
}
