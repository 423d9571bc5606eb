/**
 * A shrunk counterexample for a terminal: each tensor named by its path with its shape and an aligned grid
 * (formatGrid), every other value on one line (`options  {"stride":2}`), nested objects flattened to dotted
 * names so `c.input` and `call.inputs.weight` read as what they are.
 */
import { formatValue } from '../../errors/convkitError.js';
import { formatGrid, type GridConstraints } from './formatGrid.js';
import { asReportTensor, shapeText } from './reportTensor.js';

const indentLines = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

function clip(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Lines (already indented by `indent`) describing `value`. */
export function formatCounterexample(value: unknown, indent = '', constraints: GridConstraints = {}): string[] {
  return entries(value, '').flatMap(([name, v]) => {
    const t = asReportTensor(v);
    if (t !== null) return [`${indent}${name} ${shapeText(t.shape)}`, indentLines(formatGrid(t, constraints), `${indent}  `)];
    return [`${indent}${name}  ${clip(formatValue(v))}`];
  });
}

/** Leaves of the value: tensors and non-object values, with dotted paths. */
function entries(value: unknown, prefix: string): Array<[string, unknown]> {
  if (asReportTensor(value) !== null || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
    return [[prefix || 'value', value]];
  }
  const own = Object.entries(value);
  const containsTensor = (v: unknown): boolean =>
    asReportTensor(v) !== null || (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && Object.values(v).some(containsTensor));
  // Options and other tensor-free objects stay on one line; objects holding tensors are opened up.
  if (prefix !== '' && !containsTensor(value)) return [[prefix, value]];
  return own.flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
