import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { queueNotification } from '../../../platform/notify/index.ts';
import { findQuestionById, findQuestionContact, lockQuestion, type QuestionRow, updateReview } from '../queries.ts';
import { answeredNotice } from '../rules/notice.ts';
import { type ReviewInput, type ReviewState, review } from '../rules/review.ts';

const stateOf = (q: QuestionRow): ReviewState => ({
  status: q.status,
  published: q.published,
  answer: q.answer,
  internalNote: q.internal_note,
  rejectReason: q.reject_reason,
  rejectNote: q.reject_note,
});

/** What the audit row keeps of a review: the public answer and the decision, not the internal note's words. */
const auditOf = (s: ReviewState) => ({
  status: s.status,
  published: s.published,
  answer: s.answer,
  rejectReason: s.rejectReason,
  rejectNote: s.rejectNote,
  withNote: s.internalNote !== null,
});

/**
 * An official answers, publishes, hides or rejects a question (see rules/review.ts), on fresh locked data, with its
 * audit row in the same transaction; the first answer is sent to the asker who left a contact with consent. The caller
 * has checked questions.answer on the question's unit.
 * @throws AppError VALIDATION_FAILED naming the field (no answer to publish, no reason to reject)
 */
export async function reviewQuestion(db: Db, actor: Actor, question: QuestionRow, input: ReviewInput, day: string, publicUrl: string): Promise<QuestionRow> {
  return inTransaction(db, async (tx) => {
    await lockQuestion(tx, question.id);
    const fresh = (await findQuestionById(tx, question.id, day)) ?? question;
    const before = stateOf(fresh);
    const result = review(before, input);
    if (!result.ok) throw new AppError('VALIDATION_FAILED', { errors: result.errors });
    await updateReview(tx, fresh.id, result.next, actor.userId);
    // The asker who left a contact with consent is told of the first answer (in this transaction: told once).
    if (before.status !== 'answered' && result.next.status === 'answered' && result.next.answer) {
      const contact = await findQuestionContact(tx, fresh.id);
      const notice = contact ? answeredNotice(contact, fresh.code, `${publicUrl.replace(/\/$/, '')}/hoi-dap/c/${fresh.code}`) : null;
      if (notice) await queueNotification(tx, { ...notice, about: `question:${fresh.code}` });
    }
    await recordAudit(tx, actor, {
      action: `question.${input.action}`,
      entityType: 'question',
      entityId: fresh.code,
      unitId: fresh.unit_id,
      before: auditOf(before),
      after: { ...auditOf(result.next), noteChanged: before.internalNote !== result.next.internalNote },
    });
    return (await findQuestionById(tx, fresh.id, day)) as QuestionRow;
  });
}
