/**
 * An amount of đồng in Vietnamese words, as written on a fee receipt (số tiền bằng chữ): "Một trăm năm mươi nghìn
 * đồng". Rules: "mười" for 1x, "mươi" for 2x–9x; after "mươi" 1 is "mốt", 4 is "tư", 5 is "lăm"; after "mười" 5 is
 * "lăm"; a zero tens digit before a unit digit is "lẻ" (or "linh", the northern usage); inside a larger number a group
 * is read in full ("không trăm"). Pure.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu'] as const;

export interface WordsOptions {
  /** The word for a zero tens digit: 'lẻ' (default) or 'linh'. */
  zeroTens?: 'lẻ' | 'linh';
}

function readTriple(n: number, full: boolean, zeroTens: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h] as string, 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (h > 0 || full) out.push(zeroTens);
      out.push(DIGITS[u] as string);
    }
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u] as string);
  } else {
    out.push(DIGITS[t] as string, 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u] as string);
  }
  return out;
}

/** Words for n below one billion; `full`: there is a higher part, so leading zeros are read. */
function readBelowBillion(n: number, full: boolean, zeroTens: string): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const out: string[] = [];
  let started = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...readTriple(g, started, zeroTens));
    const name = GROUPS[2 - i] as string;
    if (name) out.push(name);
    started = true;
  });
  return out;
}

function read(n: number, zeroTens: string): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, false, zeroTens);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  return [...read(billions, zeroTens), 'tỷ', ...(rest > 0 ? readBelowBillion(rest, true, zeroTens) : [])];
}

/** @throws RangeError unless `amountVnd` is a whole number from 0 to 10^15. */
export function amountInWords(amountVnd: number, opts: WordsOptions = {}): string {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 0 || amountVnd > 1e15) throw new RangeError('amount must be a whole number of đồng');
  const words = amountVnd === 0 ? ['không'] : read(amountVnd, opts.zeroTens ?? 'lẻ');
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** 150000 → "150.000" (Vietnamese thousands separator). */
export function formatVnd(amountVnd: number): string {
  return String(amountVnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
