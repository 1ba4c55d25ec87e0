import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { one } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';

/** What `applyPayment` did to a fee. */
export interface AppliedPayment {
  feeId: number;
  dossierId: number;
  unitId: number;
  /** The fee's amount and what has been paid towards it after this payment. */
  amountVnd: number;
  paidVnd: number;
  status: 'due' | 'paid' | 'waived' | 'cancelled';
  /**
   * paid: this payment completed the fee; partial: the fee is still due (paid_vnd < amount_vnd);
   * duplicate: the fee was not due any more (already paid, waived or cancelled) — nothing was changed, a person decides.
   */
  outcome: 'paid' | 'partial' | 'duplicate';
  /** Whether the dossier now has every fee paid, all by transfer (dossiers.paid_online). */
  dossierPaidOnline: boolean;
}

export interface PaymentToApply {
  feeId: number;
  amountVnd: number;
  paidBy: 'transfer' | 'cash';
  paidAt: Date;
}

interface FeeLock {
  id: string;
  dossier_id: string;
  unit_id: string;
  amount_vnd: string;
  paid_vnd: string;
  status: AppliedPayment['status'];
}

/**
 * Applies a payment (a matched bank transfer or cash at the counter) to one fee (phí, lệ phí) inside the caller's
 * transaction: locks the fee row, adds the amount to paid_vnd and, once paid_vnd reaches amount_vnd, marks the fee
 * paid with paid_at/paid_by. When every fee of the dossier is settled (none due, none cancelled counted) and all the
 * paid ones were paid by transfer, sets dossiers.paid_online (thanh toán trực tuyến, a service-index figure).
 * A fee that is not due any more is left untouched (outcome 'duplicate'). Writes an audit row. NOT_FOUND if no fee.
 */
export async function applyPayment(tx: Db, actor: Actor, p: PaymentToApply): Promise<AppliedPayment> {
  if (!Number.isSafeInteger(p.amountVnd) || p.amountVnd <= 0) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'amountVnd', message: { vi: 'Số tiền phải là số nguyên dương', en: 'The amount must be a positive integer' } }],
    });
  }
  const fee = await one<FeeLock>(tx, sql`SELECT id, dossier_id, unit_id, amount_vnd, paid_vnd, status FROM dossier_fees WHERE id = ${p.feeId} FOR UPDATE`);
  if (!fee) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy khoản phí', en: 'Fee not found' } });
  const base = { feeId: Number(fee.id), dossierId: Number(fee.dossier_id), unitId: Number(fee.unit_id), amountVnd: Number(fee.amount_vnd) };
  if (fee.status !== 'due') {
    return { ...base, paidVnd: Number(fee.paid_vnd), status: fee.status, outcome: 'duplicate', dossierPaidOnline: await isPaidOnline(tx, base.dossierId) };
  }
  const paidVnd = Number(fee.paid_vnd) + p.amountVnd;
  const complete = paidVnd >= base.amountVnd;
  await tx.execute(sql`
    UPDATE dossier_fees SET paid_vnd = ${paidVnd}, updated_at = now(),
      status = CASE WHEN ${complete} THEN 'paid' ELSE status END,
      paid_at = CASE WHEN ${complete} THEN ${p.paidAt.toISOString()}::timestamptz ELSE paid_at END,
      paid_by = CASE WHEN ${complete} THEN ${p.paidBy}::text ELSE paid_by END
    WHERE id = ${base.feeId}`);
  let dossierPaidOnline = false;
  if (complete) {
    // Every fee settled and every paid one by transfer; waived and cancelled fees do not count.
    const r = await one<{ online: boolean }>(
      tx,
      sql`UPDATE dossiers SET paid_online = true
          WHERE id = ${base.dossierId} AND NOT paid_online
            AND NOT EXISTS (SELECT 1 FROM dossier_fees WHERE dossier_id = ${base.dossierId} AND (status = 'due' OR (status = 'paid' AND paid_by <> 'transfer')))
            AND EXISTS (SELECT 1 FROM dossier_fees WHERE dossier_id = ${base.dossierId} AND status = 'paid')
          RETURNING true AS online`,
    );
    dossierPaidOnline = r?.online === true || (await isPaidOnline(tx, base.dossierId));
  }
  await recordAudit(tx, actor, {
    action: 'payment.apply',
    entityType: 'dossier_fee',
    entityId: base.feeId,
    unitId: base.unitId,
    before: { paidVnd: Number(fee.paid_vnd), status: fee.status },
    after: { paidVnd, status: complete ? 'paid' : 'due', paidBy: p.paidBy, amountVnd: p.amountVnd },
  });
  return { ...base, paidVnd, status: complete ? 'paid' : 'due', outcome: complete ? 'paid' : 'partial', dossierPaidOnline };
}

async function isPaidOnline(tx: Db, dossierId: number): Promise<boolean> {
  const r = await one<{ paid_online: boolean }>(tx, sql`SELECT paid_online FROM dossiers WHERE id = ${dossierId}`);
  return r?.paid_online === true;
}
