/**
 * The last lines an isolated adapter wrote (its stderr, or stray stdout lines), kept for the message of a
 * crash or a timeout (`kit.protocol.crash`): the adapter's own words are usually the best clue to what went
 * wrong. Bounded (`kit.protocol.limits`): at most `max` lines, each at most MAX_LINE characters (head and
 * tail with the length), and a line still being written is kept the same way however long it grows.
 */
import { boundText, BoundedLine } from '../errors/boundedText.js';

/** The most characters kept of one output line (head and tail). */
export const MAX_LINE = 1000;

export class OutputTail {
  private readonly kept: string[] = [];
  private readonly partial = new BoundedLine(MAX_LINE);

  constructor(private readonly max = 8) {}

  /** Adds written text (any chunking); blank lines are dropped. */
  write(text: string): void {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.partial.append(text.slice(start, end));
      const line = this.partial.text();
      this.partial.clear();
      if (line.trim() !== '') this.line(line);
      start = end + 1;
    }
    this.partial.append(text.slice(start));
  }

  /** Adds one whole line. */
  line(line: string): void {
    this.kept.push(boundText(line, MAX_LINE));
    if (this.kept.length > this.max) this.kept.splice(0, this.kept.length - this.max);
  }

  lines(): string[] {
    const partial = this.partial.text();
    return (partial.trim() === '' ? this.kept : [...this.kept, partial]).slice(-this.max);
  }

  /** `; <label>:\n    line\n    line`, or '' when nothing was written. */
  describe(label: string): string {
    const lines = this.lines();
    return lines.length === 0 ? '' : `; ${label}:\n    ${lines.join('\n    ')}`;
  }
}
