import { randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findQuestionCodeByKey, insertQuestion } from '../queries.ts';
import type { CheckedAsk } from '../rules/ask.ts';
import { questionCodeFrom } from '../rules/code.ts';

/** The unique index that makes one question per idempotency key. */
function isKeyClash(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505' && e.constraint === 'questions_idempotency_uq') return true;
  }
  return false;
}

/**
 * Records a citizen's question to a unit (hỏi đáp "Chạm để biết"), once per idempotency key: a double submit, a
 * retry after a lost answer or two racing requests get the question the first one made. The audit row names the
 * question by its code and says whether a contact was left, never the name, the contact or the question's words.
 */
export async function askQuestion(
  db: Db,
  actor: Actor,
  target: { unitId: number; procedureId: number | null; procedureCode: string | null },
  ask: CheckedAsk,
  key: string | null,
): Promise<{ code: string; created: boolean }> {
  if (key) {
    const existing = await findQuestionCodeByKey(db, key);
    if (existing) return { code: existing, created: false };
  }
  try {
    return await inTransaction(db, async (tx) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = questionCodeFrom(randomBytes(8));
        const row = await insertQuestion(tx, {
          code,
          unitId: target.unitId,
          procedureId: target.procedureId,
          question: ask.question,
          askerName: ask.name,
          askerContact: ask.contact?.value ?? null,
          contactKind: ask.contact?.kind ?? null,
          contactConsent: ask.consent,
          idempotencyKey: key,
        });
        if (!row) continue;
        await recordAudit(tx, actor, {
          action: 'question.ask',
          entityType: 'question',
          entityId: code,
          unitId: target.unitId,
          after: { procedure: target.procedureCode, length: [...ask.question].length, withName: ask.name !== null, withContact: ask.contact !== null },
        });
        return { code, created: true };
      }
      throw new Error('could not draw a free question code');
    });
  } catch (err) {
    if (key && isKeyClash(err)) {
      const existing = await findQuestionCodeByKey(db, key);
      if (existing) return { code: existing, created: false };
    }
    throw err;
  }
}
