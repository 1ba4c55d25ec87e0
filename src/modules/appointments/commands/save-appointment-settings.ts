import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { saveSettings, settingsOf } from '../queries.ts';
import type { SlotSettings } from '../rules/slots.ts';

/** Sets a unit's visit length (10–240 minutes) and travel time between visits (0–180 minutes). */
export async function saveAppointmentSettings(
  db: Db,
  actor: Actor,
  unit: UnitRow,
  input: { visitMinutes?: unknown; travelMinutes?: unknown },
): Promise<SlotSettings> {
  const errors: FieldError[] = [];
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v) : Number.NaN);
  const visitMinutes = num(input.visitMinutes);
  const travelMinutes = num(input.travelMinutes);
  if (!Number.isInteger(visitMinutes) || visitMinutes < 10 || visitMinutes > 240) {
    errors.push({ field: 'visitMinutes', message: { vi: 'Thời lượng một lượt hẹn từ 10 đến 240 phút', en: 'A visit lasts 10 to 240 minutes' } });
  }
  if (!Number.isInteger(travelMinutes) || travelMinutes < 0 || travelMinutes > 180) {
    errors.push({ field: 'travelMinutes', message: { vi: 'Thời gian đi lại từ 0 đến 180 phút', en: 'Travel time is 0 to 180 minutes' } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  const next = { visitMinutes, travelMinutes };
  await inTransaction(db, async (tx) => {
    const before = await settingsOf(tx, unit.id);
    await saveSettings(tx, unit.id, next);
    await recordAudit(tx, actor, { action: 'appointment.settings', entityType: 'unit', entityId: unit.code, unitId: unit.id, before, after: next });
  });
  return next;
}
