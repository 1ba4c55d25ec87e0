import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DialogueRow, findDialogue, lockDialogue, updateOutcome } from '../queries.ts';
import { applyOutcome, type DialogueState, type OutcomeAction } from '../rules/schedule.ts';

const stateOf = (d: DialogueRow): DialogueState => ({ status: d.status, startsAt: new Date(d.starts_at), cancelReason: d.cancel_reason, summary: d.summary });
const auditOf = (s: DialogueState) => ({ status: s.status, cancelReason: s.cancelReason, summary: s.summary });

/**
 * Records that a dialogue was held (with its public summary), cancelled (with a reason), or corrects the summary (see
 * applyOutcome), on fresh locked data, with its audit row. The caller has checked dialogues.manage on its unit.
 * @throws AppError VALIDATION_FAILED naming the field; CONFLICT when the status does not allow it
 */
export async function recordDialogueOutcome(
  db: Db,
  actor: Actor,
  dialogue: DialogueRow,
  action: OutcomeAction,
  input: { summary?: unknown; reason?: unknown },
  now: Date,
): Promise<DialogueRow> {
  return inTransaction(db, async (tx) => {
    await lockDialogue(tx, dialogue.id);
    const fresh = (await findDialogue(tx, dialogue.id)) ?? dialogue;
    const before = stateOf(fresh);
    const result = applyOutcome(before, action, input, now);
    if (!result.ok) {
      if (result.conflict) throw new AppError('CONFLICT', { detail: result.errors[0]?.message, errors: result.errors });
      throw new AppError('VALIDATION_FAILED', { errors: result.errors });
    }
    await updateOutcome(tx, fresh.id, result.next);
    await recordAudit(tx, actor, {
      action: `dialogue.${action}`,
      entityType: 'dialogue',
      entityId: fresh.id,
      unitId: fresh.unit_id,
      before: auditOf(before),
      after: auditOf(result.next),
    });
    return (await findDialogue(tx, fresh.id)) as DialogueRow;
  });
}
