import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { invalid } from '../../../platform/errors.ts';
import { insertTeam } from '../queries.ts';
import type { TeamDraft } from '../rules/roster.ts';

/**
 * Sets up a support team (đội hỗ trợ) at a unit, with its audit row. The caller has checked support-teams.manage on the unit.
 * @throws AppError VALIDATION_FAILED when the unit already has a team of that name
 */
export async function createTeam(db: Db, actor: Actor, unit: { id: number }, t: TeamDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertTeam(tx, unit.id, t, actor.userId);
    if (id === null) throw invalid('name', 'Đơn vị đã có đội mang tên này', 'The unit already has a team of this name');
    await recordAudit(tx, actor, {
      action: 'support-team.create',
      entityType: 'support_team',
      entityId: id,
      unitId: unit.id,
      after: { name: t.name, organisation: t.organisation, withDescription: t.description !== null },
    });
    return id;
  });
}
