import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type FeedbackContact, findContact, type HandlingRow } from '../handling-queries.ts';

/**
 * Shows the sender's name, phone and e-mail to an official of the handling unit, recording the read (STANDARDS §7:
 * staff reads of personal data are logged as feedback.contact.read). The audit row names the item, never the data.
 * Caller has checked feedback.handle on the item's unit.
 */
export async function readFeedbackContact(db: Db, actor: Actor, item: HandlingRow): Promise<FeedbackContact> {
  return inTransaction(db, async (tx) => {
    const contact = await findContact(tx, item.id);
    await recordAudit(tx, actor, { action: 'feedback.contact.read', entityType: 'feedback', entityId: item.code, unitId: item.unit_id });
    return contact ?? { contact_name: null, contact_phone: null, contact_email: null, contact_consent: false };
  });
}
