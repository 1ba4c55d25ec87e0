/**
 * Lateness warnings ahead of time and "returned but not closed" (quên bấm kết thúc hồ sơ, seed 004: "khắc phục triệt
 * để tình trạng quên bấm kết thúc hồ sơ"): which dossiers warn, and whom.
 *
 * - Due soon: a running dossier (not paused for a supplement: its clock is stopped) whose appointment is still ahead
 *   but no later than the horizon (by default the end of the next working day, computed by the calendar module).
 * - Forgot to close: a dossier whose result was returned and which is still not closed a full working day (or more)
 *   after the day of return: the working days strictly after the return day up to today.
 *
 * Pure module.
 */
import { type DossierStatus, runningStatuses as running } from './lifecycle.ts';

export type WarningKind = 'due_soon' | 'returned_not_closed';
export type WarningAudience = 'assignee' | 'leader' | 'desk';

export const warningKindLabels: Record<WarningKind, { vi: string; en: string }> = {
  due_soon: { vi: 'Sắp đến hạn trả kết quả', en: 'Due soon' },
  returned_not_closed: { vi: 'Đã trả kết quả nhưng chưa kết thúc hồ sơ', en: 'Returned but not closed' },
};

/** Whether a dossier should warn now that its appointment is near. */
export function isDueSoon(d: { status: DossierStatus; dueAt: Date }, now: Date, horizon: Date): boolean {
  return running.includes(d.status) && d.dueAt.getTime() > now.getTime() && d.dueAt.getTime() <= horizon.getTime();
}

/** Working days a returned dossier has waited to be closed (0 on the day of return). */
export function daysNotClosed(cal: { workingDaysBetween(from: string, to: string): number }, returnedDay: string, today: string): number {
  return today <= returnedDay ? 0 : cal.workingDaysBetween(returnedDay, today);
}

/** Whether a returned dossier is listed as "returned but not closed". */
export function isForgottenReturn(
  d: { status: DossierStatus; returnedDay: string | null },
  cal: { workingDaysBetween(from: string, to: string): number },
  today: string,
  minDays = 1,
): boolean {
  return d.status === 'returned' && d.returnedDay !== null && daysNotClosed(cal, d.returnedDay, today) >= minDays;
}

/**
 * Who is warned: for a due-soon dossier its specialist (if assigned) and the leaders of the unit processing it; for a
 * returned one the desk (clerks) and the leaders of the receiving unit, who return and close results.
 */
export function warningAudiences(
  kind: WarningKind,
  d: { unitId: number; processingUnitId: number | null; assigneeUserId: number | null },
): { audience: WarningAudience; userId: number | null; unitId: number }[] {
  if (kind === 'returned_not_closed') {
    return [
      { audience: 'desk', userId: null, unitId: d.unitId },
      { audience: 'leader', userId: null, unitId: d.unitId },
    ];
  }
  const unitId = d.processingUnitId ?? d.unitId;
  return [
    ...(d.assigneeUserId !== null ? [{ audience: 'assignee' as const, userId: d.assigneeUserId, unitId }] : []),
    { audience: 'leader', userId: null, unitId },
  ];
}
