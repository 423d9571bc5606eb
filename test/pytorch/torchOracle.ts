/**
 * Runs a batch of operator calls through PyTorch (test/pytorch/torch_oracle.py under /usr/bin/python3), an
 * implementation independent of the reference. `torchAvailable()` says whether Debian's python3-torch is here.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TensorData } from '../../src/adapter/contract.js';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_oracle.py', import.meta.url));

export interface OracleCall {
  op: 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d' | 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d';
  inputs: Record<string, TensorData | null>;
  options: Record<string, unknown>;
}

export type OracleAnswer = { shape: number[]; data: number[] } | { error: string };

export function torchAvailable(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0;
}

export function runTorch(calls: OracleCall[]): OracleAnswer[] {
  // Non-finite elements travel as "nan", "inf", "-inf" (JSON would write null); torch_oracle.py reads them with float().
  const encode = (x: number): number | string => (Number.isFinite(x) ? x : Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf');
  const payload = JSON.stringify(calls, (_k, v: unknown) => (ArrayBuffer.isView(v) || (Array.isArray(v) && v.some((e) => typeof e === 'number' && !Number.isFinite(e)))
    ? Array.from(v as ArrayLike<number>, encode)
    : v));
  const result = spawnSync(PYTHON, [SCRIPT], { input: payload, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`torch oracle failed: ${result.stderr}`);
  const raw = JSON.parse(result.stdout) as ({ shape: number[]; data: (number | string)[] } | { error: string })[];
  return raw.map((r) => ('error' in r ? r : { shape: r.shape, data: r.data.map((v) => (typeof v === 'string' ? parseSpecial(v) : v)) }));
}

function parseSpecial(v: string): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`torch oracle: unexpected value ${v}`);
}
