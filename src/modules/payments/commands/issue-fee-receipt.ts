import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { feeNotFound } from '../errors.ts';
import { findFee, findReceipt, insertNextReceipt, type ReceiptRow } from '../queries.ts';

/** The year in Vietnam (UTC+7) of an instant: receipts are numbered per unit and calendar year. */
export const vietnamYear = (at: Date) => new Date(at.getTime() + 7 * 3600_000).getUTCFullYear();

/**
 * Issues the fee receipt (biên lai thu phí, lệ phí) of a paid fee: the unit's next number for the year. Idempotent:
 * a fee has at most one receipt, and asking again returns it. PAYMENT_FEE_NOT_PAID unless the fee is paid.
 */
export async function issueFeeReceipt(tx: Db, actor: Actor, feeId: number, payerName: string | null, now: Date): Promise<ReceiptRow> {
  const fee = await findFee(tx, feeId, true);
  if (!fee) throw feeNotFound();
  const existing = await findReceipt(tx, feeId);
  if (existing) return existing;
  if (fee.status !== 'paid') {
    throw new AppError('PAYMENT_FEE_NOT_PAID', { detail: { vi: 'Khoản phí chưa được nộp đủ', en: 'The fee has not been paid in full' } });
  }
  const receipt = await insertNextReceipt(tx, { feeId, unitId: fee.unit_id, year: vietnamYear(now), payerName, by: actor.userId, at: now });
  await recordAudit(tx, actor, {
    action: 'payments.receipt.issue',
    entityType: 'dossier_fee',
    entityId: feeId,
    unitId: fee.unit_id,
    after: { year: receipt.year, number: receipt.number },
  });
  return receipt;
}
