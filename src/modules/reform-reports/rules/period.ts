/**
 * Report periods of the reform reports (kỳ báo cáo): a quarter (quý, '2026-Q3'), six months (6 tháng, '2026-H1') or a
 * year (năm, '2026'), as the plans ask (seed 000 quarterly, seed 004 six-monthly and yearly, seeds 001 and 002 yearly).
 * Pure: `today` (a Vietnam date) is a parameter.
 */

export type PeriodKind = 'quarter' | 'half' | 'year';

export interface ReportPeriod {
  /** Canonical key: '2026-Q3', '2026-H1', '2026'. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4, half 1–2, or 1 for a year. */
  index: number;
  from: string;
  to: string;
}

/** Why a period is refused: unknown (not a quarter, half or year), inverted (ends before it begins), not yet begun. */
export type PeriodErrorName = 'PERIOD_UNKNOWN' | 'PERIOD_INVERTED' | 'PERIOD_NOT_BEGUN';

export type PeriodResult = { ok: true; period: ReportPeriod } | { ok: false; error: PeriodErrorName };

export const periodErrorMessages: Record<PeriodErrorName, { vi: string; en: string }> = {
  PERIOD_UNKNOWN: {
    vi: 'Kỳ báo cáo không hợp lệ: chọn một quý (vd. 2026-Q3), 6 tháng (2026-H1) hoặc một năm (2026)',
    en: 'Unknown period: give a quarter (e.g. 2026-Q3), a half year (2026-H1) or a year (2026)',
  },
  PERIOD_INVERTED: { vi: 'Kỳ báo cáo có ngày kết thúc trước ngày bắt đầu', en: 'The period ends before it begins' },
  PERIOD_NOT_BEGUN: { vi: 'Kỳ báo cáo chưa bắt đầu: không lập báo cáo cho kỳ trong tương lai', en: 'The period has not begun: no report for a future period' },
};

const MIN_YEAR = 2000;
const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(d)}`;
}

function build(kind: PeriodKind, year: number, index: number): ReportPeriod {
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const first = (index - 1) * months + 1;
  const key = kind === 'year' ? String(year) : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${index}`;
  return { key, kind, year, index, from: `${year}-${pad(first)}-01`, to: lastDay(year, first + months - 1) };
}

/** Reads a period key without judging its dates: null when it is no quarter, half or year. */
export function periodFromKey(text: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(text.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR) return null;
  if (!m[2]) return build('year', year, 1);
  const index = Number(m[3]);
  if (m[2] === 'H' && index > 2) return null;
  return build(m[2] === 'Q' ? 'quarter' : 'half', year, index);
}

/** The period whose days are exactly [from, to], if any (a quarter, half or year); null for any other span. */
export function periodFromRange(from: string, to: string): ReportPeriod | null {
  const year = Number(from.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  const candidates = [build('year', year, 1), build('half', year, 1), build('half', year, 2), ...[1, 2, 3, 4].map((q) => build('quarter', year, q))];
  return candidates.find((p) => p.from === from && p.to === to) ?? null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a period asked for by key ('2026-Q3') or by its first and last days: a quarter, half or year, from ≤ to,
 * already begun on `today` (the current period may be reported on while it runs; a future one may not).
 */
export function parseReportPeriod(input: { key?: string; from?: string; to?: string }, today: string): PeriodResult {
  let period: ReportPeriod | null;
  if (input.key !== undefined && input.key.trim() !== '') {
    period = periodFromKey(input.key);
  } else {
    const { from, to } = input;
    if (!from || !to || !ISO.test(from) || !ISO.test(to)) return { ok: false, error: 'PERIOD_UNKNOWN' };
    if (from > to) return { ok: false, error: 'PERIOD_INVERTED' };
    period = periodFromRange(from, to);
  }
  if (!period) return { ok: false, error: 'PERIOD_UNKNOWN' };
  if (period.from > today) return { ok: false, error: 'PERIOD_NOT_BEGUN' };
  return { ok: true, period };
}

/** The last period of `kind` that has begun on `today` (the running one): the default of the forms. */
export function currentPeriod(kind: PeriodKind, today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return build('year', year, 1);
  if (kind === 'half') return build('half', year, month <= 6 ? 1 : 2);
  return build('quarter', year, Math.ceil(month / 3));
}

/** "Quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026": how a report's title names its period. */
export function periodLabel(p: Pick<ReportPeriod, 'kind' | 'year' | 'index'>, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en')
    return p.kind === 'year' ? `year ${p.year}` : p.kind === 'half' ? `${p.index === 1 ? 'first' : 'second'} half of ${p.year}` : `Q${p.index} ${p.year}`;
  if (p.kind === 'year') return `năm ${p.year}`;
  if (p.kind === 'half') return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
  return `quý ${['I', 'II', 'III', 'IV'][p.index - 1]} năm ${p.year}`;
}

/** The earlier of two ISO dates (yyyy-mm-dd compare as strings). */
export function earlierDate(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
