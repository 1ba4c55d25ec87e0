import { type Actor, recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { mustFindSet } from '../access.ts';
import { dossierExists, setDossier } from '../queries.ts';

/**
 * Attaches a declaration set to the dossier received with it (dossiers.id): the set is then kept with the dossier
 * instead of being purged after 24 hours. Call it in the dossier intake's transaction. The dossier must have been
 * received by the set's unit. Repeating it for the same dossier does nothing.
 * @throws AppError DECLARATION_SET_NOT_FOUND, NOT_FOUND (no such dossier), CONFLICT (another unit's dossier, or
 * the set already belongs to another dossier)
 */
export async function attachSetToDossier(
  db: Db,
  setId: number,
  dossierId: number,
  actor: Actor = systemActor('dossiers.receive'),
  now = new Date(),
): Promise<void> {
  const set = await mustFindSet(db, setId, true);
  if (set.dossier_id === dossierId) return;
  const dossier = await dossierExists(db, dossierId);
  if (!dossier) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy hồ sơ', en: 'No such dossier' } });
  if (dossier.unit_id !== set.unit_id || set.dossier_id !== null) {
    throw new AppError('CONFLICT', {
      detail: { vi: 'Bộ tờ khai thuộc đơn vị khác hoặc đã gắn với hồ sơ khác', en: 'The set belongs to another unit or another dossier' },
    });
  }
  await setDossier(db, set.id, dossierId, now);
  await recordAudit(db, actor, {
    action: 'declaration_set.attach',
    entityType: 'declaration_set',
    entityId: set.id,
    unitId: set.unit_id,
    after: { dossierId },
  });
}
