/**
 * `npm run docs`: rewrites the generated blocks of the documentation from the code that defines them —
 * README's table of built-in adapters (src/isolation/builtinAdapters.ts) and spec/features.md's table of
 * declared features (src/adapter/features.ts). Each block sits between
 * `<!-- name:start -->` and `<!-- name:end -->`; test/packaging/generatedDocs.test.ts fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FEATURES, type FeatureExample } from '../src/adapter/features.js';
import { formatValue } from '../src/errors/convkitError.js';
import { BUILTIN_ADAPTERS } from '../src/isolation/builtinAdapters.js';

const root = join(import.meta.dirname, '..');

export function builtinAdaptersTable(): string {
  const rows = BUILTIN_ADAPTERS.map((a) => `| \`--adapter ${a.name}\` | ${a.description} | ${a.install === '' ? 'nothing' : `\`${a.install}\``} |`);
  return ['| name | what it checks | install |', '|---|---|---|', ...rows].join('\n');
}

const INPUTS: Readonly<Record<FeatureExample['op'], string>> = { corr2d: 'x, k', conv2d: 'x, w', convTranspose2d: 'x, w', pad2d: 'x', maxPool2d: 'x', avgPool2d: 'x', adaptiveAvgPool2d: 'x', adaptiveMaxPool2d: 'x' };

/** A feature's example call in the contract's argument order: `conv2d(x, w, null, {"stride":[2,1]})`. */
export function exampleText(e: FeatureExample): string {
  if (e.op === 'pad2d') {
    const { pads, mode } = e.options as { pads: unknown; mode: string };
    return `pad2d(x, ${formatValue(pads)}, '${mode}')`;
  }
  const bias = e.op === 'conv2d' || e.op === 'convTranspose2d' ? (e.bias ? ', b' : ', null') : '';
  return `${e.op}(${INPUTS[e.op]}${bias}, ${formatValue(e.options)})`;
}

export function featuresTable(): string {
  const rows = FEATURES.map((f) => `| \`${f.id}\` | ${f.meaning} | \`${exampleText(f.example)}\` |`);
  return ['| id | a call needs it when it uses | example |', '|---|---|---|', ...rows].join('\n');
}

/** Every generated block: the file it lives in, its marker name and its content. */
export function generatedBlocks(): { file: string; name: string; content: string }[] {
  return [
    { file: 'README.md', name: 'builtin-adapters', content: builtinAdaptersTable() },
    { file: 'spec/features.md', name: 'features', content: featuresTable() },
  ];
}

export function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`no ${start.trim()} … ${end} block`);
  return `${text.slice(0, a + start.length)}${content}\n${text.slice(b)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { file, name, content } of generatedBlocks()) {
    const path = join(root, file);
    writeFileSync(path, replaceBlock(readFileSync(path, 'utf8'), name, content));
    console.log(`${file}: ${name} written`);
  }
}
