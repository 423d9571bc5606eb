/**
 * The code a worker thread runs for an isolated JavaScript or TypeScript adapter (started by
 * workerChannel.ts), kept as plain JavaScript source so a worker starts in tens of milliseconds without a
 * TypeScript loader — restarts after a timeout or crash stay cheap. Only a TypeScript adapter module brings in
 * tsx (its tsImport, as loadAdapter does).
 *
 * It imports the module, describes the exported adapter for the handshake (name, dtype, supports, numerics, and the
 * type of every contract field — the runner checks the contract on that description), then answers each
 * `{id, op, args}` with `{id, result}` or `{id, error}` (spec/adapter-protocol.md, `kit.protocol.worker`).
 * Tensors cross as structured clones, so Float64Array and Float32Array arrive exactly. What the adapter prints
 * is posted as `{id: OUTPUT_ID, text}` messages (not through the worker's stdio streams, which would keep an
 * idle runner alive), kept for crash messages.
 */

/** What the worker is started with (its `workerData`). */
export interface AdapterWorkerData {
  /** file: URL of the adapter module. */
  readonly moduleUrl: string;
  /** The export holding the adapter ('default' for user modules). */
  readonly exportName: string;
  /** file: URL of tsx's ESM API, used only for a TypeScript module. */
  readonly tsxApiUrl: string;
  /** The contract's field names: the operators. */
  readonly operatorNames: readonly string[];
}

/** The worker's handshake answer: enough for the runner to check the contract and build the proxy. */
export interface AdapterDescription {
  readonly name: unknown;
  readonly dtype: unknown;
  readonly supports: unknown;
  readonly numerics: unknown;
  /** `typeof` of each operator field the export has. */
  readonly fields: Readonly<Record<string, string>>;
  readonly exportType: string;
}

/** The id of a worker message that carries text the adapter wrote to stdout or stderr (`{id, text}`). */
export const OUTPUT_ID = -1;

export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { moduleUrl, exportName, tsxApiUrl, operatorNames } = workerData;
const ERROR_FIELDS = ['code', 'clause', 'argument', 'op', 'rule'];

// What the adapter writes (console.log included) goes to the runner as messages, kept for crash reports.
for (const name of ['stdout', 'stderr']) {
  process[name].write = (chunk, encoding, callback) => {
    parentPort.postMessage({ id: ${OUTPUT_ID}, text: String(chunk) });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}

function wireError(e) {
  if (typeof e !== 'object' || e === null) {
    const text = typeof e === 'string' ? JSON.stringify(e) : String(e);
    return { name: 'Error', message: text + ' (a thrown ' + (e === null ? 'null' : typeof e) + ', not an Error)' };
  }
  const w = { name: typeof e.name === 'string' ? e.name : 'Error', message: typeof e.message === 'string' ? e.message : String(e) };
  for (const f of ERROR_FIELDS) if (typeof e[f] === 'string') w[f] = e[f];
  if ('value' in e) w.value = e.value;
  return w;
}

function post(message) {
  try {
    parentPort.postMessage(message);
  } catch (e) {
    const what = 'result' in message ? 'result' : 'error';
    const reason = 'the adapter\'s ' + what + ' could not be sent to the runner: ' + (e && e.message);
    parentPort.postMessage({ id: message.id, error: { name: 'TypeError', message: reason } });
  }
}

async function importModule(url) {
  if (/\.(mts|cts|ts|tsx)$/.test(new URL(url).pathname)) {
    const { tsImport } = await import(tsxApiUrl);
    return tsImport(url, url);
  }
  return import(url);
}

async function main() {
  let module;
  try {
    module = await importModule(moduleUrl);
  } catch (e) {
    return post({ id: 0, error: { name: 'AdapterLoadError', message: 'the module failed to load: ' + (e && e.message) } });
  }
  // A TypeScript file outside an ESM package is compiled as CommonJS: its \`export default\` arrives as
  // \`module.default.default\`, flagged \`__esModule\`.
  const raw = module[exportName];
  const adapter = exportName === 'default' && raw !== null && typeof raw === 'object' && raw.__esModule === true && 'default' in raw ? raw.default : raw;
  const isObject = typeof adapter === 'object' && adapter !== null;
  const fields = {};
  if (isObject) for (const op of operatorNames) if (adapter[op] !== undefined) fields[op] = typeof adapter[op];
  post({ id: 0, result: {
    exportType: adapter === null ? 'null' : typeof adapter,
    name: isObject ? adapter.name : undefined,
    dtype: isObject ? adapter.dtype : undefined,
    supports: isObject ? adapter.supports : undefined,
    numerics: isObject ? adapter.numerics : undefined,
    fields,
  } });
  parentPort.on('message', ({ id, op, args }) => {
    new Promise((resolve) => resolve(adapter[op](...args))).then(
      (result) => post({ id, result }),
      (e) => post({ id, error: wireError(e) }),
    );
  });
}

main();
`;
