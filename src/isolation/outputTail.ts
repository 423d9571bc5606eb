/**
 * The last lines an isolated adapter wrote (its stderr, or stray stdout lines), kept for the message of a
 * crash (`kit.protocol.crash`): the adapter's own words are usually the best clue to what went wrong.
 */
export class OutputTail {
  private readonly kept: string[] = [];
  private partial = '';

  constructor(private readonly max = 8) {}

  /** Adds written text (any chunking); blank lines are dropped. */
  write(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') this.line(line);
  }

  /** Adds one whole line. */
  line(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.max) this.kept.splice(0, this.kept.length - this.max);
  }

  lines(): string[] {
    return (this.partial.trim() === '' ? this.kept : [...this.kept, this.partial]).slice(-this.max);
  }

  /** `; <label>:\n    line\n    line`, or '' when nothing was written. */
  describe(label: string): string {
    const lines = this.lines();
    return lines.length === 0 ? '' : `; ${label}:\n    ${lines.join('\n    ')}`;
  }
}
