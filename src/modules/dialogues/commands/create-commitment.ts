import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type CommitmentValues, type DialogueRow, findDialogue, insertCommitment, lockDialogue } from '../queries.ts';
import { acceptsCommitments } from '../rules/commitments.ts';

/** What the audit row keeps of a commitment. */
export const auditOfCommitment = (c: CommitmentValues) => ({
  text: c.text,
  ownerUnit: c.ownerUnitId,
  deadline: c.deadline,
  status: c.status,
  outcome: c.outcome,
  question: c.questionId,
});

/**
 * Records an issue raised at a dialogue as a commitment (cam kết) with an owner unit and a deadline, with its audit
 * row. Only once the dialogue has started, and never on a cancelled one. The caller has checked dialogues.manage on
 * the dialogue's unit, the owner unit and the question.
 * @throws AppError CONFLICT when the dialogue takes no commitments
 */
export async function createCommitment(db: Db, actor: Actor, dialogue: DialogueRow, values: CommitmentValues, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockDialogue(tx, dialogue.id);
    const fresh = (await findDialogue(tx, dialogue.id)) ?? dialogue;
    if (!acceptsCommitments({ status: fresh.status, startsAt: new Date(fresh.starts_at) }, now)) {
      throw new AppError('CONFLICT', {
        detail: {
          vi: 'Chỉ ghi cam kết khi buổi đối thoại đã bắt đầu và không bị hủy',
          en: 'Commitments are recorded once the dialogue has started, and never for a cancelled one',
        },
      });
    }
    const id = await insertCommitment(tx, fresh.id, values);
    await recordAudit(tx, actor, {
      action: 'dialogue.commitment.create',
      entityType: 'dialogue_commitment',
      entityId: id,
      unitId: fresh.unit_id,
      after: { dialogue: fresh.id, ...auditOfCommitment(values) },
    });
    return id;
  });
}
