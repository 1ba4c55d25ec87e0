import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { type AppointmentRow, findAppointmentByCode, insertAppointmentEvent, updateAppointment } from '../queries.ts';
import { proposalNotices } from '../rules/notices.ts';
import { requireSlot } from '../slot-context.ts';
import { factsOf, queueNow, refreshReminders } from '../visit-notices.ts';
import { type ActionContext, type ActionInput, slotFrom } from './action-input.ts';

/**
 * Proposes another time to the citizen (đề xuất giờ hẹn): the slot rules apply, with the assigned person's other
 * visits; the citizen is told by SMS (and e-mail) at once and the request waits as 'proposed' until staff confirm it.
 * Reminders queued for an earlier confirmed time are withdrawn.
 */
export async function proposeAppointmentSlot(tx: Db, actor: Actor, a: AppointmentRow, input: ActionInput, ctx: ActionContext): Promise<void> {
  const start = slotFrom(input, true) as Date;
  const unit = (await findUnitById(tx, a.unit_id)) as UnitRow;
  const assignee = a.assignee_user_id ? { id: a.assignee_user_id, name: a.assignee_name ?? '' } : null;
  const slot = await requireSlot(tx, unit, start, ctx.now, assignee, a.id, 'time');
  await updateAppointment(
    tx,
    a.id,
    [
      sql`status = 'proposed'`,
      sql`slot_start = ${slot.start.toISOString()}::timestamptz`,
      sql`slot_end = ${slot.end.toISOString()}::timestamptz`,
      sql`proposed_at = ${ctx.now.toISOString()}::timestamptz`,
    ],
    ctx.now,
  );
  const after = (await findAppointmentByCode(tx, a.code)) as AppointmentRow;
  await queueNow(tx, after, proposalNotices(factsOf(after, ctx.publicUrl), { phone: a.citizen_phone, email: a.citizen_email }));
  await refreshReminders(tx, after, ctx.publicUrl, ctx.now);
  await insertAppointmentEvent(tx, {
    appointmentId: a.id,
    action: 'proposed',
    at: ctx.now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    data: { slotStart: slot.start.toISOString() },
  });
  await recordAudit(tx, actor, {
    action: 'appointment.propose',
    entityType: 'appointment',
    entityId: a.code,
    unitId: a.unit_id,
    before: { status: a.status, slotStart: new Date(a.slot_start).toISOString() },
    after: { status: 'proposed', slotStart: slot.start.toISOString() },
  });
}
