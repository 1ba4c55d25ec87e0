import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type ActionOptions, applyChange } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

/**
 * Closes an answered item (kết thúc). Caller has checked feedback.handle on the item's unit.
 * @throws AppError FEEDBACK_ACTION_NOT_ALLOWED (not answered), CONFLICT
 */
export async function closeFeedback(db: Db, actor: Actor, item: HandlingRow, opts: ActionOptions = {}): Promise<HandlingRow> {
  return inTransaction(db, (tx) =>
    applyChange(tx, actor, item, { action: 'close', ...actionRules.close, sets: [], event: { kind: 'closed', public: true } }, opts),
  );
}
