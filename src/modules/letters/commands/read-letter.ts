import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { LetterRow } from '../queries.ts';

/** A staff read of a letter shows the recipient's name and address (personal data): audited, without the data itself. */
export async function readLetter(db: Db, actor: Actor, l: LetterRow): Promise<void> {
  await recordAudit(db, actor, { action: 'letter.read', entityType: 'letter', entityId: l.id, unitId: l.unit_id });
}
