/**
 * Formulas of the dossier indicators (chỉ tiêu giải quyết hồ sơ TTHC) and of the processing-progress group of the
 * national service index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp:
 * Quyết định 766/QĐ-TTg, STANDARDS §9). The SQL in ../indicators.ts counts; these functions classify and score, so
 * a rule can be read and tested without a database.
 *
 * Our reading (check the national portal's current formula before relying on the points):
 * - a dossier is settled (đã giải quyết) when its result is ready; settled early (trước hạn) before its due date,
 *   on time (đúng hạn) on the due date up to the due moment, late (quá hạn) after it;
 * - the due date counts pauses for supplements (the clock stood still) but not apology-and-extension documents: a
 *   dossier that needed one missed the appointment given to the citizen and counts late even if the new date is met;
 * - progress ratio = (settled early or on time + in progress within the limit) ÷ (settled + in progress), i.e.
 *   "dossiers settled or in progress on time ÷ dossiers received or processed in the period";
 * - score = max when ratio ≥ target T, else ratio × max ÷ T. The group is worth 20 points; T is 100 % until the
 *   portal's published target is confirmed (PROGRESS_TARGET below), which makes the score proportional to the ratio.
 *
 * Pure module: no I/O, no clock (`now` is a parameter).
 */

import {
  checkPeriod,
  DAY_MS,
  MAX_PERIOD_DAYS,
  type PeriodError,
  periodBounds,
  periodDays,
  rate,
  startOfVietnamDay,
  vietnamDate,
} from '../../../platform/period.ts';

export { checkPeriod, MAX_PERIOD_DAYS, type PeriodError, periodBounds, periodDays, rate, startOfVietnamDay, vietnamDate };

export type Settlement = 'early' | 'on_time' | 'late';

/**
 * Early, on time or late: a settled dossier compared with its appointment. `dueDate` and `dueAt` include the working
 * days the clock was paused but not extensions; any extension (apology issued) makes the dossier late.
 */
export function classifySettlement(d: { resultAt: Date; dueDate: string; dueAt: Date; extensionCount: number }): Settlement {
  if (d.extensionCount > 0 || d.resultAt.getTime() > d.dueAt.getTime()) return 'late';
  return vietnamDate(d.resultAt) < d.dueDate ? 'early' : 'on_time';
}

/**
 * Whether a dossier still in progress at `asOf` is overdue: an apology was issued, or its due moment has passed while
 * the clock runs (a dossier waiting for a supplement has a stopped clock; its due date moves when it resumes).
 */
export function isOverdueInProgress(d: { dueAt: Date; extensionCount: number; paused: boolean }, asOf: Date): boolean {
  return d.extensionCount > 0 || (!d.paused && d.dueAt.getTime() < asOf.getTime());
}

/** Points of a sub-indicator with a target (STANDARDS §9): max when ratio ≥ T, else ratio × max ÷ T. */
export function indexScore(ratio: number | null, max: number, target: number): number {
  if (!(target > 0) || !(max >= 0)) throw new RangeError('the target must be positive and the maximum non-negative');
  if (ratio === null) return 0;
  if (ratio >= target) return max;
  return Math.max(0, (ratio * max) / target);
}

/** The progress group of the service index: 20 points. */
export const PROGRESS_MAX_POINTS = 20;
/** Target of the on-time ratio (unverified: see the module comment). */
export const PROGRESS_TARGET = 1;

export interface ProgressCounts {
  settledEarly: number;
  settledOnTime: number;
  settledLate: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
}

export interface ProgressGroup {
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number;
  maxPoints: number;
  score: number;
  formula: string;
}

/** The processing-progress group (tiến độ giải quyết) of the service index for one unit and period. */
export function progressGroup(c: ProgressCounts, max = PROGRESS_MAX_POINTS, target = PROGRESS_TARGET): ProgressGroup {
  const numerator = c.settledEarly + c.settledOnTime + c.inProgressOnTime;
  const denominator = c.settledEarly + c.settledOnTime + c.settledLate + c.inProgressOnTime + c.inProgressOverdue;
  const ratio = rate(numerator, denominator);
  return {
    numerator,
    denominator,
    ratio,
    target,
    maxPoints: max,
    score: Math.round(indexScore(ratio, max, target) * 100) / 100,
    formula:
      'Tỷ lệ = (hồ sơ giải quyết trước hạn, đúng hạn + hồ sơ đang giải quyết trong hạn) ÷ (hồ sơ đã giải quyết + đang giải quyết trong kỳ); điểm = điểm tối đa nếu tỷ lệ ≥ T, nếu không = tỷ lệ × điểm tối đa ÷ T',
  };
}

/** Levels of the four-level rating (M13) counted as satisfied. */
export const satisfiedLevels = ['rat_hai_long', 'hai_long'] as const;

/** Share of satisfied ratings (very satisfied or satisfied) among all ratings. */
export function satisfiedShare(levels: Record<string, number>): number | null {
  const total = Object.values(levels).reduce((a, b) => a + b, 0);
  return rate(
    satisfiedLevels.reduce((a, l) => a + (levels[l] ?? 0), 0),
    total,
  );
}

/**
 * The working days a dossier took: working days strictly after `countsFrom` up to and including `resultDay`, less the
 * working days it stood paused, never below zero (a result ready on the day received after the cut-off hour, before
 * the count began, took none).
 */
export function settlingWorkingDays(
  cal: { workingDaysBetween(fromIsoDate: string, toIsoDate: string): number },
  countsFrom: string,
  resultDay: string,
  pausedWorkingDays: number,
): number {
  if (resultDay <= countsFrom) return 0;
  return Math.max(0, cal.workingDaysBetween(countsFrom, resultDay) - pausedWorkingDays);
}

/**
 * The whole calendar months inside [from, to] (ISO dates, both included): `first` is the first day of the first whole
 * month, `end` the first day after the last one; null when no month is whole. The report reads whole months from
 * monthly totals and the days outside them from the rows.
 */
export function wholeMonths(from: string, to: string): { first: string; end: string } | null {
  const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
  const nextMonth = (iso: string) => {
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const first = from.endsWith('-01') ? from : nextMonth(from);
  const afterTo = addDays(to, 1);
  const end = afterTo.endsWith('-01') ? afterTo : monthStart(to);
  return first < end ? { first, end } : null;
}

/** The date `days` days after (negative: before) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
