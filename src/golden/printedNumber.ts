/**
 * Formatting a computed number the way the notes printed one, so a training fixture is checked to exactly the
 * printed digits — no tolerance to widen. Python's `f'{x:.3f}'` and torch's tensor printing ('{:.4f}', or
 * '{:.4e}' in scientific mode) round the exact binary value correctly, ties to even. JavaScript's toFixed and
 * toExponential also round the exact value but break an exact tie upwards; a tie needs the binary value to end
 * exactly in 5 at the next digit, which toFixed(digits + 25) exposes, and then the even neighbour is taken
 * (fixed notation). Exponents are written with at least two digits, as Python does ("e-06").
 */
export interface PrintedFormat {
  readonly style: 'fixed' | 'exponential';
  /** Digits after the decimal point (of the mantissa, for exponential). */
  readonly digits: number;
}

export function printedFormat(printed: string): PrintedFormat {
  const [mantissa = '', exponent] = printed.toLowerCase().split('e');
  const point = mantissa.indexOf('.');
  return { style: exponent === undefined ? 'fixed' : 'exponential', digits: point < 0 ? 0 : mantissa.length - point - 1 };
}

export function formatLike(value: number, printed: string): string {
  const { style, digits } = printedFormat(printed);
  if (!Number.isFinite(value)) return String(value);
  if (style === 'exponential') {
    const [m, e = '0'] = value.toExponential(digits).split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return toFixedHalfEven(value, digits);
}

function toFixedHalfEven(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 25));
  const tail = exact.slice(exact.length - 25);
  if (!/^50*$/.test(tail)) return rounded;
  // An exact tie: toFixed went away from zero; step back when that made the last digit odd.
  const lastDigit = Number(rounded[rounded.length - 1]);
  if (lastDigit % 2 === 0) return rounded;
  const step = 10 ** -digits;
  return (value - Math.sign(value) * step / 2).toFixed(digits);
}
