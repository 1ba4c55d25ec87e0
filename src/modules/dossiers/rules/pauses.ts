/**
 * Pauses of the clock while the applicant supplements the dossier, and how the due date moves.
 *
 * Our reading (STANDARDS §2; Nghị định 61/2018/NĐ-CP Điều 17 khoản 1 điểm b as amended by 107/2021: "Thời gian mà
 * cơ quan, tổ chức đã giải quyết lần đầu được tính trong thời gian giải quyết hồ sơ": the time already spent counts,
 * so the clock stops and then resumes rather than starting over. Nghị định 118/2025/NĐ-CP could not be read this
 * session; check it):
 * - the working day on which the request to supplement is issued counts as spent;
 * - the working days after it, up to and including the day the supplement is received, do not count: like a day of
 *   receipt, the day the supplement arrives is not counted, and counting resumes on the next working day;
 * - the due date therefore moves later by exactly that many working days; a request and supplement on the same
 *   day move nothing.
 *
 * Pure module.
 */

/** The calendar operations the pause rules need (the calendar module's CompiledCalendar has them). */
export interface WorkingDayCounter {
  workingDaysBetween(fromIsoDate: string, toIsoDate: string): number;
  addWorkingDays(fromIsoDate: string, n: number): string;
}

/** Working days the clock stood still: those strictly after `startDay` up to and including `endDay`. */
export function pausedWorkingDays(cal: WorkingDayCounter, startDay: string, endDay: string): number {
  if (endDay < startDay) throw new RangeError('a pause cannot end before it starts');
  return Math.max(0, cal.workingDaysBetween(startDay, endDay));
}

/** The due date moved later by `days` working days. */
export function moveDueDate(cal: WorkingDayCounter, dueDate: string, days: number): string {
  return days === 0 ? dueDate : cal.addWorkingDays(dueDate, days);
}

/** The due moment on a new date, at the same local time of day as before (Vietnam, UTC+7). */
export function moveDueMoment(dueAt: Date, newDate: string): Date {
  const local = new Date(dueAt.getTime() + 7 * 3600_000);
  const time = local.toISOString().slice(11, 19);
  return new Date(`${newDate}T${time}+07:00`);
}

/** The Vietnam date of a moment. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
