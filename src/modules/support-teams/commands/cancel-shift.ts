import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { deleteShift, type ShiftRow } from '../queries.ts';

/**
 * Removes a shift that has not started (a started one is history: the public page has shown it), with its audit row.
 * The caller has checked support-teams.manage on the shift's unit.
 * @throws AppError SUPPORT_SHIFT_STARTED
 */
export async function cancelShift(db: Db, actor: Actor, shift: ShiftRow, now: Date): Promise<void> {
  if (new Date(shift.starts_at).getTime() <= now.getTime()) throw new AppError('SUPPORT_SHIFT_STARTED');
  await inTransaction(db, async (tx) => {
    await deleteShift(tx, shift.id);
    await recordAudit(tx, actor, {
      action: 'support-shift.cancel',
      entityType: 'support_shift',
      entityId: shift.id,
      unitId: shift.unit_id,
      before: { duty: shift.duty, startsAt: new Date(shift.starts_at).toISOString(), members: shift.members.map((m) => m.id) },
    });
  });
}
