import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type FeeAudit, insertFeeAudits, lockFeeBalances, markPaidOnline, saveFeeBalances } from '../queries.ts';
import { applyToBalances, type FeeBalance, type FeeStatus, type PaidBy } from '../rules/apply.ts';

/** What applying a payment did to its fee. */
export interface AppliedPayment {
  feeId: number;
  dossierId: number;
  unitId: number;
  /** The fee's amount and what has been paid towards it after this payment. */
  amountVnd: number;
  paidVnd: number;
  status: FeeStatus;
  /**
   * paid: this payment completed the fee; partial: the fee is still due (paid_vnd < amount_vnd);
   * duplicate: the fee was not due any more (already paid, waived or cancelled) — nothing was changed, a person decides.
   */
  outcome: 'paid' | 'partial' | 'duplicate';
  /** Whether the dossier has every fee paid, all by transfer (dossiers.paid_online), once the whole batch is applied. */
  dossierPaidOnline: boolean;
}

export interface PaymentToApply {
  feeId: number;
  amountVnd: number;
  paidBy: PaidBy;
  paidAt: Date;
}

/**
 * Applies payments (matched bank transfers, cash at the counter) to their fees (phí, lệ phí) inside the caller's
 * transaction, in the order given, with the one rule of rules/apply.ts: locks the fees (id order), adds each amount to
 * paid_vnd and, once paid_vnd reaches amount_vnd, marks the fee paid with that payment's paid_at/paid_by; a fee not due
 * any more is left untouched (outcome 'duplicate'). Then sets dossiers.paid_online where a fee was completed and every
 * fee of the dossier is settled, all paid ones by transfer. One audit row per applied payment ('payment.apply').
 * Set-based whatever the batch size: one locking SELECT, one UPDATE of the fees, one INSERT of the audit rows (per
 * 10,000) and one UPDATE of the dossiers. Receipts are not issued here (markCashPaid, issueFeeReceipt).
 * VALIDATION_FAILED naming each bad amount; NOT_FOUND if a fee does not exist (nothing is applied).
 */
export async function applyPayments(tx: Db, actor: Actor, payments: readonly PaymentToApply[], now: Date): Promise<AppliedPayment[]> {
  const bad = payments.flatMap((p, i) => (Number.isSafeInteger(p.amountVnd) && p.amountVnd > 0 ? [] : [i]));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      errors: bad.map((i) => ({
        field: payments.length === 1 ? 'amountVnd' : `payments[${i}].amountVnd`,
        message: { vi: 'Số tiền phải là số nguyên dương', en: 'The amount must be a positive integer' },
      })),
    });
  }
  if (payments.length === 0) return [];
  const locked = await lockFeeBalances(
    tx,
    payments.map((p) => p.feeId),
  );
  const fees = new Map<number, FeeBalance>(locked.map((f) => [f.id, f]));
  if (payments.some((p) => !fees.has(p.feeId))) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy khoản phí', en: 'Fee not found' } });

  const { results, changed } = applyToBalances(fees, payments);
  await saveFeeBalances(tx, changed, now);
  const audits: FeeAudit[] = [];
  results.forEach((r, i) => {
    const p = payments[i] as PaymentToApply;
    if (r.outcome === 'duplicate') return;
    audits.push({
      feeId: p.feeId,
      unitId: (fees.get(p.feeId) as FeeBalance).unitId,
      before: { paidVnd: r.paidVndBefore, status: 'due' },
      after: { paidVnd: r.paidVnd, status: r.status, paidBy: p.paidBy, amountVnd: p.amountVnd },
    });
  });
  await insertFeeAudits(tx, actor, 'payment.apply', audits);
  const completed = new Set(changed.filter((f) => f.status === 'paid').map((f) => f.dossierId));
  const online = await markPaidOnline(tx, completed, new Set([...fees.values()].map((f) => f.dossierId)));

  return results.map((r, i) => {
    const fee = fees.get((payments[i] as PaymentToApply).feeId) as FeeBalance;
    return {
      feeId: fee.id,
      dossierId: fee.dossierId,
      unitId: fee.unitId,
      amountVnd: fee.amountVnd,
      paidVnd: r.paidVnd,
      status: r.status,
      outcome: r.outcome,
      dossierPaidOnline: online.get(fee.dossierId) === true,
    };
  });
}
