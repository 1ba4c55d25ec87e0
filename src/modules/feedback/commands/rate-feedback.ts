import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Rating } from '../../dossiers/index.ts';
import { insertSenderEvent, lockForSender, setRating } from '../public-queries.ts';

export const feedbackNotFound = () =>
  new AppError('FEEDBACK_NOT_FOUND', {
    detail: {
      vi: 'Không có phản ánh, kiến nghị nào với mã này. Hãy kiểm tra lại mã (8 ký tự, vd. K7M29QRT).',
      en: 'No feedback has this code. Check the code (8 characters, e.g. K7M29QRT).',
    },
  });

/**
 * The sender rates the answer (đánh giá mức độ hài lòng, M13): four levels as for dossiers, once per answer. Holding
 * the code is the proof of being the sender (the code is never shown to anyone else). Locks the item, writes the
 * rating with a guarded UPDATE, an internal 'rated' event and the audit row in one transaction.
 *
 * @throws AppError FEEDBACK_NOT_FOUND, FEEDBACK_NOT_ANSWERED, FEEDBACK_ALREADY_RATED
 */
export function rateFeedback(db: Db, actor: Actor, input: { code: string; rating: Rating; now?: Date }): Promise<{ code: string }> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const item = await lockForSender(tx, input.code);
    if (!item) throw feedbackNotFound();
    if (item.status !== 'answered' && item.status !== 'closed') throw new AppError('FEEDBACK_NOT_ANSWERED');
    if (item.rating !== null || !(await setRating(tx, item.id, input.rating, now))) throw new AppError('FEEDBACK_ALREADY_RATED');
    // Not a public event: Open311 and FixMyStreet clients show updates to everyone, and a rating is the sender's own.
    await insertSenderEvent(tx, { feedbackId: item.id, at: now, kind: 'rated', status: item.status, note: input.rating, publicText: null, isPublic: false });
    await recordAudit(tx, actor, {
      action: 'feedback.rate',
      entityType: 'feedback',
      entityId: item.code,
      unitId: item.unit_id,
      after: { rating: input.rating },
    });
    return { code: item.code };
  });
}
