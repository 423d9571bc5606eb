/**
 * The shape-corpus checks of a run (spec/shape-descriptors.md, `kit.descriptor.run`): a user's own list as
 * written, or the corpus in shapes/ — every member at full size at scale `large`, a fixed sample shrunk with
 * scaleDescriptor at `default`, one member per operator at `small`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../spec/specClauses.js';
import type { Scale } from '../shape/scale.js';
import { scaleDescriptor, type ScaleConstraints } from '../shape/descriptor/scaleDescriptor.js';
import { loadShapeFile, type ShapeEntry } from '../shape/descriptor/shapeFile.js';
import { DESCRIPTOR_OPERATORS, type ProblemDescriptor } from '../shape/descriptor/problemDescriptor.js';
import { descriptorId, shapeCorpusProperty } from '../../properties/generic/shapeCorpusProperty.js';
import type { Property } from '../../properties/property.js';

/** The run's scale (issue 10): the same three words as `ConformanceOptions.scale`. */
export type CorpusScale = Scale;

/** How far a sampled member is shrunk (`kit.descriptor.run`). */
export const SAMPLE_SCALE: ScaleConstraints = { maxBatch: 3, maxChannels: 16, maxSpatial: 16 };
/** Members per operator in the sample, by scale (`large` takes them all). */
export const SAMPLE_SIZE: Readonly<Record<Exclude<CorpusScale, 'large'>, number>> = { small: 1, default: 4 };

export const shapesDir = (): string => join(packageRoot(), 'shapes');

/** Every member of every shapes/*.txt file, in file-name then line order. */
export function corpusEntries(dir = shapesDir()): ShapeEntry[] {
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().flatMap((f) => loadShapeFile(join(dir, f)));
}

/** Descriptors with the same id once, the first kept. */
function distinct(descriptors: readonly ProblemDescriptor[]): ProblemDescriptor[] {
  const seen = new Set<string>();
  return descriptors.filter((d) => {
    const id = descriptorId(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * `count` of each operator's distinct shrunk members, spread evenly over its list (the first, then every
 * ⌈n/count⌉-th), so the sample crosses files and networks rather than taking the first file.
 */
export function sampleCorpus(entries: readonly ShapeEntry[], count: number, constraints: ScaleConstraints = SAMPLE_SCALE): ProblemDescriptor[] {
  const scaled = distinct(entries.map((e) => scaleDescriptor(e.descriptor, constraints)));
  return DESCRIPTOR_OPERATORS.flatMap((op) => {
    const members = scaled.filter((d) => d.operator === op);
    const step = Math.max(1, Math.ceil(members.length / count));
    return members.filter((_, i) => i % step === 0).slice(0, count);
  });
}

/** The descriptors a run checks: the user's list when given (as written), else the corpus at the run's scale. */
export function shapeDescriptors(scale: CorpusScale, userList?: readonly ShapeEntry[]): ProblemDescriptor[] {
  if (userList !== undefined) return distinct(userList.map((e) => e.descriptor));
  const entries = corpusEntries();
  return scale === 'large' ? distinct(entries.map((e) => e.descriptor)) : sampleCorpus(entries, SAMPLE_SIZE[scale]);
}

export function shapeProperties(scale: CorpusScale, userList?: readonly ShapeEntry[]): Property[] {
  return shapeDescriptors(scale, userList).map(shapeCorpusProperty);
}
