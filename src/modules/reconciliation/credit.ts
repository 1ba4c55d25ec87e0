import type { Actor } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/pool.ts';
import { type AppliedPayment, applyPayments } from '../payments/index.ts';
import type { PaymentToInsert } from './queries.ts';
import { creditable, type MatchOutcome, type MatchResult, REASON_TEXT, statusOfApplied } from './rules/match.ts';

/** A transfer the bank reported (statement line or gateway notification), with what matching found. */
export interface MatchedTransfer {
  bankTxnId: string;
  amountVnd: number;
  bookedAt: Date;
  description: string;
  payerName: string | null;
  payerAccount: string | null;
  match: MatchResult;
}

/**
 * Credits matched transfers to their fees through payments' applyPayments — one batch, in the transfers' order — and
 * returns each transfer's payment row: its status is what applyPayments did for a transfer tied to one fee (matched,
 * partial, duplicate), the match's own outcome otherwise (unmatched, overpaid). Also what was applied.
 */
export async function creditTransfers(
  tx: Db,
  actor: Actor,
  transfers: readonly MatchedTransfer[],
  now: Date,
): Promise<{ payments: PaymentToInsert[]; applied: AppliedPayment[] }> {
  const credited = transfers.filter((t) => creditable(t.match));
  const applied = await applyPayments(
    tx,
    actor,
    credited.map((t) => ({ feeId: t.match.feeId as number, amountVnd: t.amountVnd, paidBy: 'transfer' as const, paidAt: t.bookedAt })),
    now,
  );
  const statusOf = new Map<MatchedTransfer, MatchOutcome>(credited.map((t, i) => [t, statusOfApplied((applied[i] as AppliedPayment).outcome)]));
  const payments = transfers.map((t) => ({
    bankTxnId: t.bankTxnId,
    amountVnd: t.amountVnd,
    bookedAt: t.bookedAt,
    description: t.description,
    payerName: t.payerName,
    payerAccount: t.payerAccount,
    status: statusOf.get(t) ?? t.match.outcome,
    feeId: t.match.feeId,
    note: t.match.reason ? REASON_TEXT[t.match.reason].vi : null,
  }));
  return { payments, applied };
}
