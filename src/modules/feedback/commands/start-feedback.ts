import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type ActionOptions, applyChange } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

/**
 * Starts handling an item (bắt đầu xử lý); an item nobody was given becomes the starter's. Caller has checked
 * feedback.handle on the item's unit.
 * @throws AppError FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function startFeedback(db: Db, actor: Actor, item: HandlingRow, opts: ActionOptions = {}): Promise<HandlingRow> {
  return inTransaction(db, (tx) =>
    applyChange(
      tx,
      actor,
      item,
      {
        action: 'start',
        ...actionRules.start,
        sets: [sql`assignee_id = coalesce(assignee_id, ${actor.userId}::bigint)`],
        event: { kind: 'started', public: true },
      },
      opts,
    ),
  );
}
