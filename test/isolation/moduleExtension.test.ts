/**
 * moduleExtension decides source (.ts) or package (.js) by the URL's path: under tsx's tsImport — how the
 * `--jobs` check workers load the kit — a module's import.meta.url carries a `?tsx-namespace=…` query, and a
 * plain endsWith('.ts') sent the workers to .js files that do not exist in a checkout.
 */
import { describe, expect, it } from 'vitest';
import { moduleExtension } from '../../src/isolation/moduleExtension.js';

describe('moduleExtension', () => {
  it('reads the path, not the query', () => {
    expect(moduleExtension('file:///repo/src/isolation/builtinAdapters.ts')).toBe('.ts');
    expect(moduleExtension('file:///repo/src/isolation/builtinAdapters.ts?tsx-namespace=1733571234')).toBe('.ts');
    expect(moduleExtension('file:///pkg/dist/src/isolation/builtinAdapters.js')).toBe('.js');
    expect(moduleExtension('file:///pkg/dist/src/a.ts.js?x=.ts')).toBe('.js');
  });

  it('is .ts for this test file, however vitest loaded it', () => {
    expect(moduleExtension(import.meta.url)).toBe('.ts');
  });
});
