/**
 * Text for XML and HTML, in element content and in attribute values: the five special characters escaped,
 * characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; lone surrogates;
 * U+FFFE, U+FFFF) replaced by U+FFFD. Everything else, ⌊ § ± included, passes through as UTF-8.
 */
const SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => SPECIAL[c]!);
}

/** In attributes, also keep newlines and tabs as character references so parsers do not normalise them away. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
