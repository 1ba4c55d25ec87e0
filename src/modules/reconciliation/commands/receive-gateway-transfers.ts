import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { applyPayment } from '../../payments/index.ts';
import { findAccountByNumber, insertPayments, lockFeesByReference, recordedTxnIds, takeDeliveries } from '../queries.ts';
import type { CassoTransfer } from '../rules/casso.ts';
import { allCandidates, type FeeState, matchTransfer, REASON_TEXT } from '../rules/match.ts';
import { WebhookRejection } from '../rules/rejection.ts';

/**
 * Takes the transfers of a signed, fresh gateway delivery in one transaction: records their ids (replay protection,
 * webhook_deliveries with channel 'payments:<provider>'), then for each transfer not seen before and not already on a
 * statement, a payment row (source 'gateway'), matched like a statement line; a matched or partial one is applied to
 * its fee with payments' applyPayment. Returns the outcome per transfer.
 *
 * @throws WebhookRejection unknown_recipient (the account is no unit's collection account), replayed (every transfer
 *   already taken)
 */
export async function receiveGatewayTransfers(db: Db, actor: Actor, provider: string, transfers: CassoTransfer[], now: Date): Promise<string[]> {
  const accounts = new Map<string, { id: number; unit_id: number }>();
  for (const t of transfers) {
    const a = accounts.get(t.accountNumber) ?? (t.accountNumber ? await findAccountByNumber(db, t.accountNumber) : null);
    if (!a) throw new WebhookRejection('unknown_recipient');
    accounts.set(t.accountNumber, a);
  }
  return inTransaction(db, async (tx) => {
    const fresh = await takeDeliveries(tx, `payments:${provider}`, [...new Set(transfers.map((t) => t.id))], now);
    if (fresh.size === 0) throw new WebhookRejection('replayed');
    const outcomes: string[] = [];
    for (const t of transfers) {
      if (!fresh.has(t.id)) continue;
      fresh.delete(t.id);
      const account = accounts.get(t.accountNumber) as { id: number; unit_id: number };
      if ((await recordedTxnIds(tx, account.unit_id, [t.reference])).size > 0) {
        outcomes.push('already_recorded');
        continue;
      }
      const fees = new Map<string, FeeState>();
      for (const f of await lockFeesByReference(tx, account.unit_id, allCandidates(t.description))) fees.set(f.reference, f);
      const m = matchTransfer(t, fees);
      await insertPayments(tx, { unitId: account.unit_id, accountId: account.id, source: 'gateway', importId: null }, [
        {
          bankTxnId: t.reference,
          amountVnd: t.amountVnd,
          bookedAt: t.bookedAt,
          description: t.description,
          payerName: t.payerName,
          payerAccount: t.payerAccount,
          status: m.outcome,
          feeId: m.feeId,
          note: m.reason ? REASON_TEXT[m.reason].vi : null,
        },
      ]);
      if ((m.outcome === 'matched' || m.outcome === 'partial') && m.feeId !== null) {
        await applyPayment(tx, actor, { feeId: m.feeId, amountVnd: t.amountVnd, paidBy: 'transfer', paidAt: t.bookedAt });
      }
      await recordAudit(tx, actor, {
        action: 'payment.receive',
        entityType: 'payment',
        entityId: `${provider}:${t.id}`,
        unitId: account.unit_id,
        after: { source: 'gateway', provider, outcome: m.outcome, feeId: m.feeId, amountVnd: t.amountVnd },
      });
      outcomes.push(m.outcome);
    }
    return outcomes;
  });
}
