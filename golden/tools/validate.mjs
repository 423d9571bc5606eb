// Validates every golden fixture: the JSON Schema (golden/schema.json, ajv 8, draft 2020-12), then the rules a
// schema cannot state. Run from the repository root: node golden/tools/validate.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const golden = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(golden, 'schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const product = (shape) => shape.reduce((a, b) => a * b, 1);
const tensors = (f) => Object.entries(f.inputs).filter(([, t]) => t !== null);

function semanticProblems(f, file) {
  const problems = [];
  if (`${f.id}.json` !== file) problems.push(`id=${f.id}, but should be the file name without .json (${file})`);
  for (const [name, t] of [...tensors(f), ['expected', f.expected]]) {
    if (t.data !== undefined && t.data.length !== product(t.shape)) {
      problems.push(`${name}.data.length=${t.data.length}, but should be ${product(t.shape)} (shape [${t.shape}])`);
    }
  }
  const random = tensors(f).some(([, t]) => t.fill === 'random');
  if (random && f.expected.data !== undefined) {
    problems.push('expected.data is given, but should be absent: an input is filled at random');
  }
  return problems;
}

// One operator call per file: notes/ (from the notes) and pytorch/ (cases computed with PyTorch that no note contains).
const files = ['notes', 'pytorch'].flatMap((d) => readdirSync(join(golden, d)).filter((n) => n.endsWith('.json')).sort().map((file) => ({ dir: d, file })));
const seen = new Map();
let failed = 0;
for (const { dir, file } of files) {
  const f = JSON.parse(readFileSync(join(golden, dir, file), 'utf8'));
  const problems = validate(f) ? semanticProblems(f, file)
    : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  if (seen.has(f.id)) problems.push(`id=${f.id} is also used by ${seen.get(f.id)}`);
  seen.set(f.id, file);
  if (problems.length > 0) {
    failed += 1;
    console.log(`FAIL ${dir}/${file}\n${problems.map((p) => `     ${p}`).join('\n')}`);
  }
}
console.log(`${files.length - failed}/${files.length} fixtures valid`);
process.exit(failed === 0 ? 0 : 1);
