import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { dueDate } from '../../calendar/index.ts';
import { findUnitByCode } from '../../units/index.ts';
import { type ActionOptions, applyChange, badField, requiredText } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';
import { DEFAULT_ANSWER_DAYS, DEFAULT_CLASSIFY_DAYS } from './receive-feedback.ts';

export const TRANSFER_REASON_MAX = 1000;

/**
 * Transfers an item to another unit (chuyển đơn vị có thẩm quyền) with a reason: it is received again there, nobody is
 * assigned, and its classification and answer deadlines are counted again in the new unit's working-day calendar
 * from the moment of transfer (a new warning and escalation follow those). The history event is internal. Caller
 * has checked feedback.handle on the item's current unit.
 * @throws AppError VALIDATION_FAILED (unit, reason), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function transferFeedback(
  db: Db,
  actor: Actor,
  item: HandlingRow,
  input: { unit: unknown; reason: unknown },
  opts: ActionOptions = {},
): Promise<HandlingRow> {
  const reason = requiredText('reason', input.reason, TRANSFER_REASON_MAX, { vi: 'lý do chuyển', en: 'the reason for the transfer' });
  const now = opts.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const unit = typeof input.unit === 'string' && input.unit ? await findUnitByCode(tx, input.unit) : null;
    if (!unit) throw badField('unit', 'Hãy chọn đơn vị nhận', 'Choose the unit to transfer to');
    if (unit.merged_into_id !== null) throw badField('unit', 'Đơn vị này đã được sáp nhập', 'This unit has been merged');
    if (Number(unit.id) === Number(item.unit_id)) throw badField('unit', 'Phản ánh đang ở đơn vị này', 'The item is already at this unit');
    const [classify, answer] = await Promise.all([
      dueDate(tx, { unit, from: now, workingDays: item.classify_days ?? DEFAULT_CLASSIFY_DAYS }),
      dueDate(tx, { unit, from: now, workingDays: item.answer_days ?? DEFAULT_ANSWER_DAYS }),
    ]);
    return applyChange(
      tx,
      actor,
      item,
      {
        action: 'transfer',
        ...actionRules.transfer,
        sets: [
          sql`unit_id = ${unit.id}`,
          sql`assignee_id = NULL`,
          sql`classify_due_at = ${classify.dueAt}::timestamptz`,
          sql`answer_due_at = ${answer.dueAt}::timestamptz`,
          sql`warned_at = NULL`,
          sql`escalated_at = NULL`,
          sql`escalated_to_unit_id = NULL`,
        ],
        event: { kind: 'transferred', public: false, fromUnitId: item.unit_id, toUnitId: unit.id, note: reason },
        audit: { fromUnit: item.unit_code, toUnit: unit.code, classifyDueAt: classify.dueAt, answerDueAt: answer.dueAt },
      },
      { ...opts, now },
    );
  });
}
