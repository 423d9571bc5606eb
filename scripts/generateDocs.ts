/**
 * `npm run docs`: rewrites the generated blocks of the documentation from the code that defines them —
 * README's table of built-in adapters (src/isolation/builtinAdapters.ts). Each block sits between
 * `<!-- name:start -->` and `<!-- name:end -->`; test/packaging/generatedDocs.test.ts fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_ADAPTERS } from '../src/isolation/builtinAdapters.js';

const root = join(import.meta.dirname, '..');

export function builtinAdaptersTable(): string {
  const rows = BUILTIN_ADAPTERS.map((a) => `| \`--adapter ${a.name}\` | ${a.description} | ${a.install === '' ? 'nothing' : `\`${a.install}\``} |`);
  return ['| name | what it checks | install |', '|---|---|---|', ...rows].join('\n');
}

/** Every generated block: the file it lives in, its marker name and its content. */
export function generatedBlocks(): { file: string; name: string; content: string }[] {
  return [{ file: 'README.md', name: 'builtin-adapters', content: builtinAdaptersTable() }];
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
