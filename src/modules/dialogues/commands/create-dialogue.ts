import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertDialogue } from '../queries.ts';
import type { DialogueDraft } from '../rules/schedule.ts';

/** What the audit row keeps of a schedule. */
export const auditOfDraft = (d: DialogueDraft) => ({
  kind: d.kind,
  format: d.format,
  title: d.title,
  startsAt: d.startsAt.toISOString(),
  endsAt: d.endsAt.toISOString(),
  place: d.place,
  withDescription: d.description !== null,
});

/**
 * Schedules a dialogue at a unit (checked by rules/schedule.ts), with its audit row in the same transaction. The caller
 * has checked dialogues.manage on the unit.
 */
export async function createDialogue(db: Db, actor: Actor, unit: { id: number }, draft: DialogueDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertDialogue(tx, unit.id, draft, actor.userId);
    await recordAudit(tx, actor, { action: 'dialogue.create', entityType: 'dialogue', entityId: id, unitId: unit.id, after: auditOfDraft(draft) });
    return id;
  });
}
