/** The generated blocks of the documentation match the code they come from (`npm run docs` rewrites them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generatedBlocks, replaceBlock } from '../../scripts/generateDocs.js';

const root = join(import.meta.dirname, '..', '..');

for (const { file, name, content } of generatedBlocks()) {
  it(`${file}'s ${name} block is up to date (else: npm run docs)`, () => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(replaceBlock(text, name, content) === text, `${file} ${name} is stale: run npm run docs`).toBe(true);
  });
}
