/**
 * A benchmark case as one call through a convkit adapter: what the kit itself pays, layout and type
 * conversions included (TensorData in, TensorData out).
 */
import type { Adapter } from '../src/adapter/contract.js';
import type { CaseTensors } from './caseTensors.js';
import type { BenchCase } from './shapes.js';
import type { Timed } from './timing.js';

export function adapterContender(adapter: Adapter, c: BenchCase, t: CaseTensors): Timed {
  const op = adapter[c.kind];
  if (op === undefined) throw new Error(`${adapter.name} has no ${c.kind}`);
  if (c.kind === 'conv2d') return () => adapter.conv2d!(t.input, t.weight!, t.bias, c.opts);
  if (c.kind === 'maxPool2d') return () => adapter.maxPool2d!(t.input, c.opts);
  return () => adapter.avgPool2d!(t.input, c.opts);
}
