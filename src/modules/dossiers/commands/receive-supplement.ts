import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { closePause, type DossierRow, findOpenPause } from '../queries.ts';
import { moveDueDate, moveDueMoment, pausedWorkingDays, vietnamDay } from '../rules/pauses.ts';
import type { TransitionInput } from '../schema.ts';
import { transitionDossier } from './transition-dossier.ts';

/**
 * Records the supplement the applicant brought: the clock restarts and the due date moves later by the working days
 * it stood still (rules/pauses.ts), in the receiving unit's calendar. The dossier goes back to where it paused.
 */
export async function receiveSupplement(tx: Db, actor: Actor, d: DossierRow, input: TransitionInput, now: Date): Promise<DossierRow> {
  const pause = await findOpenPause(tx, d.id);
  const today = vietnamDay(now);
  let days = 0;
  let newDue = d.due_date;
  if (pause) {
    const unit = (await findUnitById(tx, d.unit_id)) as UnitRow;
    const fromYear = Number(pause.start_day.slice(0, 4));
    const cal = await loadCalendar(tx, unit, fromYear, Math.max(Number(today.slice(0, 4)), Number(d.due_date.slice(0, 4))) + 1);
    days = today >= pause.start_day ? pausedWorkingDays(cal.calendar, pause.start_day, today) : 0;
    newDue = moveDueDate(cal.calendar, d.due_date, days);
  }
  const dueAt = moveDueMoment(new Date(d.due_at), newDue);
  const next = await transitionDossier(tx, actor, d, 'receive_supplement', input, now, {
    sets: [sql`due_date = ${newDue}::date`, sql`due_at = ${dueAt.toISOString()}::timestamptz`, sql`paused_working_days = paused_working_days + ${days}`],
    data: { pausedWorkingDays: days, previousDueDate: d.due_date, dueDate: newDue },
  });
  if (pause) await closePause(tx, pause.id, { at: now, day: today, by: actor.userId, workingDays: days });
  return next;
}
