import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { creditTransfers, type MatchedTransfer } from '../credit.ts';
import { findAccountByNumber, insertPayments, lockFeesByReference, type PaymentToInsert, recordedTxnIds, takeDeliveries } from '../queries.ts';
import type { CassoTransfer } from '../rules/casso.ts';
import { allCandidates, type FeeState, matchTransfer } from '../rules/match.ts';
import { WebhookRejection } from '../rules/rejection.ts';

type Account = { id: number; unit_id: number };

/**
 * Takes the transfers of a signed, fresh gateway delivery in one transaction: records their ids (replay protection,
 * webhook_deliveries with channel 'payments:<provider>'), then for each transfer not seen before and not already on a
 * statement, a payment row (source 'gateway'), matched like a statement line (in order, against the fees' state as the
 * earlier transfers of the delivery leave it); those tied to a fee are credited in one batch with payments'
 * applyPayments (creditTransfers), which decides each row's status. Returns the outcome per transfer.
 *
 * @throws WebhookRejection unknown_recipient (the account is no unit's collection account), replayed (every transfer
 *   already taken)
 */
export async function receiveGatewayTransfers(db: Db, actor: Actor, provider: string, transfers: CassoTransfer[], now: Date): Promise<string[]> {
  const accounts = new Map<string, Account>();
  for (const t of transfers) {
    const a = accounts.get(t.accountNumber) ?? (t.accountNumber ? await findAccountByNumber(db, t.accountNumber) : null);
    if (!a) throw new WebhookRejection('unknown_recipient');
    accounts.set(t.accountNumber, a);
  }
  return inTransaction(db, async (tx) => {
    const fresh = await takeDeliveries(tx, `payments:${provider}`, [...new Set(transfers.map((t) => t.id))], now);
    if (fresh.size === 0) throw new WebhookRejection('replayed');
    // Per unit: the bank transaction ids taken in this delivery, and the state of the fees named so far.
    const taken = new Map<number, Set<string>>();
    const feesOf = new Map<number, Map<string, FeeState>>();
    const lines: { t: CassoTransfer; account: Account; transfer: MatchedTransfer | null }[] = [];
    for (const t of transfers) {
      if (!fresh.has(t.id)) continue;
      fresh.delete(t.id);
      const account = accounts.get(t.accountNumber) as Account;
      const ids = taken.get(account.unit_id) ?? new Set<string>();
      taken.set(account.unit_id, ids);
      if (ids.has(t.reference) || (await recordedTxnIds(tx, account.unit_id, [t.reference])).size > 0) {
        lines.push({ t, account, transfer: null });
        continue;
      }
      ids.add(t.reference);
      const fees = feesOf.get(account.unit_id) ?? new Map<string, FeeState>();
      feesOf.set(account.unit_id, fees);
      const wanted = allCandidates(t.description).filter((r) => !fees.has(r));
      for (const f of await lockFeesByReference(tx, account.unit_id, wanted)) fees.set(f.reference, f);
      lines.push({ t, account, transfer: { ...t, bankTxnId: t.reference, match: matchTransfer(t, fees) } });
    }
    const matched = lines.flatMap((l) => (l.transfer ? [l.transfer] : []));
    const { payments } = await creditTransfers(tx, actor, matched, now);
    const rowOf = new Map(matched.map((m, i) => [m, payments[i] as PaymentToInsert]));
    const outcomes: string[] = [];
    for (const { t, account, transfer } of lines) {
      const row = transfer && rowOf.get(transfer);
      if (!row) {
        outcomes.push('already_recorded');
        continue;
      }
      await insertPayments(tx, { unitId: account.unit_id, accountId: account.id, source: 'gateway', importId: null }, [row]);
      await recordAudit(tx, actor, {
        action: 'payment.receive',
        entityType: 'payment',
        entityId: `${provider}:${t.id}`,
        unitId: account.unit_id,
        after: { source: 'gateway', provider, outcome: row.status, feeId: row.feeId, amountVnd: t.amountVnd },
      });
      outcomes.push(row.status);
    }
    return outcomes;
  });
}
