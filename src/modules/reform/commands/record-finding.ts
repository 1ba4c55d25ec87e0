import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type InspectionRow, insertFinding } from '../queries.ts';
import type { FindingValues } from '../rules/inspections.ts';

/**
 * Records a finding of an inspection (tồn tại, hạn chế) against a model or a group of the index, with its audit row.
 * The caller has checked reform.inspect (or reform.manage) on the inspecting unit and resolved the model.
 */
export async function recordFinding(db: Db, actor: Actor, inspection: InspectionRow, v: FindingValues, model: { id: number } | null): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertFinding(
      tx,
      inspection.id,
      { modelId: model?.id ?? null, indexGroup: v.indexGroup, severity: v.severity, text: v.text },
      actor.userId,
    );
    await recordAudit(tx, actor, {
      action: 'reform.finding.create',
      entityType: 'reform_finding',
      entityId: id,
      unitId: inspection.inspected_unit_id,
      after: { inspection: inspection.id, model: v.modelCode, indexGroup: v.indexGroup, severity: v.severity, text: v.text },
    });
    return id;
  });
}
