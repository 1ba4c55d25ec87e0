import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type CorrectionRow, type FindingRow, insertCorrection, lockFinding, updateCorrection } from '../queries.ts';
import type { CorrectionValues } from '../rules/inspections.ts';

const closedError = () =>
  new AppError('REFORM_FINDING_CLOSED', {
    detail: { vi: 'Kết luận này đã được đoàn kiểm tra đóng lại', en: 'The inspecting body has closed this finding' },
  });

const doneOn = (v: CorrectionValues, today: string, before: CorrectionRow | null) =>
  v.status === 'done' ? (before?.status === 'done' && before.done_on ? before.done_on : today) : null;

/**
 * Records the inspected unit's correction of a finding (biện pháp khắc phục: action, owner, deadline, and when done,
 * the evidence), with its audit row; never on a closed finding. The caller has checked reform.register on the
 * inspected unit. @throws AppError REFORM_FINDING_CLOSED
 */
export async function addCorrection(db: Db, actor: Actor, finding: FindingRow, unitId: number, v: CorrectionValues, today: string): Promise<number> {
  return inTransaction(db, async (tx) => {
    if ((await lockFinding(tx, finding.id)) !== 'open') throw closedError();
    const id = await insertCorrection(tx, finding.id, { ...v, doneOn: doneOn(v, today, null) }, actor.userId);
    await recordAudit(tx, actor, {
      action: 'reform.correction.create',
      entityType: 'reform_correction',
      entityId: id,
      unitId,
      after: { finding: finding.id, ...v },
    });
    return id;
  });
}

/** Updates a correction (progress, done with evidence, a new deadline), with its audit row; never on a closed finding. */
export async function editCorrection(db: Db, actor: Actor, c: CorrectionRow, unitId: number, v: CorrectionValues, today: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    if ((await lockFinding(tx, c.finding_id)) !== 'open') throw closedError();
    await updateCorrection(tx, c.id, { ...v, doneOn: doneOn(v, today, c) });
    await recordAudit(tx, actor, {
      action: 'reform.correction.update',
      entityType: 'reform_correction',
      entityId: c.id,
      unitId,
      before: { action: c.action, owner: c.owner, deadline: c.deadline, status: c.status, evidence: c.evidence },
      after: v,
    });
  });
}
