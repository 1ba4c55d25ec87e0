/**
 * Dates and times as Vietnamese administrative documents write them, always in Vietnam time (UTC+7, no
 * daylight saving). Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5: days below 10 and the months 1 and 2 take
 * a leading zero ("ngày 05 tháng 01 năm 2026", but "tháng 3"), so the month cannot be altered by hand.
 */

/** A calendar date 'YYYY-MM-DD' (taken as is) or an instant (read in Vietnam time). */
export type DateInput = Date | string;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The calendar fields of a date or instant in Vietnam time. A bare 'YYYY-MM-DD' is midnight of that date. */
export function vnParts(input: DateInput): VnDateParts {
  if (typeof input === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
    input = new Date(input);
  }
  if (Number.isNaN(input.getTime())) throw new RangeError(`not a date: ${String(input)}`);
  const t = new Date(input.getTime() + VN_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

/** 'YYYY-MM-DD' of a date or instant in Vietnam time. */
export function vnIsoDate(input: DateInput): string {
  const p = vnParts(input);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** NĐ 30/2020: a leading zero for days 1–9 and for months 1 and 2 only. */
const dayText = (d: number) => (d < 10 ? pad2(d) : String(d));
const monthText = (m: number) => (m <= 2 ? pad2(m) : String(m));

/** "ngày 24 tháng 11 năm 2026" */
export function formatVnDate(input: DateInput): string {
  const p = vnParts(input);
  return `ngày ${dayText(p.day)} tháng ${monthText(p.month)} năm ${p.year}`;
}

/** "14 giờ 30 phút" */
export function formatVnTime(input: DateInput): string {
  const p = vnParts(input);
  return `${p.hour} giờ ${pad2(p.minute)} phút`;
}

/** "14 giờ 30 phút, ngày 24 tháng 11 năm 2026" (the order the one-stop forms use). */
export function formatVnDateTime(input: DateInput): string {
  return `${formatVnTime(input)}, ${formatVnDate(input)}`;
}

/** "24/11/2026", for tables and registers. */
export function formatVnShortDate(input: DateInput): string {
  const p = vnParts(input);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "Cao Lãnh, ngày 24 tháng 11 năm 2026": the place-and-date line of a document. */
export function formatPlaceDate(place: string, input: DateInput): string {
  return `${place}, ${formatVnDate(input)}`;
}
