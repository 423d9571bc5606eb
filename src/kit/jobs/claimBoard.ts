/**
 * The claim board: the one queue of a run spread over threads, in shared memory. Every thread (the main one
 * and each check worker) takes the next check by an atomic increment of one counter, so a thread that finishes
 * a check starts the next at once, without a round trip through a busy main thread, and no check is taken
 * twice. Each thread also writes the check it is running into its own slot, so the main thread knows which
 * check a worker was running when it died. A stop flag ends every thread's loop before its next check.
 *
 * Layout (Int32): [0] next position in the dispatch order, [1] stop flag, [2 + t] check running on thread t (−1: none).
 */
const NEXT = 0;
const STOP = 1;
const SLOTS = 2;
const IDLE = -1;

export function claimBoard(threads: number): SharedArrayBuffer {
  const board = new Int32Array(new SharedArrayBuffer((SLOTS + threads) * Int32Array.BYTES_PER_ELEMENT));
  board.fill(IDLE, SLOTS);
  return board.buffer as SharedArrayBuffer;
}

export function stopClaims(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), STOP, 1);
}

/** The check index thread `thread` is running, or undefined. */
export function runningOn(buffer: SharedArrayBuffer, thread: number): number | undefined {
  const index = Atomics.load(new Int32Array(buffer), SLOTS + thread);
  return index === IDLE ? undefined : index;
}

/** Lets the thread's event loop run (messages, timers, signals) between two checks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Claims checks in `order` (indices into the planned checks) until none is left or the run is stopped, running
 * each with `run` (which must not throw: a check's failure is its result).
 */
export async function serveClaims(buffer: SharedArrayBuffer, thread: number, order: readonly number[], run: (index: number) => Promise<void>): Promise<void> {
  const board = new Int32Array(buffer);
  for (;;) {
    if (Atomics.load(board, STOP) !== 0) return;
    const position = Atomics.add(board, NEXT, 1);
    if (position >= order.length) return;
    const index = order[position]!;
    Atomics.store(board, SLOTS + thread, index);
    try {
      await run(index);
    } finally {
      Atomics.store(board, SLOTS + thread, IDLE);
    }
    await yieldToEventLoop();
  }
}
