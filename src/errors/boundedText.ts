/**
 * Text an adapter supplies — an error message, a line it printed, a line it never ended — is bounded before the
 * runner keeps it (`kit.protocol.limits`): a 10 MB message must not become 72 MB of console output or a
 * RangeError in the report. Long text keeps its head and its tail, with its full length between them, since
 * the start of a message says what failed and the end often says where.
 */

/** The most characters kept of one message or line. */
export const MAX_TEXT = 4000;

/** Room for the ` … [N characters in all] … ` marker: text bounded once is not bounded again. */
const MARKER_ROOM = 64;

/** `text` itself when short; else its head, `… [N characters in all] …`, and its tail. */
export function boundText(text: string, max = MAX_TEXT): string {
  if (text.length <= max + MARKER_ROOM) return text;
  const head = Math.ceil(max * 0.75);
  const tail = max - head;
  return `${text.slice(0, head)} … [${text.length} characters in all] … ${text.slice(text.length - tail)}`;
}

/** A thrown value that is not an Error, described once: `"oops" (a thrown string, not an Error)`. */
export function thrownNonError(thrown: unknown): string {
  return `${boundText(typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown))} (a thrown ${thrown === null ? 'null' : typeof thrown}, not an Error)`;
}

/**
 * A line being written piece by piece, kept bounded as it grows (an adapter that writes to stderr without ever
 * ending a line must not grow the runner's memory): its head, its last characters and its full length.
 */
export class BoundedLine {
  private head = '';
  private tail = '';
  private length = 0;

  constructor(private readonly max = MAX_TEXT) {}

  append(text: string): void {
    this.length += text.length;
    const headMax = Math.ceil(this.max * 0.75);
    if (this.head.length < headMax) {
      const room = headMax - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text !== '') this.tail = (this.tail + text).slice(-(this.max - headMax));
  }

  get size(): number {
    return this.length;
  }

  text(): string {
    const dropped = this.length - this.head.length - this.tail.length;
    return dropped === 0 ? this.head + this.tail : `${this.head} … [${this.length} characters in all] … ${this.tail}`;
  }

  clear(): void {
    this.head = '';
    this.tail = '';
    this.length = 0;
  }
}
