import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findUnitByCode, insertUnit, type UnitRow } from '../queries.ts';
import type { CreateUnitInput } from '../schema.ts';

/** Creates a unit under `parent` (or a new root). */
export async function createUnit(tx: Db, actor: Actor, input: CreateUnitInput, parent: UnitRow | null): Promise<UnitRow> {
  if (await findUnitByCode(tx, input.code)) throw new AppError('UNIT_CODE_TAKEN');
  if (parent?.merged_into_id) throw new AppError('UNIT_ALREADY_MERGED');
  const unit = await insertUnit(tx, {
    code: input.code,
    adminCode: input.adminCode ?? null,
    name: input.name.normalize('NFC'),
    kind: input.kind,
    parentId: parent?.id ?? null,
    weekendDays: input.weekendDays,
    officeHours: input.officeHours,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
  });
  await recordAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: unit.code, unitId: unit.id, after: unit });
  return unit;
}
