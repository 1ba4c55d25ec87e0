import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type AppliedPayment, applyPayments, type PaymentToApply } from './apply-payments.ts';

export type { AppliedPayment, PaymentToApply } from './apply-payments.ts';

/**
 * Applies one payment (a matched bank transfer, a manual match, cash at the counter) to its fee: applyPayments with a
 * batch of one, so the rule of a paid fee lives in one place. NOT_FOUND if no fee; VALIDATION_FAILED (amountVnd).
 */
export async function applyPayment(tx: Db, actor: Actor, p: PaymentToApply, now: Date = new Date()): Promise<AppliedPayment> {
  const [applied] = await applyPayments(tx, actor, [p], now);
  return applied as AppliedPayment;
}
