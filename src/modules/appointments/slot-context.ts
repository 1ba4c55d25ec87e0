/**
 * Loads what the slot rules (rules/slots.ts) need for one unit and moment: the unit's working calendar (the calendar
 * module's compiled calendar over the years the visit can fall in), its office hours, its visit settings and the other
 * visits of the person assigned. Also turns a refusal into the one error the routes show.
 */
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { UnitRow } from '../units/index.ts';
import { lockAssignee, otherVisitsOf, settingsOf } from './queries.ts';
import { checkSlot, type SlotCheck, type SlotContext, vietnamLocal } from './rules/slots.ts';

export interface Assignee {
  id: number;
  name: string;
}

/**
 * The slot context of a visit at `start` for `unit`; with an assignee, their other open visits (locked against a
 * concurrent booking of the same person for the rest of the transaction).
 */
export async function slotContext(tx: Db, unit: UnitRow, start: Date, now: Date, assignee: Assignee | null, exceptId = 0): Promise<SlotContext> {
  const year = Number(vietnamLocal(Number.isNaN(start.getTime()) ? now : start).date.slice(0, 4));
  const nowYear = Number(vietnamLocal(now).date.slice(0, 4));
  const cal = await loadCalendar(tx, unit, Math.min(year, nowYear), Math.max(year, nowYear));
  if (assignee) await lockAssignee(tx, assignee.id);
  const [settings, others] = await Promise.all([settingsOf(tx, unit.id), assignee ? otherVisitsOf(tx, assignee.id, start, exceptId) : Promise.resolve([])]);
  return {
    now,
    dayStatus: (iso) => cal.calendar.dayStatus(iso),
    officeHours: unit.office_hours,
    settings,
    others,
    assigneeName: assignee?.name ?? null,
  };
}

/** The error of a refused slot: 422 APPOINTMENT_SLOT_REFUSED naming the field at fault and the stable reason. */
export function slotRefused(check: Extract<SlotCheck, { ok: false }>, field?: string): AppError {
  const at = field ?? (check.reason === 'closed_day' || check.reason === 'too_far' ? 'date' : check.reason === 'overlap' ? 'assignee' : 'time');
  return new AppError('APPOINTMENT_SLOT_REFUSED', {
    detail: check.message,
    errors: [{ field: at, message: check.message }],
    extra: { reason: check.reason, ...(check.otherCode ? { otherAppointment: check.otherCode } : {}) },
  });
}

/** Checks a visit at `start` and throws the refusal; returns the visit's start and end. */
export async function requireSlot(
  tx: Db,
  unit: UnitRow,
  start: Date,
  now: Date,
  assignee: Assignee | null,
  exceptId = 0,
  overlapField?: string,
): Promise<{ start: Date; end: Date }> {
  const check = checkSlot(start, await slotContext(tx, unit, start, now, assignee, exceptId));
  if (!check.ok) throw slotRefused(check, check.reason === 'overlap' ? overlapField : undefined);
  return { start: check.start, end: check.end };
}
