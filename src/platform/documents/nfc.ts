/**
 * Unicode normalisation for everything we print. Vietnamese typed on some keyboards (and text pasted from
 * macOS or old Windows software) arrives decomposed (NFD: "e" + U+0302 + U+0301); pdfkit draws the combining
 * marks as separate glyphs and the tone marks land beside the letter. Every string is composed (NFC) first.
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Returns a copy of `value` with every string inside it (object keys included) normalised to NFC.
 * Buffers, Dates and other class instances are kept as they are; functions too (pdfmake callbacks).
 */
export function nfcDeep<T>(value: T): T {
  return normalize(value) as T;
}

function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = normalize(v);
    return out;
  }
  return value;
}
