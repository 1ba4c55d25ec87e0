import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { type AppointmentRow, insertAppointmentEvent, updateAppointment } from '../queries.ts';
import { cancellationNotices } from '../rules/notices.ts';
import { factsOf, queueNow, refreshReminders } from '../visit-notices.ts';
import type { ActionContext, ActionInput } from './action-input.ts';

/** Cancels a visit with its reason (hủy lịch hẹn): the reminders are withdrawn and the citizen is told why. */
export async function cancelAppointment(tx: Db, actor: Actor, a: AppointmentRow, input: ActionInput, ctx: ActionContext): Promise<void> {
  const reason = cleanText(input.reason).replace(/\s+/g, ' ');
  if ([...reason].length < 3 || [...reason].length > 1000) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'reason', message: { vi: 'Hãy ghi lý do hủy (3–1000 ký tự)', en: 'Give the reason (3–1000 characters)' } }],
    });
  }
  await updateAppointment(
    tx,
    a.id,
    [
      sql`status = 'cancelled'`,
      sql`cancel_reason = ${reason}`,
      sql`outcome_at = ${ctx.now.toISOString()}::timestamptz`,
      sql`outcome_by = ${actor.userId}::bigint`,
    ],
    ctx.now,
  );
  await refreshReminders(tx, { ...a, status: 'cancelled' }, ctx.publicUrl, ctx.now);
  await queueNow(tx, a, cancellationNotices(factsOf(a, ctx.publicUrl), { phone: a.citizen_phone, email: a.citizen_email }, reason));
  await insertAppointmentEvent(tx, { appointmentId: a.id, action: 'cancelled', at: ctx.now, actorUserId: actor.userId, actorLabel: actor.label });
  await recordAudit(tx, actor, {
    action: 'appointment.cancel',
    entityType: 'appointment',
    entityId: a.code,
    unitId: a.unit_id,
    before: { status: a.status },
    after: { status: 'cancelled' },
  });
}
