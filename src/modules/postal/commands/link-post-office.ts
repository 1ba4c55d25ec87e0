import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { insertPostOfficeLinks } from '../queries.ts';

/** Links a post office (a unit of kind post_office) to the administrative units it serves; returns the new links. */
export async function linkPostOffice(tx: Db, actor: Actor, postOffice: UnitRow, served: UnitRow[]): Promise<number> {
  if (postOffice.kind !== 'post_office') {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'postOffice', message: { vi: 'Đơn vị này không phải bưu điện', en: 'This unit is not a post office' } }],
    });
  }
  const ids = served.filter((u) => u.id !== postOffice.id).map((u) => u.id);
  const n = await insertPostOfficeLinks(tx, postOffice.id, ids);
  if (n > 0) {
    await recordAudit(tx, actor, {
      action: 'post_office.link',
      entityType: 'unit',
      entityId: postOffice.code,
      unitId: postOffice.id,
      after: { served: served.map((u) => u.code) },
    });
  }
  return n;
}
