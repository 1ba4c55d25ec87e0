import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { dueDate } from '../../calendar/index.ts';
import { findUnitById } from '../../units/index.ts';
import { insertSenderEvent, lockForSender, setReopened } from '../public-queries.ts';
import { mayReopen } from '../rules/lifecycle.ts';
import { viDate } from '../rules/notices.ts';
import { feedbackNotFound } from './rate-feedback.ts';
import { DEFAULT_ANSWER_DAYS } from './receive-feedback.ts';

export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 1000;

/**
 * The sender, not satisfied with the answer, asks for a review (đề nghị xem xét lại) — once. The item goes back to
 * in progress at the same unit, and its answer deadline is counted again from now in that unit's working-day calendar
 * with the category's time limit (10 working days without a category: Nghị định 20/2008/NĐ-CP as amended by
 * 92/2017/NĐ-CP). The reason is the sender's own text: kept as an internal note, never published; the public event
 * says only that a review was asked and the new deadline.
 *
 * @throws AppError FEEDBACK_NOT_FOUND, VALIDATION_FAILED (reason), FEEDBACK_REOPEN_REFUSED
 */
export async function reopenFeedback(
  db: Db,
  actor: Actor,
  input: { code: string; reason: unknown; now?: Date },
): Promise<{ code: string; answerDueAt: string }> {
  const now = input.now ?? new Date();
  const reason = cleanText(input.reason);
  const n = [...reason].length;
  if (n < REOPEN_REASON_MIN || n > REOPEN_REASON_MAX) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'reason',
          message: {
            vi: `Hãy nêu lý do chưa hài lòng, từ ${REOPEN_REASON_MIN} đến ${REOPEN_REASON_MAX} ký tự`,
            en: `Say why you are not satisfied, ${REOPEN_REASON_MIN} to ${REOPEN_REASON_MAX} characters`,
          },
        },
      ],
    });
  }
  return inTransaction(db, async (tx) => {
    const item = await lockForSender(tx, input.code);
    if (!item) throw feedbackNotFound();
    if (!mayReopen({ status: item.status, reopenCount: item.reopen_count }) || item.rating !== 'khong_hai_long') {
      throw new AppError('FEEDBACK_REOPEN_REFUSED');
    }
    const unit = await findUnitById(tx, item.unit_id);
    if (!unit) throw new Error('feedback unit vanished');
    const due = await dueDate(tx, { unit, from: now, workingDays: item.answer_days ?? DEFAULT_ANSWER_DAYS });
    if (!(await setReopened(tx, item.id, reason, due.dueAt))) throw new AppError('FEEDBACK_REOPEN_REFUSED');
    await insertSenderEvent(tx, {
      feedbackId: item.id,
      at: now,
      kind: 'reopened',
      status: 'in_progress',
      note: reason,
      publicText: `Người phản ánh đề nghị xem xét lại câu trả lời. Hạn trả lời mới: ${viDate(due.date)}.`,
      isPublic: true,
    });
    await recordAudit(tx, actor, {
      action: 'feedback.reopen',
      entityType: 'feedback',
      entityId: item.code,
      unitId: item.unit_id,
      before: { status: item.status, rating: item.rating },
      after: { status: 'in_progress', answerDueAt: due.dueAt },
    });
    return { code: item.code, answerDueAt: due.dueAt };
  });
}
