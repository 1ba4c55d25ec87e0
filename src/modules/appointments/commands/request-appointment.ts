import { randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { shortCodeFrom } from '../../../platform/text/index.ts';
import { findProcedureByCode } from '../../procedures/index.ts';
import { findUnitByCode } from '../../units/index.ts';
import { type AppointmentRow, findAppointmentByCode, findAppointmentByKey, insertAppointment, insertAppointmentEvent } from '../queries.ts';
import type { CheckedRequest } from '../rules/request.ts';
import { requireSlot } from '../slot-context.ts';

const PROCEDURE_CODE = /^[0-9]{1,2}\.[0-9]{5,6}$/;

export const unitNotServed = () =>
  new AppError('UNIT_NOT_FOUND', { errors: [{ field: 'unit', message: { vi: 'Không có xã, phường này', en: 'No such commune or ward' } }] });

/**
 * Files a home-visit request (from the web form, or entered by staff from a call, an e-mail, Zalo or Facebook): the
 * wished time must pass the slot rules (future, working day, office hours); the request starts as 'requested' with
 * that time as its slot. One request per idempotency key and unit: a repeat returns the first.
 *
 * @throws AppError UNIT_NOT_FOUND, APPOINTMENT_SLOT_REFUSED
 */
export async function requestAppointment(
  db: Db,
  actor: Actor,
  r: CheckedRequest,
  opts: { idempotencyKey: string | null; now: Date },
): Promise<{ appointment: AppointmentRow; created: boolean }> {
  return inTransaction(db, async (tx) => {
    const unit = await findUnitByCode(tx, r.unitCode);
    if (!unit || unit.merged_into_id !== null) throw unitNotServed();
    if (opts.idempotencyKey) {
      const seen = await findAppointmentByKey(tx, unit.id, opts.idempotencyKey);
      if (seen) return { appointment: seen, created: false };
    }
    const slot = await requireSlot(tx, unit, r.start, opts.now, null);
    const procedure = r.procedure && PROCEDURE_CODE.test(r.procedure) ? await findProcedureByCode(tx, r.procedure) : null;
    const code = shortCodeFrom(randomBytes(8));
    const id = await insertAppointment(tx, {
      code,
      unitId: unit.id,
      kind: r.kind,
      channel: r.channel,
      name: r.name,
      phone: r.phone,
      email: r.email,
      address: r.address,
      priority: r.priority,
      need: r.need,
      procedureText: r.procedure,
      procedureId: procedure?.id ?? null,
      dossierCode: r.dossierCode,
      start: slot.start,
      end: slot.end,
      at: opts.now,
      idempotencyKey: opts.idempotencyKey,
      createdBy: actor.userId,
    });
    if (id === null) {
      // A concurrent request with the same key committed first.
      const seen = opts.idempotencyKey ? await findAppointmentByKey(tx, unit.id, opts.idempotencyKey) : null;
      if (seen) return { appointment: seen, created: false };
      throw new AppError('CONFLICT');
    }
    await insertAppointmentEvent(tx, {
      appointmentId: id,
      action: 'requested',
      at: opts.now,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      data: { channel: r.channel },
    });
    await recordAudit(tx, actor, {
      action: 'appointment.request',
      entityType: 'appointment',
      entityId: code,
      unitId: unit.id,
      after: { kind: r.kind, channel: r.channel, free: r.priority !== null, slotStart: slot.start.toISOString() },
    });
    return { appointment: (await findAppointmentByCode(tx, code)) as AppointmentRow, created: true };
  });
}
