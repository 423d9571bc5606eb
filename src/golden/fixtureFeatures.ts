/**
 * The declared features a golden fixture needs (contract.ts, `Feature`), so an adapter that declares one of them
 * unsupported has the fixture skipped, as the properties' cases are. A forward fixture's come from its call,
 * by its operator's record (a stride-2 conv2d needs `conv2d.stride`); a training fixture calls conv2d and
 * conv2dBackward with the layer's bias. A fixture may list more in its own `features` field.
 */
import type { Feature } from '../adapter/contract.js';
import { operatorRecord } from '../operators/index.js';
import type { Fixture } from './fixture.js';
import { fixtureCall } from './checkFixture.js';

export function fixtureFeatures(fixture: Fixture): Feature[] {
  const derived: Feature[] = fixture.kind === 'training' ? (fixture.layer.bias ? ['conv2d.bias'] : []) : operatorRecord(fixture.op).features(fixtureCall(fixture));
  return [...new Set([...derived, ...(fixture.features ?? [])])];
}
