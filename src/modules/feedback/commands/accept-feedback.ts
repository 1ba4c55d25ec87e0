import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type ActionOptions, applyChange, badField } from '../handling.ts';
import { findCategoryByCode, type HandlingRow } from '../handling-queries.ts';
import { actionRules, type FeedbackKind, feedbackKinds } from '../rules/lifecycle.ts';

/**
 * Accepts and classifies a new item (tiếp nhận, phân loại): the official may set or change its category and kind
 * (phản ánh, kiến nghị, góp ý). The deadlines counted at receipt stay. Caller has checked feedback.handle on its unit.
 * @throws AppError VALIDATION_FAILED (unknown category or kind), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function acceptFeedback(
  db: Db,
  actor: Actor,
  item: HandlingRow,
  input: { category?: string | null; kind?: string | null },
  opts: ActionOptions = {},
): Promise<HandlingRow> {
  const kind = input.kind ? (feedbackKinds.find((k) => k === input.kind) as FeedbackKind | undefined) : item.kind;
  if (!kind) throw badField('kind', 'Loại phải là phản ánh, kiến nghị hoặc góp ý', 'Kind must be report, proposal or suggestion');
  return inTransaction(db, async (tx) => {
    let categoryId = item.category_id;
    if (input.category) {
      const c = await findCategoryByCode(tx, input.category);
      if (!c) throw badField('category', 'Không có lĩnh vực phản ánh này', 'No such feedback category');
      categoryId = Number(c.id);
    }
    return applyChange(
      tx,
      actor,
      item,
      {
        action: 'accept',
        ...actionRules.accept,
        sets: [sql`category_id = ${categoryId}::bigint`, sql`kind = ${kind}`],
        event: { kind: 'accepted', public: true },
        audit: { categoryId, kind },
      },
      opts,
    );
  });
}
