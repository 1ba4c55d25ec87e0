import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type DialogueRow, findQuestion, type QuestionRow, updateQuestionReview } from '../queries.ts';
import { type ReviewAction, reviewQuestion } from '../rules/questions.ts';

/**
 * An official selects a question for the dialogue, records the answer given there, declines it or puts it back, with
 * its audit row (the decision and the public answer; never the asker's data). The caller has checked dialogues.manage
 * on the dialogue's unit.
 * @throws AppError VALIDATION_FAILED naming the field
 */
export async function reviewDialogueQuestion(
  db: Db,
  actor: Actor,
  dialogue: DialogueRow,
  question: QuestionRow,
  action: ReviewAction,
  answer: unknown,
): Promise<void> {
  const result = reviewQuestion(action, answer);
  if (!result.ok) throw new AppError('VALIDATION_FAILED', { errors: result.errors });
  await inTransaction(db, async (tx) => {
    const fresh = (await findQuestion(tx, dialogue.id, question.id)) ?? question;
    await updateQuestionReview(tx, fresh.id, result.status, result.answer, actor.userId);
    await recordAudit(tx, actor, {
      action: `dialogue.question.${action}`,
      entityType: 'dialogue_question',
      entityId: fresh.id,
      unitId: dialogue.unit_id,
      before: { status: fresh.status, answer: fresh.answer },
      after: { status: result.status, answer: result.answer },
    });
  });
}
