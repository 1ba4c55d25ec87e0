import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { roles as allRoles, roleHoldersOn, rolePermissions } from '../../staff/index.ts';
import { type ActionOptions, applyChange, badField } from '../handling.ts';
import type { HandlingRow } from '../handling-queries.ts';
import { actionRules } from '../rules/lifecycle.ts';

/** Roles that handle feedback (feedback.handle), from the permission matrix. */
export const handlerRoles: readonly string[] = allRoles.filter((r) => (rolePermissions[r] as readonly string[]).includes('feedback.handle'));

export interface HandlerRow {
  id: number;
  username: string;
  full_name: string;
}

/**
 * Officials who may be given an item, by name: active accounts holding feedback.handle at its unit (there, or above it
 * with a subtree grant).
 */
export async function handlersOf(db: Db, item: { unit_path: string }): Promise<HandlerRow[]> {
  const holders = await roleHoldersOn(db, { unitPath: item.unit_path, roles: handlerRoles });
  return holders.map((h) => ({ id: h.userId, username: h.username, full_name: h.fullName }));
}

/**
 * Gives an item to an official of its unit (giao cán bộ xử lý), or to another one. Caller has checked feedback.handle
 * on the item's unit.
 * @throws AppError VALIDATION_FAILED (the official does not handle feedback there), FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export async function assignFeedback(db: Db, actor: Actor, item: HandlingRow, input: { assignee: string }, opts: ActionOptions = {}): Promise<HandlingRow> {
  return inTransaction(db, async (tx) => {
    const who = (await handlersOf(tx, item)).find((h) => h.username === input.assignee || String(h.id) === input.assignee);
    if (!who) {
      throw badField('assignee', 'Hãy chọn một cán bộ có quyền xử lý phản ánh tại đơn vị này', 'Choose an official who handles feedback at this unit');
    }
    return applyChange(
      tx,
      actor,
      item,
      {
        action: 'assign',
        ...actionRules.assign,
        sets: [sql`assignee_id = ${who.id}`],
        event: { kind: 'assigned', public: true, note: `Giao cho ${who.full_name}` },
        audit: { assigneeId: Number(who.id) },
      },
      opts,
    );
  });
}
