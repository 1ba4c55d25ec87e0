import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertOptOut } from '../queries.ts';

/**
 * Puts a phone number or ID number on the list of people who receive no congratulation letters (only its salted hash
 * is kept). Recording it twice is fine (the same answer, nothing new). Drafts already proposed are left for staff to
 * cancel; no new congratulation is proposed for that person.
 */
export async function recordOptOut(
  db: Db,
  actor: Actor,
  o: { kind: 'phone' | 'id_number'; value: string; source: 'public' | 'staff'; unitId: number | null },
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const added = await insertOptOut(tx, { ...o, userId: actor.userId });
    if (added)
      await recordAudit(tx, actor, {
        action: 'letter.opt-out',
        entityType: 'letter_opt_out',
        entityId: null,
        unitId: o.unitId,
        after: { kind: o.kind, source: o.source },
      });
    return added;
  });
}
