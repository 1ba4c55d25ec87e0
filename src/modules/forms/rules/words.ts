/** Numbers and dates in Vietnamese words, as the civil-status forms ask ("ghi bằng chữ"). Pure. */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–99 in words: 15 "mười lăm", 21 "hai mươi mốt", 24 "hai mươi tư", 25 "hai mươi lăm", 10 "mười". */
function twoDigits(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  if (unit === 1) return `${head} ${tens === 1 ? 'một' : 'mốt'}`;
  if (unit === 4) return `${head} ${tens === 1 ? 'bốn' : 'tư'}`;
  if (unit === 5) return `${head} lăm`;
  return `${head} ${DIGITS[unit]}`;
}

/** 0–9999 in words: 2005 "hai nghìn không trăm linh năm", 1990 "một nghìn chín trăm chín mươi". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`out of range: ${n}`);
  if (n < 100) return twoDigits(n);
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (thousands > 0) parts.push(`${DIGITS[thousands]} nghìn`);
  if (hundreds > 0 || (thousands > 0 && rest > 0)) parts.push(`${DIGITS[hundreds]} trăm`);
  if (rest > 0) parts.push(rest < 10 ? `linh ${DIGITS[rest]}` : twoDigits(rest));
  return parts.join(' ');
}

/** A date 'YYYY-MM-DD' in words: "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu" (tháng 4: "tư"). */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  const monthWords = month === 4 ? 'tư' : twoDigits(month);
  return `ngày ${twoDigits(Number(m[3]))} tháng ${monthWords} năm ${numberInWords(Number(m[1]))}`;
}
