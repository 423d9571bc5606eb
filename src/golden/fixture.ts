/**
 * A golden fixture: one operator call with its expected result, taken from the notes or computed by an
 * implementation independent of the reference (golden/README.md; the JSON Schema is golden/schema.json).
 */
import type { Feature } from '../adapter/contract.js';
import type { ForwardOp } from '../adapter/operatorCall.js';

export type FixtureValue = number | 'NaN' | 'Infinity' | '-Infinity';

export interface FixtureTensor {
  shape: number[];
  /** Absent with `fill: 'random'`: only the shape matters (the notes used torch.rand). */
  data?: FixtureValue[];
  fill?: 'random';
}

/** Any registered forward operator (src/operators/); golden/schema.json lists the ones fixtures exist for. */
export type FixtureOp = ForwardOp;

export interface FixtureProvenance {
  source: 'notes' | 'pytorch';
  /** The notes file; absent on cases computed with PyTorch that no note contains (golden/pytorch/). */
  note?: string;
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
  /** Declared features it needs beyond those its call shows (src/golden/fixtureFeatures.ts derives those). */
  features?: Feature[];
  /** Where the fixture was read from; filled in by the loader. */
  path?: string;
}

/** A number exactly as printed in the notes, e.g. "29.116" or "-5.5702e-06"; its digits are its precision. */
export type PrintedNumber = string;

/**
 * A training run printed in the notes (golden/training/): a conv layer trained by SGD on Σ (Ŷ − Y)², with the
 * (recovered) initial parameters, every printed loss and the printed final parameters.
 */
export interface TrainingFixture {
  id: string;
  kind: 'training';
  /** Training fixtures call no single operator; present so `fixture.op` reads on every fixture. */
  op?: never;
  data: { X: FixtureTensor; Y: FixtureTensor };
  layer: { kernelSize: [number, number]; bias: boolean; comment?: string };
  loss: 'sum-squared';
  optimizer: { lr: number; weightDecay: number; weightDecayForm: 'coupled-l2' | 'decoupled'; comment?: string };
  epochs: number;
  initial: { weight: FixtureTensor; bias: FixtureTensor | null; provenance: string; consistentRange?: string };
  printedLosses: { epoch: number; printed: PrintedNumber }[];
  printedFinal: { weight: PrintedNumber[]; bias: PrintedNumber[] | null };
  /** Printed numbers a float64 replay cannot reproduce, e.g. `final bias[0]`, with the errata clause saying why. */
  notReproduced?: { what: string; clause: string; reason: string }[];
  provenance: FixtureProvenance;
  clauses: string[];
  /** Declared features it needs beyond conv2d's bias (src/golden/fixtureFeatures.ts). */
  features?: Feature[];
  path?: string;
}

export type Fixture = ForwardFixture | TrainingFixture;

export function decodeValue(v: FixtureValue): number {
  return typeof v === 'number' ? v : Number(v);
}
