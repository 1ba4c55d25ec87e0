import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { listAssignable } from '../assignable.ts';
import { type AppointmentRow, findAppointmentByCode, insertAppointmentEvent, updateAppointment } from '../queries.ts';
import { checkSlot } from '../rules/slots.ts';
import { slotContext, slotRefused } from '../slot-context.ts';
import { queueAssigneeNotice, refreshReminders } from '../visit-notices.ts';
import type { ActionContext, ActionInput } from './action-input.ts';

/**
 * Assigns the visit to an official of the unit or a helper (tình nguyện viên) of the unit (phân công): the visit must
 * leave the person's travel time free between it and their other visits. On a confirmed visit the person is told by
 * e-mail at once and the reminders are queued again for them.
 *
 * @throws AppError VALIDATION_FAILED (not a person of the unit), APPOINTMENT_SLOT_REFUSED (overlap)
 */
export async function assignAppointment(tx: Db, actor: Actor, a: AppointmentRow, input: ActionInput, ctx: ActionContext): Promise<void> {
  const username = (input.assignee ?? '').trim().toLowerCase();
  const person = username ? (await listAssignable(tx, a.unit_id)).find((p) => p.username === username) : undefined;
  if (!person) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'assignee',
          message: {
            vi: 'Hãy chọn một cán bộ hoặc tình nguyện viên của đơn vị',
            en: 'Choose an official or a helper of the unit',
          },
        },
      ],
    });
  }
  const unit = (await findUnitById(tx, a.unit_id)) as UnitRow;
  const start = new Date(a.slot_start);
  const context = await slotContext(tx, unit, start, ctx.now, { id: person.id, name: person.full_name }, a.id);
  // Only the other visits matter here: a request whose wished time has passed can still be given to someone.
  const check = checkSlot(start, { ...context, now: new Date(Math.min(ctx.now.getTime(), start.getTime() - 1)) });
  if (!check.ok) throw slotRefused(check, 'assignee');
  await updateAppointment(tx, a.id, [sql`assignee_user_id = ${person.id}`], ctx.now);
  const after = (await findAppointmentByCode(tx, a.code)) as AppointmentRow;
  if (after.status === 'confirmed') {
    await queueAssigneeNotice(tx, after, ctx.publicUrl);
    await refreshReminders(tx, after, ctx.publicUrl, ctx.now);
  }
  await insertAppointmentEvent(tx, {
    appointmentId: a.id,
    action: 'assigned',
    at: ctx.now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    data: { assignee: person.username },
  });
  await recordAudit(tx, actor, {
    action: 'appointment.assign',
    entityType: 'appointment',
    entityId: a.code,
    unitId: a.unit_id,
    before: { assignee: a.assignee_username },
    after: { assignee: person.username },
  });
}
