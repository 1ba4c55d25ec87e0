import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findQuestionContact, type QuestionContact } from '../queries.ts';

/**
 * Gives an official the name and contact an asker left, recording the read (STANDARDS §7: staff reads of personal
 * data are logged); the audit row names the question, never the data. The caller has checked dialogues.manage on the
 * dialogue's unit.
 */
export async function readDialogueQuestionContact(db: Db, actor: Actor, q: { id: number }, unitId: number): Promise<QuestionContact> {
  return inTransaction(db, async (tx) => {
    const contact = await findQuestionContact(tx, q.id);
    await recordAudit(tx, actor, { action: 'dialogue.question.contact.read', entityType: 'dialogue_question', entityId: q.id, unitId });
    return contact ?? { asker_name: null, asker_contact: null, contact_kind: null, contact_consent: false };
  });
}
