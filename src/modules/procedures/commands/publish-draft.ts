import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findVersionById, listVersions, lockProcedure, markPublished, type ProcedureRow, setEffectiveTo, type VersionRow } from '../queries.ts';
import { planPublish, type VersionSlot } from '../rules/versions.ts';

export const slotOf = (v: VersionRow): VersionSlot => ({
  id: v.id,
  version: v.version,
  status: v.status,
  effectiveFrom: v.effective_from,
  effectiveTo: v.effective_to,
});

/**
 * Publishes a procedure's draft from `effectiveFrom` (ngày có hiệu lực): the version running
 * then ends that day, so versions never overlap. From then on the version never changes.
 */
export async function publishDraft(tx: Db, actor: Actor, procedure: ProcedureRow, effectiveFrom: string): Promise<VersionRow> {
  await lockProcedure(tx, procedure.id);
  const versions = await listVersions(tx, procedure.id);
  const draft = versions.find((v) => v.status === 'draft');
  if (!draft) throw new AppError('CONFLICT', { detail: { vi: 'Thủ tục không có bản nháp để công bố', en: 'The procedure has no draft to publish' } });
  const plan = planPublish(versions.map(slotOf), effectiveFrom);
  if (!plan.ok) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'effectiveFrom', message: plan.reason }] });
  for (const c of plan.close) await setEffectiveTo(tx, c.id, c.effectiveTo);
  await markPublished(tx, draft.id, effectiveFrom);
  await recordAudit(tx, actor, {
    action: 'procedure.publish',
    entityType: 'procedure',
    entityId: procedure.code,
    after: { version: draft.version, effectiveFrom, closed: plan.close.map((c) => versions.find((v) => v.id === c.id)?.version) },
  });
  return (await findVersionById(tx, draft.id)) as VersionRow;
}
