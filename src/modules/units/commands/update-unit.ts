import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUnitById, lockUnit, moveUnit, type UnitRow, updateUnit as updateRow } from '../queries.ts';
import type { UpdateUnitInput } from '../schema.ts';

/** Edits a unit; when `newParent` differs it is moved, with its whole subtree. */
export async function updateUnit(tx: Db, actor: Actor, loaded: UnitRow, input: UpdateUnitInput, newParent: UnitRow | null | undefined): Promise<UnitRow> {
  const unit = (await lockUnit(tx, loaded.id)) as UnitRow;
  if (unit.merged_into_id) throw new AppError('UNIT_ALREADY_MERGED');
  // A field left out keeps its value; null clears it.
  const keep = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
  let updated = await updateRow(tx, unit.id, {
    name: input.name.normalize('NFC'),
    adminCode: keep(input.adminCode, unit.admin_code),
    kind: input.kind,
    weekendDays: keep(input.weekendDays, unit.weekend_days),
    officeHours: keep(input.officeHours, unit.office_hours),
    address: keep(input.address, unit.address),
    phone: keep(input.phone, unit.phone),
    email: keep(input.email, unit.email),
  });
  if (newParent !== undefined && (newParent?.id ?? null) !== unit.parent_id) {
    if (newParent?.path.startsWith(unit.path)) throw new AppError('UNIT_MOVE_INVALID');
    await moveUnit(tx, updated, newParent);
    updated = (await findUnitById(tx, unit.id)) as UnitRow;
  }
  await recordAudit(tx, actor, { action: 'unit.update', entityType: 'unit', entityId: unit.code, unitId: unit.id, before: unit, after: updated });
  return updated;
}
