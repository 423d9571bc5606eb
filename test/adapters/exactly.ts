/** An `only` selection (runConformance) matching exactly the given check ids, none by prefix. */
export function exactly(ids: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${ids.map(escape).join('|')})$`);
}
