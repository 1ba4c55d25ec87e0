import { AppError } from './errors.ts';

/**
 * Report periods and Vietnam dates shared by every report (dossiers, feedback, the reform reports): a period is two
 * Vietnam dates, both included. Pure: no I/O, no clock.
 */

/** Vietnam is UTC+7 all year (no daylight saving). */
const VN_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86_400_000;

/** The Vietnam date (yyyy-mm-dd) of a moment. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment a Vietnam date begins (00:00 in Vietnam). */
export function startOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

/** n ÷ d, or null when there is nothing to divide (a rate of an empty set is not 0 %). */
export function rate(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** Longest report period, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;

export interface PeriodError {
  field: 'from' | 'to';
  message: { vi: string; en: string };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks a report period [from, to] of Vietnam dates: both given and real dates, from ≤ to, at most 366 days. */
export function checkPeriod(from: string | undefined, to: string | undefined): PeriodError[] {
  const errors: PeriodError[] = [];
  if (!from) errors.push({ field: 'from', message: { vi: 'Cần nhập ngày bắt đầu kỳ báo cáo (từ ngày)', en: 'Give the first day of the period' } });
  else if (!isIsoDate(from))
    errors.push({ field: 'from', message: { vi: 'Ngày bắt đầu không hợp lệ (định dạng yyyy-mm-dd)', en: 'The first day is not a valid date (yyyy-mm-dd)' } });
  if (!to) errors.push({ field: 'to', message: { vi: 'Cần nhập ngày kết thúc kỳ báo cáo (đến ngày)', en: 'Give the last day of the period' } });
  else if (!isIsoDate(to))
    errors.push({ field: 'to', message: { vi: 'Ngày kết thúc không hợp lệ (định dạng yyyy-mm-dd)', en: 'The last day is not a valid date (yyyy-mm-dd)' } });
  if (errors.length > 0 || !from || !to) return errors;
  if (from > to) {
    errors.push({ field: 'to', message: { vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu', en: 'The last day must not be before the first day' } });
  } else if (periodDays(from, to) > MAX_PERIOD_DAYS) {
    errors.push({
      field: 'to',
      message: { vi: `Kỳ báo cáo dài tối đa ${MAX_PERIOD_DAYS} ngày`, en: `The period is at most ${MAX_PERIOD_DAYS} days long` },
    });
  }
  return errors;
}

/** Days in [from, to], both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The moments of a period: it starts at 00:00 of `from` and ends at 00:00 after `to` (Vietnam time); stocks (in
 * progress, returned but not closed) are counted at `asOf`, the end of the period or now if that is earlier.
 */
export function periodBounds(from: string, to: string, now: Date): { start: Date; end: Date; asOf: Date } {
  const start = startOfVietnamDay(from);
  const end = new Date(startOfVietnamDay(to).getTime() + DAY_MS);
  return { start, end, asOf: now.getTime() < end.getTime() ? now : end };
}

/** A moment as ISO 8601 in Vietnam time ('2026-12-09T17:00:00+07:00'), whatever form the driver gave it in. */
export function vietnamIso(v: Date | string): string {
  const local = new Date(new Date(v).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** Checks a report period given as query parameters. @throws AppError VALIDATION_FAILED naming `querystring.from|to` */
export function requirePeriod(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const errors = checkPeriod(from, to);
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      detail: { vi: 'Kỳ báo cáo không hợp lệ', en: 'The report period is invalid' },
      errors: errors.map((e) => ({ field: `querystring.${e.field}`, message: e.message })),
    });
  }
  return { from: from as string, to: to as string };
}
