/**
 * What paying a fee means (nộp phí, lệ phí), as a pure rule over fee balances: the one definition that payments'
 * applyPayments (and so applyPayment, cash at the counter, bank statements, the gateway webhook and manual matches)
 * writes to the database.
 *
 * A payment to a fee still due adds its amount to paid_vnd; once paid_vnd reaches amount_vnd the fee is paid, with the
 * completing payment's time and method (paid_at, paid_by). A payment to a fee not due any more (already paid — also by
 * an earlier payment of the same batch —, waived or cancelled) changes nothing: a duplicate, left for a person.
 * Payments are applied in the order given, so two partial transfers in one statement complete the fee.
 */

export type FeeStatus = 'due' | 'paid' | 'waived' | 'cancelled';
export type PaidBy = 'transfer' | 'cash';

/** A fee's balance as the rule needs it. */
export interface FeeBalance {
  id: number;
  dossierId: number;
  unitId: number;
  amountVnd: number;
  paidVnd: number;
  status: FeeStatus;
  paidBy: PaidBy | null;
  paidAt: Date | null;
}

export interface PaymentStep {
  feeId: number;
  amountVnd: number;
  paidBy: PaidBy;
  paidAt: Date;
}

export interface StepResult {
  /** paid: this payment completed the fee; partial: still due; duplicate: the fee was not due, nothing changed. */
  outcome: 'paid' | 'partial' | 'duplicate';
  /** paid_vnd before and after this payment, and the fee's status after it. */
  paidVndBefore: number;
  paidVnd: number;
  status: FeeStatus;
}

/**
 * Applies the payments in order to copies of the balances. Returns each payment's result and the fees that changed,
 * in their final state (one entry per fee). Every fee named must be in `fees` (the caller reports a missing one).
 */
export function applyToBalances(fees: ReadonlyMap<number, FeeBalance>, payments: readonly PaymentStep[]): { results: StepResult[]; changed: FeeBalance[] } {
  const state = new Map<number, FeeBalance>();
  const results = payments.map((p): StepResult => {
    const known = state.get(p.feeId) ?? fees.get(p.feeId);
    if (!known) throw new RangeError(`fee ${p.feeId} not loaded`);
    if (known.status !== 'due') return { outcome: 'duplicate', paidVndBefore: known.paidVnd, paidVnd: known.paidVnd, status: known.status };
    const paidVnd = known.paidVnd + p.amountVnd;
    const complete = paidVnd >= known.amountVnd;
    const next: FeeBalance = complete ? { ...known, paidVnd, status: 'paid', paidBy: p.paidBy, paidAt: p.paidAt } : { ...known, paidVnd };
    state.set(p.feeId, next);
    return { outcome: complete ? 'paid' : 'partial', paidVndBefore: known.paidVnd, paidVnd, status: next.status };
  });
  return { results, changed: [...state.values()] };
}
