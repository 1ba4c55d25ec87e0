import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { feeNotDue, feeNotFound } from '../errors.ts';
import { findFee, insertCashPayment, type ReceiptRow } from '../queries.ts';
import { type AppliedPayment, applyPayment } from './apply-payment.ts';
import { issueFeeReceipt } from './issue-fee-receipt.ts';

/**
 * Records that a due fee was paid in cash at the counter (thu tiền mặt): a payments row (source 'cash') for what is
 * still owed, the fee paid by 'cash', and its receipt (biên lai) issued at once.
 */
export async function markCashPaid(
  tx: Db,
  actor: Actor,
  feeId: number,
  payerName: string | null,
  now: Date,
): Promise<{ applied: AppliedPayment; receipt: ReceiptRow }> {
  const fee = await findFee(tx, feeId, true);
  if (!fee) throw feeNotFound();
  if (fee.status !== 'due') throw feeNotDue(fee.status);
  const owed = fee.amount_vnd - fee.paid_vnd;
  await insertCashPayment(tx, { unitId: fee.unit_id, accountId: fee.account_id, feeId, amountVnd: owed, at: now });
  const applied = await applyPayment(tx, actor, { feeId, amountVnd: owed, paidBy: 'cash', paidAt: now }, now);
  const receipt = await issueFeeReceipt(tx, actor, feeId, payerName, now);
  return { applied, receipt };
}
