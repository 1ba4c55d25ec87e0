import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { closeFinding, correctionsOf, type FindingRow, lockFinding } from '../queries.ts';
import { closable } from '../rules/inspections.ts';

/**
 * The inspecting body closes a finding once the inspected unit has done every correction (at least one), with an
 * optional note and its audit row. The caller has checked reform.inspect (or reform.manage) on the inspecting unit.
 * @throws AppError REFORM_FINDING_CLOSED, REFORM_FINDING_NOT_CLOSABLE
 */
export async function closeInspectionFinding(db: Db, actor: Actor, finding: FindingRow, unitId: number, note: string | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    const status = await lockFinding(tx, finding.id);
    if (status !== 'open') throw new AppError('REFORM_FINDING_CLOSED');
    if (!closable(await correctionsOf(tx, finding.id))) throw new AppError('REFORM_FINDING_NOT_CLOSABLE');
    await closeFinding(tx, finding.id, note, actor.userId);
    await recordAudit(tx, actor, { action: 'reform.finding.close', entityType: 'reform_finding', entityId: finding.id, unitId, after: { note } });
  });
}
