/**
 * A copy-paste reproduction of a failure: a few lines of TypeScript that import the adapter, call it with the
 * counterexample's tensors (full precision) and print the result beside what convkit expected, so the failure
 * goes straight into a bug report. For a page adapter (`page:<module>`, `kit.protocol.page`) it is an HTML page
 * whose module script imports the adapter bundled for the browser and shows the same calls' results on the
 * page and in its console.
 */
import { isAbsolute } from 'node:path';
import type { CheckResult } from '../../check/checkResult.js';
import { failureCall, recordedArguments, recordedCalls } from './failureCall.js';
import { jsLiteral } from './jsLiteral.js';
import { operatorOfMethod } from '../../operators/index.js';

const PAGE_PREFIX = 'page:';

/** `import adapter from './my-adapter.ts';`, or the reference from the package. */
export function adapterImport(adapterSpec: string): string {
  if (adapterSpec.startsWith(PAGE_PREFIX)) return "import adapter from './adapter.js';";
  if (adapterSpec === 'reference') return "import { reference as adapter } from 'convkit';";
  if (adapterSpec.startsWith('cmd:')) return `// the adapter is the stdio command ${JSON.stringify(adapterSpec.slice(4))}; call its operator the same way\nimport adapter from './my-adapter.ts';`;
  const path = isAbsolute(adapterSpec) || /^\.\.?\//.test(adapterSpec) ? adapterSpec : `./${adapterSpec}`;
  return `import adapter from ${jsLiteral(path.replace(/\\/g, '/'))};`;
}

/**
 * A property that relates several calls (a transposition, a decomposition, an oracle) fails on no single call:
 * every call the failing case made is repeated, in order, so the relation can be seen broken in the output.
 */
function formatCallSequence(check: CheckResult, adapterSpec: string, calls: ReturnType<typeof recordedCalls>): string {
  const lines = [
    `// convkit ${check.id}: ${check.status} — a relation between these ${calls.length} calls does not hold`,
    '// save as repro.mts, run with: npx tsx repro.mts',
    adapterImport(adapterSpec),
    '',
  ];
  calls.forEach((c, k) => {
    const { method, args } = recordedArguments(c);
    for (const a of args) if (a.isTensor) lines.push(`const ${a.name}${k + 1} = ${jsLiteral(a.value)};`);
    const list = args.map((a) => (a.isTensor ? `${a.name}${k + 1}` : jsLiteral(a.value)));
    lines.push(`const result${k + 1} = await adapter.${method}!(${list.join(', ')});`);
    lines.push(`console.log('call ${k + 1}', result${k + 1}.shape, Array.from(result${k + 1}.data));`, '');
  });
  if (check.message) lines.push(`// convkit: ${check.message.replace(/\n/g, ' ')}`);
  return lines.join('\n');
}

/**
 * The TypeScript reproduction as an HTML page: the comment lines become the page's instructions, the calls its
 * module script (as JavaScript: no `!`), and what it prints shows on the page and in the console.
 */
function asPage(typescript: string, adapterSpec: string): string {
  const lines = typescript.split('\n');
  const comments = lines.filter((l) => l.startsWith('// ') && !l.startsWith('// save as')).map((l) => l.slice(3));
  const module = lines.filter((l) => !l.startsWith('// ')).map((l) => l.replace(/\.(\w+)!\(/, '.$1(').replace(/^console\.log\(/, 'show('));
  const file = adapterSpec.slice(PAGE_PREFIX.length).trim();
  return [
    '<!doctype html>',
    '<!--',
    ...comments.map((c) => `  ${c.replace(/--/g, '- -')}`),
    '  Save as repro.html; beside it, bundle the adapter for the browser and serve the folder:',
    `    npx esbuild ${file} --bundle --format=esm --outfile=adapter.js`,
    '    python3 -m http.server 8000    (then open http://127.0.0.1:8000/repro.html)',
    '-->',
    '<meta charset="utf-8">',
    '<title>convkit reproduction</title>',
    '<pre id="out"></pre>',
    '<script type="module">',
    "const show = (...values) => { console.log(...values); document.getElementById('out').textContent += values.map((v) => (Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' ') + '\\n'; };",
    ...module,
    '</script>',
    '',
  ].join('\n');
}

/** Null when the failure has no call to repeat (e.g. a training fixture, or a check that could not run). */
export function formatReproduction(check: CheckResult, adapterSpec: string): string | null {
  const typescript = formatTypeScriptReproduction(check, adapterSpec);
  return typescript !== null && adapterSpec.startsWith(PAGE_PREFIX) ? asPage(typescript, adapterSpec) : typescript;
}

function formatTypeScriptReproduction(check: CheckResult, adapterSpec: string): string | null {
  const sequence = recordedCalls(check);
  if (sequence.length > 1) return formatCallSequence(check, adapterSpec, sequence);
  const call = failureCall(check);
  if (call === null) return null;
  const lines = [
    `// convkit ${check.id}: ${check.status}`,
    '// save as repro.mts, run with: npx tsx repro.mts',
    adapterImport(adapterSpec),
    '',
  ];
  for (const a of call.args) if (a.isTensor) lines.push(`const ${a.name} = ${jsLiteral(a.value)};`);
  const args = call.args.map((a) => (a.isTensor ? a.name : jsLiteral(a.value)));
  lines.push(`const result = await adapter.${call.method}!(${args.join(', ')});`);
  // A backward that answers gradients by input name prints the object; a tensor prints its shape and values.
  lines.push(operatorOfMethod(call.method)?.backward?.method === call.method && operatorOfMethod(call.method)?.backward?.answers === 'by-input' ? 'console.log(result);' : 'console.log(result.shape, Array.from(result.data));');
  if (check.message) lines.push(`// convkit: ${check.message.replace(/\n/g, ' ')}`);
  return lines.join('\n');
}
