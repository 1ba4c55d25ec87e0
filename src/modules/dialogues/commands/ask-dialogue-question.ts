import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findQuestionIdByKey, insertQuestion } from '../queries.ts';
import type { CheckedQuestion } from '../rules/questions.ts';

function isKeyClash(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505' && e.constraint === 'dialogue_questions_idempotency_uq') return true;
  }
  return false;
}

/**
 * Records a question the public sends before a dialogue, once per idempotency key (a double submit or a retry finds
 * the question the first one made). The audit row says whether a name or contact was left, never the data or the
 * question's words. The caller has checked that the dialogue still takes questions.
 */
export async function askDialogueQuestion(
  db: Db,
  actor: Actor,
  dialogue: { id: number; unit_id: number },
  q: CheckedQuestion,
  key: string | null,
): Promise<{ id: number; created: boolean }> {
  if (key) {
    const existing = await findQuestionIdByKey(db, key);
    if (existing) return { id: existing.id, created: false };
  }
  try {
    return await inTransaction(db, async (tx) => {
      const id = await insertQuestion(tx, dialogue.id, {
        question: q.question,
        askerName: q.name,
        askerContact: q.contact?.value ?? null,
        contactKind: q.contact?.kind ?? null,
        contactConsent: q.consent,
        idempotencyKey: key,
      });
      await recordAudit(tx, actor, {
        action: 'dialogue.question.ask',
        entityType: 'dialogue_question',
        entityId: id,
        unitId: dialogue.unit_id,
        after: { dialogue: dialogue.id, length: [...q.question].length, withName: q.name !== null, withContact: q.contact !== null },
      });
      return { id, created: true };
    });
  } catch (err) {
    if (key && isKeyClash(err)) {
      const existing = await findQuestionIdByKey(db, key);
      if (existing) return { id: existing.id, created: false };
    }
    throw err;
  }
}
