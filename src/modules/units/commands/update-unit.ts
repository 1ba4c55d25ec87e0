import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUnitById, moveUnit, type UnitRow, updateUnit as updateRow } from '../queries.ts';
import type { UpdateUnitInput } from '../schema.ts';

/** Edits a unit; when `newParent` differs it is moved, with its whole subtree. */
export async function updateUnit(tx: Db, actor: Actor, unit: UnitRow, input: UpdateUnitInput, newParent: UnitRow | null | undefined): Promise<UnitRow> {
  if (unit.merged_into_id) throw new AppError('UNIT_ALREADY_MERGED');
  let updated = await updateRow(tx, unit.id, {
    name: input.name.normalize('NFC'),
    adminCode: input.adminCode ?? null,
    kind: input.kind,
    weekendDays: input.weekendDays ?? unit.weekend_days,
    officeHours: input.officeHours ?? unit.office_hours,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
  });
  if (newParent !== undefined && (newParent?.id ?? null) !== unit.parent_id) {
    if (newParent?.path.startsWith(unit.path)) throw new AppError('UNIT_MOVE_INVALID');
    await moveUnit(tx, updated, newParent);
    updated = (await findUnitById(tx, unit.id)) as UnitRow;
  }
  await recordAudit(tx, actor, { action: 'unit.update', entityType: 'unit', entityId: unit.code, unitId: unit.id, before: unit, after: updated });
  return updated;
}
