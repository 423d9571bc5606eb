/**
 * A progress bar for long runs, drawn on stderr and only when stderr is a terminal (a CI log or a pipe gets
 * nothing, so reports stay clean): `[██████░░░░░░]  41/67  conv2d.fft-oracle`.
 */
export function progressBar(done: number, total: number, width = 24): string {
  const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${count}`;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * An `onProgress` callback for runConformance that redraws one line on `stream` (default stderr), or
 * undefined when the stream is not a terminal. The line is cleared when the last check is done.
 */
export function terminalProgress(stream: ProgressStream = process.stderr): ((done: number, total: number, id: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (done, total, id) => {
    const columns = stream.columns || 80; // 0 when the terminal does not say
    const line = `${progressBar(done, total)}  ${id}`.slice(0, columns - 1);
    stream.write(done >= total ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
  };
}
