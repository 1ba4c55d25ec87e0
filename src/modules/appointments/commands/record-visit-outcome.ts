import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { recordHomeVisit } from '../../dossiers/index.ts';
import { type AppointmentRow, insertAppointmentEvent, updateAppointment } from '../queries.ts';
import { refreshReminders } from '../visit-notices.ts';
import { type ActionContext, type ActionInput, slotFrom } from './action-input.ts';

const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9.]{0,63}-[0-9]{6}-[0-9]{4,6}$/;

/**
 * Records how a confirmed visit went: done (đã thực hiện) or the citizen absent (vắng nhà), with who went and when
 * (by default the person assigned, at the slot's start; never in the future). A pick-up or delivery done is recorded on
 * its dossier in the same transaction (dossiers' recordHomeVisit: received through the home channel, or the result
 * returned there).
 *
 * @throws AppError VALIDATION_FAILED, and what recordHomeVisit throws (no such dossier, result not ready)
 */
export async function recordVisitOutcome(
  tx: Db,
  actor: Actor,
  a: AppointmentRow,
  outcome: 'done' | 'absent',
  input: ActionInput,
  ctx: ActionContext,
): Promise<void> {
  const errors: FieldError[] = [];
  const visitedBy = cleanText(input.visitedBy).replace(/\s+/g, ' ') || a.assignee_name || '';
  if ([...visitedBy].length < 2 || [...visitedBy].length > 300) {
    errors.push({ field: 'visitedBy', message: { vi: 'Hãy ghi người đã đến nhà', en: 'Name who went' } });
  }
  let visitedAt: Date = new Date(a.slot_start);
  try {
    visitedAt = slotFrom({ date: input.visitedDate, time: input.visitedTime }, false, { date: 'visitedDate', time: 'visitedTime' }) ?? visitedAt;
  } catch (err) {
    if (err instanceof AppError) errors.push(...err.errors);
    else throw err;
  }
  if (visitedAt.getTime() > ctx.now.getTime()) {
    errors.push({ field: 'visitedTime', message: { vi: 'Thời điểm đến nhà chưa tới: chỉ ghi kết quả sau khi đã đi', en: 'That time is still ahead' } });
  }
  const note = cleanText(input.note);
  if ([...note].length > 2000) errors.push({ field: 'note', message: { vi: 'Ghi chú dài tối đa 2000 ký tự', en: 'At most 2000 characters' } });
  const dossierCode = cleanText(input.dossierCode).replace(/\s+/g, '') || a.dossier_code;
  if (dossierCode && !DOSSIER_CODE.test(dossierCode)) {
    errors.push({ field: 'dossierCode', message: { vi: 'Mã hồ sơ không đúng, vd. 30337-260213-0001', en: 'Not a dossier code' } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });

  let dossier: { code: string; status: string } | null = null;
  if (outcome === 'done' && dossierCode && (a.kind === 'pickup' || a.kind === 'delivery')) {
    dossier = await recordHomeVisit(tx, actor, { kind: a.kind, dossierCode, unitId: a.unit_id, appointmentCode: a.code, visitedBy, visitedAt }, ctx.now);
  }
  await updateAppointment(
    tx,
    a.id,
    [
      sql`status = ${outcome}`,
      sql`visited_by = ${visitedBy}`,
      sql`visited_at = ${visitedAt.toISOString()}::timestamptz`,
      sql`outcome_at = ${ctx.now.toISOString()}::timestamptz`,
      sql`outcome_by = ${actor.userId}::bigint`,
      sql`outcome_note = ${note || null}`,
      sql`dossier_code = ${dossierCode ?? null}`,
    ],
    ctx.now,
  );
  await refreshReminders(tx, { ...a, status: outcome }, ctx.publicUrl, ctx.now);
  await insertAppointmentEvent(tx, {
    appointmentId: a.id,
    action: outcome,
    at: ctx.now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    data: { visitedAt: visitedAt.toISOString(), ...(dossier ? { dossier: dossier.code } : {}) },
  });
  await recordAudit(tx, actor, {
    action: `appointment.${outcome}`,
    entityType: 'appointment',
    entityId: a.code,
    unitId: a.unit_id,
    before: { status: a.status },
    after: { status: outcome, visitedAt: visitedAt.toISOString(), dossier: dossier?.code ?? null },
  });
}
