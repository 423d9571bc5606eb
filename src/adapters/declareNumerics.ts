/**
 * A backend that computes every operator the same way (one storage format, one accumulation format, direct
 * sums) declares it once: this gives each operator the adapter offers that declaration in `Adapter.numerics`
 * (contract.ts, `OperatorNumerics`; spec/numerics.md, `num.declaration`), so the kit judges each by the error
 * model of what the backend really computes. Browser-safe (no imports but types): the page adapters use it.
 */
import type { Adapter, OperatorName, OperatorNumerics } from '../adapter/contract.js';

/** The operator methods of `adapter`: its function fields, but `close`. */
function operatorsOf(adapter: Adapter): OperatorName[] {
  return Object.entries(adapter).filter(([key, value]) => typeof value === 'function' && key !== 'close').map(([key]) => key as OperatorName);
}

export function declareNumerics(adapter: Adapter, declaration: OperatorNumerics): Adapter {
  const numerics: Partial<Record<OperatorName, OperatorNumerics>> = {};
  for (const op of operatorsOf(adapter)) numerics[op] = { ...declaration };
  return { ...adapter, numerics };
}
