import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { normaliseShortCode } from '../../../platform/text/index.ts';
import { type ActionOptions, applyChange, badField } from '../handling.ts';
import { findHandlingByCode, type HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

/**
 * Merges a duplicate into another item (gộp phản ánh trùng): the other item must exist, be one the official handles
 * (`mayHandle` on its unit) and not be merged itself. The sender of the duplicate sees which code answers it. Caller
 * has checked feedback.handle on the duplicate's unit.
 * @throws AppError VALIDATION_FAILED (field `into`), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function mergeFeedback(
  db: Db,
  actor: Actor,
  item: HandlingRow,
  input: { into: unknown },
  mayHandle: (unitPath: string) => boolean,
  opts: ActionOptions = {},
): Promise<HandlingRow> {
  const code = normaliseShortCode(typeof input.into === 'string' ? input.into : null);
  if (!code) throw badField('into', 'Hãy nhập mã phản ánh gồm 8 ký tự', 'Enter the 8-character code of the other item');
  if (code === item.code) throw badField('into', 'Không gộp một phản ánh vào chính nó', 'An item cannot be merged into itself');
  return inTransaction(db, async (tx) => {
    const target = await findHandlingByCode(tx, code);
    if (!target || !mayHandle(target.unit_path)) {
      throw badField('into', `Không có phản ánh mã ${code} trong phạm vi bạn xử lý`, `No item ${code} among those you handle`);
    }
    if (target.status === 'merged') {
      throw badField(
        'into',
        `Phản ánh ${code} đã được gộp vào ${target.merged_into_code ?? 'phản ánh khác'}; hãy gộp vào phản ánh đó`,
        `Item ${code} is itself merged into ${target.merged_into_code ?? 'another'}; merge into that one`,
      );
    }
    return applyChange(
      tx,
      actor,
      item,
      {
        action: 'merge',
        ...actionRules.merge,
        sets: [sql`merged_into_id = ${target.id}`],
        event: { kind: 'merged', public: true, publicText: `Trùng với phản ánh ${target.code}, được xem xét, trả lời cùng phản ánh đó.` },
        audit: { into: target.code },
      },
      opts,
    );
  });
}
