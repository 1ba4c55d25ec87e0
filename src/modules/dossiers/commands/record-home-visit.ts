import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { insertEvent, lockDossierByCode } from '../queries.ts';
import { statusLabels } from '../rules/lifecycle.ts';
import { returnResult } from './return-result-through.ts';

export interface HomeVisit {
  /** 'pickup': the dossier was received at the citizen's home; 'delivery': its result was handed over there. */
  kind: 'pickup' | 'delivery';
  dossierCode: string;
  /** The unit the visit was made for: the dossier must have been received there. */
  unitId: number;
  /** The appointment's code (hẹn tại nhà), who went and when. */
  appointmentCode: string;
  visitedBy: string;
  visitedAt: Date;
}

/**
 * Records a home visit on its dossier (model M6), in the caller's transaction. A pick-up marks the dossier as received
 * through the home channel (dossiers.channel = 'home') and adds a timeline event; a result delivery returns the result
 * through the home channel (the `return_result` action with return_channel = 'home'), so the dossier must have its
 * result ready. The timeline names the appointment, who went and when; the audit row says the same, never personal data.
 *
 * @throws AppError NOT_FOUND (no such dossier at the unit), UNPROCESSABLE (a delivery of a result not ready)
 */
export async function recordHomeVisit(tx: Db, actor: Actor, v: HomeVisit, now: Date): Promise<{ code: string; status: string }> {
  const d = await lockDossierByCode(tx, v.dossierCode);
  if (!d || d.unit_id !== v.unitId) {
    throw new AppError('NOT_FOUND', {
      detail: { vi: `Không có hồ sơ ${v.dossierCode} tiếp nhận tại đơn vị này`, en: `No dossier ${v.dossierCode} received at this unit` },
      errors: [{ field: 'dossierCode', message: { vi: `Không có hồ sơ ${v.dossierCode} tại đơn vị này`, en: `No dossier ${v.dossierCode} at this unit` } }],
    });
  }
  const data = { appointment: v.appointmentCode, visitedAt: v.visitedAt.toISOString() };
  const note = `Hẹn tại nhà ${v.appointmentCode}: ${v.visitedBy}, ${v.visitedAt.toISOString()}`;
  if (v.kind === 'delivery') {
    if (d.status !== 'result_ready') {
      throw new AppError('UNPROCESSABLE', {
        detail: {
          vi: `Hồ sơ ${d.code} đang ở trạng thái “${statusLabels[d.status].vi}”, chưa có kết quả để trả tại nhà`,
          en: `Dossier ${d.code} is “${statusLabels[d.status].en}”: there is no result to deliver`,
        },
        extra: { status: d.status },
      });
    }
    const after = await returnResult(tx, actor, d, 'home', { version: d.version, note, publicNote: 'Đã trả kết quả tại nhà' }, now, data);
    return { code: after.code, status: after.status };
  }
  await tx.execute(sql`UPDATE dossiers SET channel = 'home', version = version + 1, updated_at = now() WHERE id = ${d.id}`);
  await insertEvent(tx, {
    dossierId: d.id,
    action: 'home_pickup',
    fromStatus: d.status,
    toStatus: d.status,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    unitId: d.unit_id,
    at: now,
    internalNote: note,
    publicNote: 'Hồ sơ được tiếp nhận tại nhà',
    data: { channel: 'home', ...data },
  });
  await recordAudit(tx, actor, {
    action: 'dossier.home_pickup',
    entityType: 'dossier',
    entityId: d.code,
    unitId: d.unit_id,
    before: { channel: d.channel, version: d.version },
    after: { channel: 'home', version: d.version + 1, appointment: v.appointmentCode },
  });
  return { code: d.code, status: d.status };
}
