/**
 * Reads one benchdnn-style line into a ProblemDescriptor (spec/shape-descriptors.md). The line is
 *
 *     [--conv | --deconv | --pool] [--alg=ALG] DESCRIPTOR [# comment]
 *
 * and DESCRIPTOR is benchdnn's `gXmbX_icXihXiwX_ocXohXowX_khXkwX_shXswX_phXpwX_dhXdwX_nNAME` (`kit.descriptor.grammar`),
 * with benchdnn's defaults and deductions (`kit.descriptor.defaults`, `kit.descriptor.output`) and the
 * dilation shifted to convkit's convention (`kit.descriptor.dilation`). Bad input is a DescriptorError naming
 * the line, the field, its value and the rule.
 */
import { DescriptorError } from './descriptorError.js';
import { deducedOutput, deducedPadding } from './descriptorAxis.js';
import type { DescriptorAxis, DescriptorOperator, ProblemDescriptor } from './problemDescriptor.js';
import { validateDescriptor } from './validateDescriptor.js';

const FIELD = /^(mb|ic|id|ih|iw|oc|od|oh|ow|kd|kh|kw|sd|sh|sw|pd|ph|pw|dd|dh|dw|g)/;
const FIELDS_2D = 'g mb ic ih iw oc oh ow kh kw sh sw ph pw dh dw n';
const DEPTH_FIELDS = new Set(['id', 'od', 'kd', 'sd', 'pd', 'dd']);
const WIDTH_FIELDS = ['iw', 'ow', 'kw', 'sw', 'pw', 'dw'] as const;

/** benchdnn's pooling algorithms (driver_pool.md `--alg`), case-insensitive, with their long names. */
const POOL_ALGS: Readonly<Record<string, { op: DescriptorOperator; countIncludePad?: boolean }>> = {
  max: { op: 'maxPool2d' }, pooling_max: { op: 'maxPool2d' },
  avg_p: { op: 'avgPool2d', countIncludePad: true }, pooling_avg_include_padding: { op: 'avgPool2d', countIncludePad: true },
  avg_np: { op: 'avgPool2d', countIncludePad: false }, pooling_avg_exclude_padding: { op: 'avgPool2d', countIncludePad: false },
};
/** benchdnn's convolution algorithms choose an implementation, not a result: accepted and dropped. */
const CONV_ALGS = new Set(['direct', 'auto', 'wino', 'convolution_direct', 'convolution_auto', 'convolution_wino']);

type Fields = Map<string, number>;

export function parseDescriptor(line: string): ProblemDescriptor {
  const text = line.trim();
  const fail = (code: 'E_INTEGER' | 'E_OPTION' | 'E_SHAPE', field: string, value: unknown, rule: string, clause = 'kit.descriptor.grammar'): never => {
    throw new DescriptorError(text, { code, field, value, rule, clause });
  };
  const hash = text.indexOf('#');
  const body = hash < 0 ? text : text.slice(0, hash);
  const comment = hash < 0 ? null : text.slice(hash + 1).trim() || null;
  const tokens = body.split(/\s+/).filter((t) => t !== '');

  let driver: 'conv' | 'deconv' | 'pool' | null = null;
  let alg: string | null = null;
  const descriptors: string[] = [];
  for (const t of tokens) {
    if (t === '--conv' || t === '--deconv' || t === '--pool') {
      if (driver !== null) fail('E_OPTION', 'driver', t, `is given twice (already --${driver})`);
      driver = t.slice(2) as 'conv' | 'deconv' | 'pool';
    } else if (t.startsWith('--alg=')) {
      if (alg !== null) fail('E_OPTION', '--alg', t.slice(6), 'is given twice');
      alg = t.slice(6).toLowerCase();
    } else if (t.startsWith('-')) {
      fail('E_OPTION', 'option', t, 'is not supported; a line takes --conv, --deconv or --pool, --alg=ALG and one descriptor');
    } else descriptors.push(t);
  }
  if (descriptors.length !== 1) fail('E_OPTION', 'descriptor', descriptors.join(' '), `must be exactly one problem descriptor, got ${descriptors.length}`);

  let operator: DescriptorOperator = driver === 'deconv' ? 'convTranspose2d' : driver === 'pool' ? 'maxPool2d' : 'conv2d';
  let countIncludePad: boolean | undefined;
  if (alg !== null) {
    if (driver === 'pool') {
      const a = POOL_ALGS[alg] ?? fail('E_OPTION', '--alg', alg, 'must be max, avg_p or avg_np for --pool', 'kit.descriptor.pool');
      operator = a.op;
      countIncludePad = a.countIncludePad;
    } else if (!CONV_ALGS.has(alg)) {
      fail('E_OPTION', '--alg', alg, `must be direct, auto or wino for --${driver ?? 'conv'} (max, avg_p, avg_np need --pool)`);
    }
  }
  const { fields, name } = readFields(descriptors[0]!, operator, fail);
  const axes = resolveAxes(operator, fields, fail);
  const channels = fields.get('ic') ?? fail('E_OPTION', 'ic', undefined, 'must be given (it has no default)', 'kit.descriptor.defaults');
  const pool = driver === 'pool';
  const outChannels = pool ? channels : fields.get('oc') ?? fail('E_OPTION', 'oc', undefined, 'must be given (it has no default)', 'kit.descriptor.defaults');
  const record: ProblemDescriptor = {
    operator, batch: fields.get('mb') ?? 2, channels, outChannels, groups: fields.get('g') ?? 1, ...axes,
    ...(countIncludePad === undefined ? {} : { countIncludePad }), name, comment,
  };
  return validateDescriptor(record, text);
}

type Fail = (code: 'E_INTEGER' | 'E_OPTION' | 'E_SHAPE', field: string, value: unknown, rule: string, clause?: string) => never;

/** The `keyNUMBER` fields and the `n` name of a descriptor; `_` separates nothing and is skipped. */
function readFields(token: string, operator: DescriptorOperator, fail: Fail): { fields: Fields; name: string | null } {
  const fields: Fields = new Map();
  let rest = token;
  while (rest !== '') {
    if (rest.startsWith('_')) { rest = rest.slice(1); continue; }
    if (rest.startsWith('n')) return { fields, name: unquote(rest.slice(1), fail) };
    const key = FIELD.exec(rest)?.[1] ?? fail('E_OPTION', 'field', rest, `is not a descriptor field (fields: ${FIELDS_2D})`);
    const digits = /^\d+/.exec(rest.slice(key.length))?.[0] ?? fail('E_INTEGER', key, rest.slice(key.length, key.length + 8) || undefined, 'must be followed by a non-negative integer');
    if (DEPTH_FIELDS.has(key)) fail('E_OPTION', key, Number(digits), 'is a depth field: 3-D problems are not supported, convkit is 2-D', 'kit.descriptor.grammar');
    if ((key === 'g' || key === 'oc') && (operator === 'maxPool2d' || operator === 'avgPool2d')) fail('E_OPTION', key, Number(digits), 'is not a pooling field (pools keep their channels)', 'kit.descriptor.pool');
    if (fields.has(key)) fail('E_OPTION', key, Number(digits), `is given twice (first ${fields.get(key)})`);
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) fail('E_INTEGER', key, digits, 'must be a safe integer');
    fields.set(key, value);
    rest = rest.slice(key.length + digits.length);
  }
  return { fields, name: null };
}

function unquote(raw: string, fail: Fail): string {
  const name = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!/^[^\s"#]+$/.test(name)) fail('E_OPTION', 'n', raw, 'must be a name without spaces, quotes or #, optionally in one pair of quotes');
  return name;
}

/** The height and width axes: benchdnn's defaults, output and padding deduction, and the square rule. */
function resolveAxes(op: DescriptorOperator, f: Fields, fail: Fail): { height: DescriptorAxis; width: DescriptorAxis } {
  if (!f.has('ih')) {
    const rule = f.has('iw') ? 'must be given: 1-D descriptors (iw only) are not supported, convkit is 2-D' : 'must be given (it has no default)';
    fail('E_OPTION', 'ih', undefined, rule, 'kit.descriptor.defaults');
  }
  const height = resolveAxis(op, f, 'h', fail);
  const widthGiven = WIDTH_FIELDS.some((k) => f.has(k));
  return { height, width: widthGiven ? resolveAxis(op, f, 'w', fail) : height };
}

function resolveAxis(op: DescriptorOperator, f: Fields, x: 'h' | 'w', fail: Fail): DescriptorAxis {
  const need = (key: string) => f.get(key) ?? fail('E_OPTION', key, undefined, x === 'w' ? 'must be given once any width field (iw, ow, kw, sw, pw, dw) is' : 'must be given (it has no default)', 'kit.descriptor.defaults');
  const input = need(`i${x}`);
  const kernel = need(`k${x}`);
  const stride = f.get(`s${x}`) ?? 1;
  const dilation = (f.get(`d${x}`) ?? 0) + 1;
  const given = f.get(`o${x}`);
  if (given === undefined) {
    const padding = f.get(`p${x}`) ?? 0;
    return { input, output: deducedOutput(op, { input, kernel, stride, padding, dilation }), kernel, stride, padding, dilation };
  }
  const padding = f.get(`p${x}`) ?? deducedPadding(op, { input, output: given, kernel, stride, dilation });
  if (padding < 0) fail('E_SHAPE', `o${x}`, given, `deduces a negative padding p${x} = ${padding}; give p${x} or a larger o${x}`, 'kit.descriptor.output');
  return { input, output: given, kernel, stride, padding, dilation };
}
