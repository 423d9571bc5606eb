/**
 * An adapter whose operators are the given adapter's, each wrapped with a clock: the time from the call until
 * its answer (the Promise settled, for an asynchronous operator) adds up in `insideMs`. Everything else the
 * runner does — generating cases, the reference's expected values, comparing, shrinking — is outside.
 * For an isolated adapter, "inside" includes the transport (messages to the worker or the child process).
 */
import { performance } from 'node:perf_hooks';
import type { Adapter, OperatorName } from '../src/adapter/contract.js';

const OPERATORS: readonly OperatorName[] = [
  'corr2d', 'conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d',
  'conv2dBackward', 'convTranspose2dBackward', 'maxPool2dBackward', 'avgPool2dBackward', 'pad2dBackward',
];

export interface TimedAdapter {
  readonly adapter: Adapter;
  /** Milliseconds spent inside the operators so far. */
  readonly insideMs: () => number;
  /** Operator calls so far. */
  readonly calls: () => number;
}

export function timedAdapter(inner: Adapter): TimedAdapter {
  let inside = 0;
  let calls = 0;
  const adapter: Adapter = { ...inner };
  for (const op of OPERATORS) {
    const f = inner[op] as ((...args: unknown[]) => unknown) | undefined;
    if (f === undefined) continue;
    const wrapped = (...args: unknown[]): unknown => {
      calls++;
      const start = performance.now();
      const stop = () => { inside += performance.now() - start; };
      let answer: unknown;
      try {
        answer = f.apply(inner, args);
      } catch (e) {
        stop();
        throw e;
      }
      if (!(answer instanceof Promise)) {
        stop();
        return answer;
      }
      return answer.finally(stop);
    };
    Object.assign(adapter, { [op]: wrapped });
  }
  return { adapter, insideMs: () => inside, calls: () => calls };
}
