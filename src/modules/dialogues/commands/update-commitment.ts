import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type CommitmentRow, type CommitmentValues, findCommitment, lockCommitment, updateCommitment } from '../queries.ts';
import { auditOfCommitment } from './create-commitment.ts';

const valuesOf = (c: CommitmentRow): CommitmentValues => ({
  text: c.text,
  ownerUnitId: c.owner_unit_id,
  deadline: c.deadline,
  status: c.status,
  outcome: c.outcome,
  questionId: c.question_id,
});

/**
 * Updates a commitment: its text, owner, deadline, status (open, done, dropped) and public outcome, on fresh locked
 * data, with its audit row. The caller has checked dialogues.manage on the dialogue's unit or the owner unit.
 */
export async function updateDialogueCommitment(db: Db, actor: Actor, c: CommitmentRow, values: CommitmentValues, unitId: number): Promise<CommitmentRow> {
  return inTransaction(db, async (tx) => {
    await lockCommitment(tx, c.id);
    const fresh = (await findCommitment(tx, c.dialogue_id, c.id)) ?? c;
    await updateCommitment(tx, fresh.id, values);
    await recordAudit(tx, actor, {
      action: 'dialogue.commitment.update',
      entityType: 'dialogue_commitment',
      entityId: fresh.id,
      unitId,
      before: auditOfCommitment(valuesOf(fresh)),
      after: auditOfCommitment(values),
    });
    return (await findCommitment(tx, fresh.dialogue_id, fresh.id)) as CommitmentRow;
  });
}
