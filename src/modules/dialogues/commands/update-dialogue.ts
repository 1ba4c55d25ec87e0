import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DialogueRow, findDialogue, lockDialogue, updateSchedule } from '../queries.ts';
import type { DialogueDraft } from '../rules/schedule.ts';
import { auditOfDraft } from './create-dialogue.ts';

const draftOf = (d: DialogueRow): DialogueDraft => ({
  kind: d.kind,
  format: d.format,
  title: d.title,
  description: d.description,
  place: d.place,
  startsAt: new Date(d.starts_at),
  endsAt: new Date(d.ends_at),
});

/**
 * Changes a planned dialogue's schedule (theme, time, place), on fresh locked data, with its audit row. A dialogue
 * already held or cancelled keeps its schedule. The caller has checked dialogues.manage on its unit.
 * @throws AppError CONFLICT when the dialogue is no longer planned
 */
export async function updateDialogue(db: Db, actor: Actor, dialogue: DialogueRow, draft: DialogueDraft): Promise<DialogueRow> {
  return inTransaction(db, async (tx) => {
    await lockDialogue(tx, dialogue.id);
    const fresh = (await findDialogue(tx, dialogue.id)) ?? dialogue;
    if (fresh.status !== 'planned') {
      throw new AppError('CONFLICT', {
        detail: { vi: 'Buổi đối thoại đã diễn ra hoặc đã hủy, không sửa lịch được', en: 'The dialogue was held or cancelled; its schedule cannot change' },
      });
    }
    await updateSchedule(tx, fresh.id, draft);
    await recordAudit(tx, actor, {
      action: 'dialogue.update',
      entityType: 'dialogue',
      entityId: fresh.id,
      unitId: fresh.unit_id,
      before: auditOfDraft(draftOf(fresh)),
      after: auditOfDraft(draft),
    });
    return (await findDialogue(tx, fresh.id)) as DialogueRow;
  });
}
