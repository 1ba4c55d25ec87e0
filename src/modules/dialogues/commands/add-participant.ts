import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DialogueRow, insertParticipant, type NewParticipant } from '../queries.ts';

/**
 * Adds an official or a business (by tax code, checked by rules/tax-code.ts) to a dialogue's participants, with its
 * audit row. The audit row keeps the business's tax code and name, not its representative. The caller has checked
 * dialogues.manage on the dialogue's unit.
 * @throws AppError VALIDATION_FAILED when the business already takes part
 */
export async function addParticipant(db: Db, actor: Actor, dialogue: DialogueRow, p: NewParticipant): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertParticipant(tx, dialogue.id, p);
    if (id === null) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          { field: 'taxCode', message: { vi: 'Doanh nghiệp có mã số thuế này đã có trong danh sách', en: 'A business with this tax code is already listed' } },
        ],
      });
    }
    await recordAudit(tx, actor, {
      action: 'dialogue.participant.add',
      entityType: 'dialogue',
      entityId: dialogue.id,
      unitId: dialogue.unit_id,
      after: { participant: id, kind: p.kind, name: p.name, position: p.position, taxCode: p.taxCode, userId: p.userId },
    });
    return id;
  });
}
