import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AccountInput, type AccountRow, clearDefault, findAccount, insertAccount, updateAccount } from '../queries.ts';
import { bankNameOf } from '../rules/reference.ts';

/**
 * Adds (id null) or changes a collection account of a unit (tài khoản chuyên thu). Marking one default clears the
 * previous default in the same transaction; the bank's name comes from the short list when the BIN is on it and
 * none was typed. Audited (account numbers are the unit's, not personal data).
 */
export async function saveAccount(tx: Db, actor: Actor, unitId: number, id: number | null, input: AccountInput): Promise<AccountRow> {
  const a: AccountInput = { ...input, bankName: input.bankName ?? bankNameOf(input.bankBin) };
  let before: AccountRow | null = null;
  if (id !== null) {
    before = await findAccount(tx, id, true);
    if (!before || before.unit_id !== unitId) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy tài khoản', en: 'Account not found' } });
  }
  if (a.isDefault && a.active) await clearDefault(tx, unitId, id);
  const saved = id === null ? await insertAccount(tx, unitId, a) : await updateAccount(tx, id, a);
  await recordAudit(tx, actor, {
    action: id === null ? 'payments.account.create' : 'payments.account.update',
    entityType: 'unit_payment_account',
    entityId: saved.id,
    unitId,
    before: before ?? undefined,
    after: saved,
  });
  return saved;
}
