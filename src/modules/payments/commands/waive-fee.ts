import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { feeNotDue, feeNotFound } from '../errors.ts';
import { findFee, waiveFeeRow } from '../queries.ts';

/** Waives a due fee (miễn, giảm phí, lệ phí) with the reason, e.g. the exemption the procedure lists. */
export async function waiveFee(tx: Db, actor: Actor, feeId: number, reason: string): Promise<void> {
  const fee = await findFee(tx, feeId, true);
  if (!fee) throw feeNotFound();
  if (fee.status !== 'due' || fee.paid_vnd > 0) throw feeNotDue(fee.status);
  await waiveFeeRow(tx, feeId, reason);
  await recordAudit(tx, actor, {
    action: 'payments.fee.waive',
    entityType: 'dossier_fee',
    entityId: feeId,
    unitId: fee.unit_id,
    before: { status: fee.status },
    after: { status: 'waived', reason },
  });
}
