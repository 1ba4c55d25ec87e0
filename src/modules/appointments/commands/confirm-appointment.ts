import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { type AppointmentRow, findAppointmentByCode, insertAppointmentEvent, updateAppointment } from '../queries.ts';
import { confirmationNotices } from '../rules/notices.ts';
import { requireSlot } from '../slot-context.ts';
import { factsOf, queueAssigneeNotice, queueNow, refreshReminders } from '../visit-notices.ts';
import { type ActionContext, type ActionInput, slotFrom } from './action-input.ts';

/**
 * Confirms the visit (xác nhận lịch hẹn) at its current slot, or at the date and time given: the slot rules are
 * checked again (time has passed since the request; the assigned person's other visits). In the same transaction the
 * citizen's confirmation (SMS, and e-mail when given) is queued at once and the reminders of the day before at 16:00,
 * and the person assigned, if any, is told by e-mail.
 */
export async function confirmAppointment(tx: Db, actor: Actor, a: AppointmentRow, input: ActionInput, ctx: ActionContext): Promise<void> {
  const wanted = slotFrom(input, false) ?? new Date(a.slot_start);
  const unit = (await findUnitById(tx, a.unit_id)) as UnitRow;
  const assignee = a.assignee_user_id ? { id: a.assignee_user_id, name: a.assignee_name ?? '' } : null;
  const slot = await requireSlot(tx, unit, wanted, ctx.now, assignee, a.id, 'time');
  await updateAppointment(
    tx,
    a.id,
    [
      sql`status = 'confirmed'`,
      sql`slot_start = ${slot.start.toISOString()}::timestamptz`,
      sql`slot_end = ${slot.end.toISOString()}::timestamptz`,
      sql`confirmed_at = ${ctx.now.toISOString()}::timestamptz`,
    ],
    ctx.now,
  );
  const after = (await findAppointmentByCode(tx, a.code)) as AppointmentRow;
  await queueNow(tx, after, confirmationNotices(factsOf(after, ctx.publicUrl), { phone: a.citizen_phone, email: a.citizen_email }));
  await queueAssigneeNotice(tx, after, ctx.publicUrl);
  await refreshReminders(tx, after, ctx.publicUrl, ctx.now);
  await insertAppointmentEvent(tx, {
    appointmentId: a.id,
    action: 'confirmed',
    at: ctx.now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    data: { slotStart: slot.start.toISOString() },
  });
  await recordAudit(tx, actor, {
    action: 'appointment.confirm',
    entityType: 'appointment',
    entityId: a.code,
    unitId: a.unit_id,
    before: { status: a.status },
    after: { status: 'confirmed', slotStart: slot.start.toISOString() },
  });
}
