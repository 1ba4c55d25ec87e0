import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { queueNotification } from '../../../platform/notify/index.ts';
import { type ActionOptions, applyChange, requiredText } from '../handling.ts';
import { findContact, type HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';
import { answerNoticeOf } from '../rules/notices.ts';

export const ANSWER_MAX = 5000;

/** The page where the sender reads the answer, rates it or asks for a review. */
export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/phan-anh/c/${code}`;
}

/**
 * Answers an item (trả lời): the public answer the sender reads, and the answer notice queued in the same transaction
 * when the sender left an e-mail address or a phone number (sent by the notifications job). Caller has checked
 * feedback.handle on the item's unit.
 * @throws AppError VALIDATION_FAILED (no answer, too long), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function answerFeedback(
  db: Db,
  actor: Actor,
  item: HandlingRow,
  input: { answer: unknown },
  publicUrl: string,
  opts: ActionOptions = {},
): Promise<HandlingRow> {
  const answer = requiredText('answer', input.answer, ANSWER_MAX, { vi: 'nội dung trả lời', en: 'the answer' });
  const now = opts.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const done = await applyChange(
      tx,
      actor,
      item,
      {
        action: 'answer',
        ...actionRules.answer,
        sets: [sql`answer = ${answer}`, sql`answered_by = ${actor.userId}::bigint`, sql`answered_at = ${now.toISOString()}::timestamptz`],
        event: { kind: 'answered', public: true, publicText: answer },
        audit: { answerLength: [...answer].length },
      },
      { ...opts, now },
    );
    const contact = await findContact(tx, item.id);
    const notice = answerNoticeOf({
      code: item.code,
      unitName: item.unit_name,
      answer,
      trackUrl: trackingUrl(publicUrl, item.code),
      email: contact?.contact_email ?? null,
      phone: contact?.contact_phone ?? null,
    });
    if (notice) await queueNotification(tx, { ...notice, about: `feedback:${item.code}` });
    return done;
  });
}
