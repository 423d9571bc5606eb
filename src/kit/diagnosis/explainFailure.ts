/**
 * Explain (issue 13, after Hypothesis's explain phase): the failing call's parameters — every numeric or boolean
 * option, every enumerated mode, the spatial sizes, the batch and the channel counts, the values — are varied one at a time within
 * their valid range (calls the reference rejects are not tried). A parameter the failure survives every change of
 * is free; one for which some values pass is a dependency, stated as the failing values (≥ v, ≤ v, or a list).
 */
import type { Adapter } from '../../adapter/contract.js';
import { mulberry32, type RandomSource } from '../../autograd/seededRandom.js';
import type { Dtype } from '../../check/tolerance.js';
import type { Dependency } from '../../diagnosis/diagnosis.js';
import { operatorRecord } from '../../operators/index.js';
import { adapterOutcome, agree, referenceOutcome, type CallCase } from './callCase.js';
import { redrawn, resized, withGradOutput } from './nearCases.js';

type Value = number | string | boolean;

/** One parameter of a call and how to set it. */
interface Parameter {
  readonly name: string;
  readonly value: Value;
  readonly alternatives: readonly Value[];
  readonly set: (c: CallCase, v: Value, random: RandomSource) => CallCase;
}

/** Enumerated options: another member of the group the value belongs to is tried. */
const ENUMERATIONS: readonly (readonly string[])[] = [
  ['zeros', 'reflect', 'replicate', 'circular'],
  ['constant', 'reflect', 'replicate', 'circular'],
  ['same', 'valid'], // conv2d's string paddings (`conv.padding.forms`)
];

/**
 * The values tried for a number: the small ones 0…3 and the neighbours v ± 1, v ± 2 (a size of 32 is tried at 30, 31,
 * 33, 34 too, so a dependency on the exact size shows). Negative only where the value itself is (pad2d's cropping pads).
 */
const numericAlternatives = (v: number): number[] => [...new Set([0, 1, 2, 3, v - 2, v - 1, v + 1, v + 2])].filter((x) => x >= Math.min(0, v - 2) && x !== v).sort((a, b) => a - b);
const AXIS_NAMES = ['h', 'w'] as const;

function optionParameters(c: CallCase): Parameter[] {
  const out: Parameter[] = [];
  const setOption = (key: string, value: unknown) => (k: CallCase): CallCase => ({ ...k, call: { ...k.call, options: { ...k.call.options, [key]: value } } });
  for (const [key, v] of Object.entries(c.call.options)) {
    if (typeof v === 'number') out.push({ name: key, value: v, alternatives: numericAlternatives(v), set: (k, x) => setOption(key, x)(k) });
    else if (typeof v === 'boolean') out.push({ name: key, value: v, alternatives: [!v], set: (k, x) => setOption(key, x)(k) });
    else if (typeof v === 'string') {
      const group = ENUMERATIONS.find((g) => g.includes(v));
      if (group) out.push({ name: key, value: v, alternatives: group.filter((x) => x !== v), set: (k, x) => setOption(key, x)(k) });
    } else if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) {
      v.forEach((x: number, i) => out.push({ name: `${key}.${AXIS_NAMES[i]!}`, value: x, alternatives: numericAlternatives(x), set: (k, y) => setOption(key, v.map((z: number, j) => (j === i ? y : z)))(k) }));
    } else if (typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'number')) {
      for (const [side, x] of Object.entries(v as Record<string, number>)) {
        out.push({ name: `${key}.${side}`, value: x, alternatives: numericAlternatives(x), set: (k, y) => setOption(key, { ...(v as object), [side]: y })(k) });
      }
    }
  }
  return out;
}

function sizeParameters(c: CallCase): Parameter[] {
  const out: Parameter[] = [];
  for (const [name, t] of Object.entries(c.call.inputs)) {
    if (t === null) continue;
    const r = t.shape.length;
    const axes: [number, string][] = r === 4 ? [[2, 'H'], [3, 'W']] : r === 2 ? [[0, 'H'], [1, 'W']] : [];
    if (r === 4 && name === 'input') axes.unshift([0, 'N']);
    for (const [axis, label] of axes) {
      const v = t.shape[axis]!;
      out.push({
        name: `${name}.${label}`, value: v, alternatives: numericAlternatives(v).filter((x) => x >= 1),
        set: (k, x, random) => withGradOutput({ ...k, call: { ...k.call, inputs: { ...k.call.inputs, [name]: resized(t, t.shape.map((d, i) => (i === axis ? (x as number) : d)), random) } } }, random),
      });
    }
  }
  return out;
}

/**
 * The channel counts (the record's channelExtents): each is resized on every tensor that carries it at once, so the
 * call stays valid — a kernel that packs channels in vectors of 3 or 4 fails for some counts only.
 */
function channelParameters(c: CallCase): Parameter[] {
  const groups = typeof c.call.options['groups'] === 'number' ? c.call.options['groups'] : 1;
  const out: Parameter[] = [];
  for (const extent of operatorRecord(c.call.op).channelExtents ?? []) {
    const held = extent.axes.filter((a) => (c.call.inputs[a.tensor]?.shape.length ?? 0) >= a.fromEnd);
    const first = held[0];
    if (first === undefined) continue;
    const t = c.call.inputs[first.tensor]!;
    const value = t.shape[t.shape.length - first.fromEnd]! * (first.perGroup ? groups : 1);
    const perGroup = held.some((a) => a.perGroup);
    out.push({
      name: extent.name, value, alternatives: numericAlternatives(value).filter((x) => x >= 1 && (!perGroup || x % groups === 0)),
      set: (k, x, random) => {
        const inputs = { ...k.call.inputs };
        for (const a of held) {
          const u = inputs[a.tensor]!;
          const axis = u.shape.length - a.fromEnd;
          inputs[a.tensor] = resized(u, u.shape.map((d, i) => (i === axis ? (a.perGroup ? (x as number) / groups : (x as number)) : d)), random);
        }
        return withGradOutput({ ...k, call: { ...k.call, inputs } }, random);
      },
    });
  }
  return out;
}

const valuesParameter: Parameter = {
  name: 'values', value: 'as drawn', alternatives: ['redrawn 1', 'redrawn 2', 'redrawn 3'],
  set: (k, _, random) => ({ ...k, call: { ...k.call, inputs: Object.fromEntries(Object.entries(k.call.inputs).map(([n, t]) => [n, t === null ? null : redrawn(t, random)])) } }),
};

function dependency(p: Parameter, failing: Value[], passing: Value[]): Dependency {
  if (failing.every((v) => typeof v === 'number') && passing.every((v) => typeof v === 'number')) {
    const f = (failing as number[]).sort((a, b) => a - b), q = passing as number[];
    if (q.every((v) => v < f[0]!)) return { parameter: p.name, rule: 'at-least', values: [f[0]!] };
    if (q.every((v) => v > f[f.length - 1]!)) return { parameter: p.name, rule: 'at-most', values: [f[f.length - 1]!] };
    return { parameter: p.name, rule: 'one-of', values: f };
  }
  return { parameter: p.name, rule: 'one-of', values: failing };
}

export interface Explanation {
  readonly dependsOn: Dependency[];
  readonly free: string[];
  readonly timedOut: boolean;
}

/** Explains a call on which the adapter and the reference disagree. */
export async function explainFailure(adapter: Adapter, failing: CallCase, dtype: Dtype, deadline: number): Promise<Explanation> {
  const random = mulberry32(0x13);
  const dependsOn: Dependency[] = [];
  const free: string[] = [];
  for (const p of [...optionParameters(failing), ...sizeParameters(failing), ...channelParameters(failing), valuesParameter]) {
    const failingValues: Value[] = [p.value];
    const passingValues: Value[] = [];
    for (const v of p.alternatives) {
      if (Date.now() > deadline) return { dependsOn, free, timedOut: true };
      const c = p.set(failing, v, random);
      const reference = referenceOutcome(c);
      if (reference.kind === 'threw') continue; // outside the valid range
      (agree(await adapterOutcome(adapter, c), reference, dtype) ? passingValues : failingValues).push(v);
    }
    if (failingValues.length + passingValues.length === 1) continue; // no valid alternative: says nothing
    if (passingValues.length === 0) free.push(p.name);
    else if (p !== valuesParameter) dependsOn.push(dependency(p, failingValues, passingValues));
    else dependsOn.push({ parameter: 'values', rule: 'one-of', values: ['as drawn'] });
  }
  return { dependsOn, free, timedOut: false };
}
