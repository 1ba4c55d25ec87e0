import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { deleteGrant, type GrantRow, insertGrant, type UserRow } from '../queries.ts';

/** Gives a user a role at a unit (optionally over its subtree). */
export async function grantRole(tx: Db, actor: Actor, user: UserRow, role: string, unit: UnitRow, subtree: boolean): Promise<number> {
  if (unit.merged_into_id) throw new AppError('UNIT_ALREADY_MERGED');
  const id = await insertGrant(tx, user.id, role, unit.id, subtree);
  await recordAudit(tx, actor, {
    action: 'user.grant_role',
    entityType: 'user',
    entityId: user.username,
    unitId: unit.id,
    after: { role, unit: unit.code, subtree },
  });
  return id ?? 0;
}

/** Removes one role grant. */
export async function revokeGrant(tx: Db, actor: Actor, user: UserRow, grant: GrantRow): Promise<void> {
  await deleteGrant(tx, grant.id);
  await recordAudit(tx, actor, {
    action: 'user.revoke_role',
    entityType: 'user',
    entityId: user.username,
    unitId: grant.unit_id,
    before: { role: grant.role, unit: grant.unit_code, subtree: grant.subtree },
  });
}
