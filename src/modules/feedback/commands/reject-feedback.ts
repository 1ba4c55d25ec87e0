import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type ActionOptions, applyChange, requiredText } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

export const REJECT_REASON_MAX = 1000;

/**
 * Rejects an item as out of scope (không thuộc phạm vi xử lý), with a reason the sender reads. Caller has checked
 * feedback.handle on the item's unit.
 * @throws AppError VALIDATION_FAILED (no reason), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function rejectFeedback(db: Db, actor: Actor, item: HandlingRow, input: { reason: unknown }, opts: ActionOptions = {}): Promise<HandlingRow> {
  const reason = requiredText('reason', input.reason, REJECT_REASON_MAX, { vi: 'lý do (người gửi sẽ đọc được)', en: 'the reason (the sender reads it)' });
  return inTransaction(db, (tx) =>
    applyChange(
      tx,
      actor,
      item,
      {
        action: 'reject',
        ...actionRules.reject,
        sets: [sql`reject_reason = ${reason}`],
        event: { kind: 'rejected', public: true, publicText: reason },
        audit: { reason },
      },
      opts,
    ),
  );
}
