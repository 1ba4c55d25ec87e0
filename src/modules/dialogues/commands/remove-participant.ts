import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DialogueRow, deleteParticipant } from '../queries.ts';

/**
 * Removes a participant entered by mistake, with its audit row. The caller has checked dialogues.manage on the
 * dialogue's unit.
 * @throws AppError NOT_FOUND when the dialogue has no such participant
 */
export async function removeParticipant(db: Db, actor: Actor, dialogue: DialogueRow, participantId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const gone = await deleteParticipant(tx, dialogue.id, participantId);
    if (!gone) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có người tham dự này', en: 'No such participant' } });
    await recordAudit(tx, actor, {
      action: 'dialogue.participant.remove',
      entityType: 'dialogue',
      entityId: dialogue.id,
      unitId: dialogue.unit_id,
      before: { participant: gone.id, kind: gone.kind, name: gone.name, taxCode: gone.tax_code },
    });
  });
}
