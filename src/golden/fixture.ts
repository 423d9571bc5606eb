/**
 * A golden fixture: one operator call with its expected result, taken from the notes or computed by an
 * implementation independent of the reference (golden/README.md; the JSON Schema is golden/schema.json).
 */
export type FixtureValue = number | 'NaN' | 'Infinity' | '-Infinity';

export interface FixtureTensor {
  shape: number[];
  /** Absent with `fill: 'random'`: only the shape matters (the notes used torch.rand). */
  data?: FixtureValue[];
  fill?: 'random';
}

export type FixtureOp = 'corr2d' | 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d';

export interface FixtureProvenance {
  source: 'notes' | 'pytorch';
  note: string;
  cell?: string;
  printed?: string;
  computedWith?: string;
  comment?: string;
}

export interface ForwardFixture {
  id: string;
  kind: 'forward';
  op: FixtureOp;
  inputs: Record<string, FixtureTensor | null>;
  options: Record<string, unknown>;
  /** Without data only the shape is compared. */
  expected: FixtureTensor;
  /** Absent on shape-only fixtures. */
  tolerance?: { abs: number; comment?: string };
  provenance: FixtureProvenance;
  clauses: string[];
  /** Where the fixture was read from; filled in by the loader. */
  path?: string;
}

export type Fixture = ForwardFixture;

export function decodeValue(v: FixtureValue): number {
  return typeof v === 'number' ? v : Number(v);
}
