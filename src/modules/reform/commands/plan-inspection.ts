import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertInspection } from '../queries.ts';
import type { PlanValues } from '../rules/inspections.ts';

/**
 * Plans an inspection (kế hoạch kiểm tra) of a unit by a unit above it: the team by name and title, the day, and the
 * scope (models and groups of the service index), with its audit row. The caller has checked reform.inspect (or
 * reform.manage) on both units, that the inspecting unit lies above the inspected one, and the models.
 */
export async function planInspection(
  db: Db,
  actor: Actor,
  inspecting: { id: number },
  inspected: { id: number },
  v: PlanValues,
  models: { id: number; code: string }[],
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertInspection(
      tx,
      inspecting.id,
      inspected.id,
      v,
      models.map((m) => m.id),
      actor.userId,
    );
    await recordAudit(tx, actor, {
      action: 'reform.inspection.plan',
      entityType: 'reform_inspection',
      entityId: id,
      unitId: inspected.id,
      after: {
        inspectingUnitId: inspecting.id,
        title: v.title,
        plannedOn: v.plannedOn,
        indexGroups: v.indexGroups,
        models: models.map((m) => m.code),
        members: v.members.length,
      },
    });
    return id;
  });
}
