/**
 * Each property's seed is derived from the run's seed and the property's id, so a property sees the same
 * cases whether it runs alone (`--only`), in a shard, or in the whole catalogue — and a reported seed replays.
 */
export function propertySeed(runSeed: number, propertyId: string): number {
  let h = 2166136261 ^ runSeed; // FNV-1a over the id, started from the run seed
  for (let i = 0; i < propertyId.length; i++) {
    h ^= propertyId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h | 0;
}
