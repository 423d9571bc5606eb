/**
 * The page's side of the page channel (`kit.protocol.page`), bundled into the page with the adapter module
 * (pageBundle.ts). It describes the exported adapter for the handshake exactly as the worker does
 * (workerSource.ts: name, dtype, supports, numerics and the type of each operator field), then answers each batch of
 * `{id, op, args}` calls, each as `{id, result}` or `{id, error}`. The calls of a batch start together; the
 * answers that come within INLINE_ANSWER_MS are the batch call's return value (one round trip for a batch of
 * independent calls), later ones go back through the reply binding. Browser code: it uses only what a page has.
 */
import { readPageWire, writePageWire } from './pageWire.js';

/** The names the runner gives the page's globals (the binding it answers through, the function it is called by). */
export const REPLY_BINDING = '__convkitReply';
export const CALL_FUNCTION = '__convkitCall';

/** How long a batch's call waits for its answers before leaving the rest to the binding. */
const INLINE_ANSWER_MS = 50;

type Reply = { id: number; result: unknown } | { id: number; error: Record<string, unknown> };
type Page = Record<string, unknown> & { [REPLY_BINDING]: (text: string) => Promise<void> };

const ERROR_FIELDS = ['code', 'clause', 'argument', 'op', 'rule'];

/** Anything thrown, as plain data (workerSource.ts's wireError, the same fields). */
export function pageWireError(e: unknown): Record<string, unknown> {
  if (typeof e !== 'object' || e === null) {
    const text = typeof e === 'string' ? JSON.stringify(e) : String(e);
    return { name: 'Error', message: `${text} (a thrown ${e === null ? 'null' : typeof e}, not an Error)` };
  }
  const x = e as Record<string, unknown>;
  const w: Record<string, unknown> = { name: typeof x['name'] === 'string' ? x['name'] : 'Error', message: typeof x['message'] === 'string' ? x['message'] : String(e) };
  for (const f of ERROR_FIELDS) if (typeof x[f] === 'string') w[f] = x[f];
  if ('value' in x) w['value'] = x['value'];
  return w;
}

/** Starts answering calls for the adapter exported as `exportName` by `module`. */
export function serveAdapter(module: Record<string, unknown>, exportName: string, operatorNames: readonly string[]): void {
  const page = globalThis as unknown as Page;
  let outbox: Reply[] = [];
  /** How many batches are waiting for their answers: while one waits, answers join its return value. */
  let collecting = 0;
  const flush = () => {
    if (outbox.length === 0) return;
    const batch = outbox;
    outbox = [];
    void page[REPLY_BINDING](writePageWire(batch));
  };
  const post = (reply: Reply) => {
    outbox.push(reply);
    // An answer that no batch is waiting for goes back by itself, with those that come in the same task.
    if (collecting === 0 && outbox.length === 1) setTimeout(flush, 0);
  };
  // A bundled TypeScript module compiled as CommonJS carries `export default` as `default.default` (__esModule).
  const raw = module[exportName] as Record<string, unknown> | undefined;
  const adapter = exportName === 'default' && typeof raw === 'object' && raw !== null && raw['__esModule'] === true && 'default' in raw ? (raw['default'] as Record<string, unknown>) : raw;
  const isObject = typeof adapter === 'object' && adapter !== null;
  const fields: Record<string, string> = {};
  if (isObject) for (const op of operatorNames) if (adapter[op] !== undefined) fields[op] = typeof adapter[op];
  page[CALL_FUNCTION] = async (text: string) => {
    collecting++;
    const runs = (readPageWire(text) as { id: number; op: string; args: unknown[] }[]).map(({ id, op, args }) =>
      new Promise((resolve) => resolve((adapter as Record<string, (...a: unknown[]) => unknown>)[op]!(...args))).then(
        (result) => post({ id, result }),
        (e: unknown) => post({ id, error: pageWireError(e) }),
      ));
    // The answers of a batch that settles soon ride back on the call's own return (one round trip); one that
    // takes longer answers later through the binding, so a slow call never holds back its siblings' answers.
    await Promise.race([Promise.all(runs), new Promise((resolve) => setTimeout(resolve, INLINE_ANSWER_MS))]);
    collecting--;
    const batch = outbox;
    outbox = [];
    return writePageWire(batch);
  };
  post({
    id: 0,
    result: {
      exportType: adapter === null ? 'null' : typeof adapter,
      name: isObject ? adapter['name'] : undefined,
      dtype: isObject ? adapter['dtype'] : undefined,
      supports: isObject ? adapter['supports'] : undefined,
      numerics: isObject ? adapter['numerics'] : undefined,
      fields,
    },
  });
}
