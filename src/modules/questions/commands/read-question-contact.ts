import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findQuestionContact, type QuestionContact, type QuestionRow } from '../queries.ts';

/**
 * Gives a staff member of the question's unit the asker's name and contact, recording the read (STANDARDS §7: staff
 * reads of personal data are logged). The audit row names the question, never the data. The caller has checked
 * questions.answer on the question's unit.
 */
export async function readQuestionContact(db: Db, actor: Actor, q: QuestionRow): Promise<QuestionContact> {
  return inTransaction(db, async (tx) => {
    const contact = await findQuestionContact(tx, q.id);
    await recordAudit(tx, actor, { action: 'question.contact.read', entityType: 'question', entityId: q.code, unitId: q.unit_id });
    return contact ?? { asker_name: null, asker_contact: null, contact_kind: null, contact_consent: false };
  });
}
