/**
 * Whether a module runs from source (.ts through tsx) or from the package (.js), from its import.meta.url. The
 * URL's path decides, not the whole string: tsx's `tsImport` (the check workers of `--jobs`, and adapters loaded
 * from TypeScript) appends a query such as `?tsx-namespace=…`, so `url.endsWith('.ts')` is false there.
 */
export function moduleExtension(moduleUrl: string): '.ts' | '.js' {
  return new URL(moduleUrl).pathname.endsWith('.ts') ? '.ts' : '.js';
}
