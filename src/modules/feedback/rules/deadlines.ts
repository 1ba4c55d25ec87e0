/**
 * Deadline warnings and escalation of feedback (nhắc hạn, chuyển cấp trên theo dõi), decided in the handling unit's
 * working-day calendar. Time limits are per category (feedback_categories; defaults from Nghị định 20/2008/NĐ-CP as
 * amended by 92/2017/NĐ-CP): an open item warns its unit once when no more than `warnDays` working days are left
 * before the answer is due, and is escalated once to the parent unit when the deadline has passed. Escalation tells
 * the parent, which can act with its subtree grant; the item stays with its unit.
 *
 * Pure module: `now` and the calendar are parameters.
 */
import { type FeedbackStatus, openFeedbackStatuses } from './lifecycle.ts';

/** Default warning lead when an item has no category, in working days. */
export const DEFAULT_WARN_DAYS = 2;

/** The calendar operations the decision needs (the calendar module's CompiledCalendar has them). */
export interface WorkingDays {
  workingDaysBetween(fromIsoDate: string, toIsoDate: string): number;
}

export interface DeadlineFacts {
  status: FeedbackStatus;
  answerDueAt: Date;
  warnedAt: Date | null;
  escalatedAt: Date | null;
  /** The handling unit's parent (null at the root: nobody to escalate to). */
  parentUnitId: number | null;
  warnDays: number;
}

export type DeadlineStep = { kind: 'warn'; workingDaysLeft: number } | { kind: 'escalate'; toUnitId: number } | null;

/** The calendar day (YYYY-MM-DD) of a moment in Vietnam (UTC+7, no daylight saving). */
export function vietnamDate(moment: Date): string {
  return new Date(moment.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Working days left before an answer is due: the working days strictly after today up to and including the due day
 * (0 on the due day itself; negative once it has passed).
 */
export function workingDaysLeft(cal: WorkingDays, now: Date, answerDueAt: Date): number {
  return cal.workingDaysBetween(vietnamDate(now), vietnamDate(answerDueAt));
}

/**
 * What the deadline sweep does with one item now: warn its unit (once, when at most `warnDays` working days are left
 * and the deadline has not passed), escalate it to the parent unit (once, after the deadline), or nothing.
 */
export function deadlineStep(item: DeadlineFacts, cal: WorkingDays, now: Date): DeadlineStep {
  if (!openFeedbackStatuses.includes(item.status)) return null;
  const due = item.answerDueAt.getTime();
  if (due < now.getTime()) {
    if (item.escalatedAt || item.parentUnitId === null) return null;
    return { kind: 'escalate', toUnitId: item.parentUnitId };
  }
  if (item.warnedAt) return null;
  const left = workingDaysLeft(cal, now, item.answerDueAt);
  return left <= item.warnDays ? { kind: 'warn', workingDaysLeft: Math.max(0, left) } : null;
}

/** The e-mail to the handling unit: an answer due soon. */
export function warningMail(f: { code: string; unitName: string; dueDate: string; daysLeft: number; url: string }): { subject: string; body: string } {
  const dd = `${f.dueDate.slice(8, 10)}/${f.dueDate.slice(5, 7)}/${f.dueDate.slice(0, 4)}`;
  const left = f.daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${f.daysLeft} ngày làm việc`;
  return {
    subject: `Sắp đến hạn trả lời phản ánh ${f.code}`,
    body: `Kính gửi ${f.unitName},\n\nPhản ánh, kiến nghị mã ${f.code} phải được trả lời trước hết ngày ${dd} (${left}).\n\nXem và xử lý tại: ${f.url}\n\nThư tự động của hệ thống Gần Dân.`,
  };
}

/** The e-mail to the parent unit: an item of a unit below it is past its deadline. */
export function escalationMail(f: { code: string; unitName: string; parentName: string; dueDate: string; url: string }): { subject: string; body: string } {
  const dd = `${f.dueDate.slice(8, 10)}/${f.dueDate.slice(5, 7)}/${f.dueDate.slice(0, 4)}`;
  return {
    subject: `Phản ánh ${f.code} quá hạn trả lời, chuyển cấp trên theo dõi`,
    body: `Kính gửi ${f.parentName},\n\nPhản ánh, kiến nghị mã ${f.code} do ${f.unitName} xử lý đã quá hạn trả lời (hạn ${dd}). Đề nghị đơn vị theo dõi, đôn đốc.\n\nXem tại: ${f.url}\n\nThư tự động của hệ thống Gần Dân.`,
  };
}
