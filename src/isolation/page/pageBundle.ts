/**
 * The page a page adapter runs in (`kit.protocol.page`): the adapter module bundled for the browser by
 * esbuild together with the page's harness (pageHarness.ts), and the HTML page that loads it. A module that
 * cannot be bundled (a syntax error, an import that does not resolve, a Node built-in) is an AdapterLoadError
 * with esbuild's message, file and line.
 */
import { AdapterLoadError } from '../isolationErrors.js';

export interface PageFiles {
  /** The bundle: exports `adapterModule` (the adapter module's namespace) and `serveAdapter`. */
  readonly bundle: string;
  readonly html: string;
}

// This file is src/isolation/page/x.ts in the repository and dist/src/isolation/page/x.js in the package.
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const harnessUrl = new URL(`./pageHarness${ext}`, import.meta.url);
/** `import … from 'convkit/browser'` in a page adapter bundles the running kit's own browser-safe entry. */
const kitEntryUrl = new URL(`../../browserEntry${ext}`, import.meta.url);

/** The index page: it loads the bundle and starts the harness, or reports why the module did not load. */
export function pageHtml(exportName: string, operatorNames: readonly string[], bundlePath = '/adapter.js'): string {
  const loadError = "{ name: 'AdapterLoadError', message: 'the module failed to load in the page: ' + (e && e.stack ? e.stack : e) }";
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<title>convkit page adapter</title>',
    '<script type="module">',
    `import(${JSON.stringify(bundlePath)}).then(`,
    `  (m) => m.serveAdapter(m.adapterModule, ${JSON.stringify(exportName)}, ${JSON.stringify(operatorNames)}),`,
    `  (e) => window.__convkitReply(JSON.stringify([{ id: 0, error: ${loadError} }])),`,
    ');',
    '</script>',
    '',
  ].join('\n');
}

/** Bundles the adapter module at `modulePath` (a file path) with the harness. */
export async function buildPage(modulePath: string, exportName: string, operatorNames: readonly string[]): Promise<PageFiles> {
  const { build } = await import('esbuild');
  const { fileURLToPath } = await import('node:url');
  const { dirname } = await import('node:path');
  try {
    const result = await build({
      stdin: {
        contents: `export * as adapterModule from ${JSON.stringify(modulePath)};\nexport { serveAdapter } from ${JSON.stringify(fileURLToPath(harnessUrl))};\n`,
        resolveDir: dirname(modulePath),
        sourcefile: 'convkit-page-entry.js',
        loader: 'js',
      },
      bundle: true,
      alias: { 'convkit/browser': fileURLToPath(kitEntryUrl) },
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
    });
    return { bundle: result.outputFiles[0]!.text, html: pageHtml(exportName, operatorNames) };
  } catch (e) {
    const errors = (e as { errors?: { text: string; location?: { file: string; line: number; column: number; lineText: string } | null }[] }).errors;
    const first = errors?.[0];
    if (first === undefined) throw new AdapterLoadError(`the module could not be bundled for the page: ${(e as Error).message}`);
    const where = first.location ? ` (at ${first.location.file}:${first.location.line}:${first.location.column + 1}: ${first.location.lineText.trim()})` : '';
    throw new AdapterLoadError(`the module could not be bundled for the page: ${first.text}${where}`);
  }
}
