import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { applyPayment } from '../../payments/index.ts';
import { findFeeOfUnit, type PaymentRow, resolvePaymentRow } from '../queries.ts';

/** How a person settles a payment left for them. */
export type Resolution =
  /** Match by hand to the unit's fee with this reference (after the person confirmed it on the page). */
  | { action: 'match'; reference: string; note: string }
  /** The money was (or will be) sent back to the payer. */
  | { action: 'refund'; note: string }
  /** Anything else (a partial payment the citizen completed at the counter, a transfer that was not a fee …). */
  | { action: 'other'; note: string };

export const NOTE_MIN = 3;
export const NOTE_MAX = 1000;

/**
 * Resolves an unmatched, partial or duplicate payment (the caller holds it locked). A manual match applies the amount to
 * the fee through payments' applyPayment (the fee must still be due and the amount not more than what remains); a
 * partial payment's money is already on its fee, so it can only be closed with a note. Audited ('payment.resolve').
 */
export async function resolvePayment(tx: Db, actor: Actor, p: PaymentRow, r: Resolution): Promise<{ feeId: number | null }> {
  if (p.status !== 'unmatched' && p.status !== 'partial' && p.status !== 'duplicate') throw new AppError('PAYMENT_ALREADY_RESOLVED');
  const note = r.note.trim();
  if (r.action !== 'match' && [...note].length < NOTE_MIN) {
    throw invalid('note', 'Hãy ghi rõ đã xử lý thế nào (ít nhất 3 ký tự)', 'Say how it was settled (at least 3 characters)');
  }
  if ([...note].length > NOTE_MAX) throw invalid('note', 'Ghi chú tối đa 1000 ký tự', 'At most 1000 characters');
  let feeId: number | null = null;
  if (r.action === 'match') {
    if (p.status === 'partial') {
      throw new AppError('PAYMENT_ALREADY_RESOLVED', {
        detail: { vi: 'Khoản chuyển thiếu đã được cộng vào khoản phí; chỉ cần ghi chú', en: 'A partial payment is already on its fee; close it with a note' },
      });
    }
    const fee = await findFeeOfUnit(tx, p.unit_id, r.reference);
    if (!fee) throw invalid('reference', 'Không có khoản phí nào của đơn vị với mã này', 'No fee of the unit has this reference');
    if (fee.status !== 'due') throw invalid('reference', 'Khoản phí này không còn chờ nộp', 'This fee is no longer due');
    if (p.amount_vnd > fee.amount_vnd - fee.paid_vnd) {
      throw invalid('reference', 'Số tiền chuyển lớn hơn số còn phải nộp của khoản phí này', 'The transfer is more than what remains due on this fee');
    }
    const applied = await applyPayment(tx, actor, { feeId: fee.id, amountVnd: p.amount_vnd, paidBy: 'transfer', paidAt: new Date(p.booked_at) });
    feeId = applied.feeId;
  }
  const label = r.action === 'match' ? `Đối chiếu thủ công với ${r.reference}` : r.action === 'refund' ? 'Hoàn trả' : 'Khác';
  await resolvePaymentRow(tx, p.id, { feeId, note: note ? `${label}: ${note}`.slice(0, NOTE_MAX) : label, userId: actor.userId });
  await recordAudit(tx, actor, {
    action: 'payment.resolve',
    entityType: 'payment',
    entityId: p.id,
    unitId: p.unit_id,
    before: { status: p.status, feeId: p.fee_id },
    after: { status: 'resolved', action: r.action, feeId: feeId ?? p.fee_id },
  });
  return { feeId };
}
