import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { findVersionById, listVersions, lockProcedure, markWithdrawn, type ProcedureRow, type VersionRow } from '../queries.ts';
import { planWithdraw } from '../rules/versions.ts';
import { slotOf } from './publish-draft.ts';

/** Withdraws (bãi bỏ) a procedure from `effectiveTo`: its latest version ends that day with no successor. */
export async function withdrawProcedure(tx: Db, actor: Actor, procedure: ProcedureRow, effectiveTo: string): Promise<VersionRow> {
  await lockProcedure(tx, procedure.id);
  const versions = await listVersions(tx, procedure.id);
  const plan = planWithdraw(versions.map(slotOf), effectiveTo);
  if (!plan.ok) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'effectiveTo', message: plan.reason }] });
  await markWithdrawn(tx, plan.id, effectiveTo);
  const v = (await findVersionById(tx, plan.id)) as VersionRow;
  await recordAudit(tx, actor, { action: 'procedure.withdraw', entityType: 'procedure', entityId: procedure.code, after: { version: v.version, effectiveTo } });
  return v;
}
