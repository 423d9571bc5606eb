/**
 * A copy-paste reproduction of a failure: a few lines of TypeScript that import the adapter, call it with the
 * counterexample's tensors (full precision) and print the result beside what convkit expected, so the failure
 * goes straight into a bug report.
 */
import { isAbsolute } from 'node:path';
import type { CheckResult } from '../../check/checkResult.js';
import { failureCall, recordedArguments, recordedCalls } from './failureCall.js';
import { jsLiteral } from './jsLiteral.js';
import { operatorOfMethod } from '../../operators/index.js';

/** `import adapter from './my-adapter.ts';`, or the reference from the package. */
export function adapterImport(adapterSpec: string): string {
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

/** Null when the failure has no call to repeat (e.g. a training fixture, or a check that could not run). */
export function formatReproduction(check: CheckResult, adapterSpec: string): string | null {
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
