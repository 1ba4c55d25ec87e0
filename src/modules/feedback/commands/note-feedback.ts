import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type ActionOptions, applyChange, requiredText } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

export const NOTE_MAX = 5000;

/**
 * Adds an internal note (ghi chú nội bộ) to an item's history: never public, never sent to the sender, and it does not
 * change the item (another official's action is not refused because of it). Caller has checked feedback.handle.
 * @throws AppError VALIDATION_FAILED (empty, too long)
 */
export async function noteFeedback(db: Db, actor: Actor, item: HandlingRow, input: { note: unknown }, opts: ActionOptions = {}): Promise<HandlingRow> {
  const note = requiredText('note', input.note, NOTE_MAX, { vi: 'nội dung ghi chú', en: 'the note' });
  return inTransaction(db, (tx) =>
    applyChange(
      tx,
      actor,
      item,
      { action: 'note', ...actionRules.note, sets: [], event: { kind: 'note', public: false, note }, audit: { noteLength: [...note].length } },
      { ...opts, version: null },
    ),
  );
}
