/**
 * SIGINT (Ctrl-C) and SIGTERM end a run cleanly instead of killing it mid-write: the handler stops the
 * adapter and the run, the command writes the partial reports and exits 130 or 143 (128 + the signal number,
 * as a shell reports it). A second signal while the run is ending exits at once.
 */
export type TerminationSignal = 'SIGINT' | 'SIGTERM';

export const SIGNAL_EXIT_CODES: Readonly<Record<TerminationSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Calls `stop` on the first SIGINT or SIGTERM; returns the function that removes the handlers. */
export function onTerminationSignal(stop: (signal: TerminationSignal) => void): () => void {
  let stopping = false;
  const handler = (signal: TerminationSignal) => {
    if (stopping) process.exit(SIGNAL_EXIT_CODES[signal]);
    stopping = true;
    stop(signal);
  };
  const signals: TerminationSignal[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return () => { for (const s of signals) process.off(s, handler); };
}
