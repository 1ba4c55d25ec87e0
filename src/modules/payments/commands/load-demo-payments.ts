import { sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { rows } from '../../../platform/db/query.ts';
import { saveAccount } from './save-account.ts';

/** The counter of the demo one-stop desk (Phường 1, Cao Lãnh, where the demo clerk works) with its own account. */
export const DEMO_COUNTER = { unit: 'cao-lanh-phuong-1', counter: 'Quầy số 2' } as const;

/**
 * Fictional account numbers: 13 digits, as at Agribank, but all starting 9999 so no one takes them for a real account.
 * The default of the n-th ward or commune is 99990000000nn; the demo counter's is 9999100000002.
 */
const demoAccountNo = (n: number) => `9999${String(n).padStart(9, '0')}`;

/**
 * Demo data: a default collection account (tài khoản chuyên thu; Agribank's real BIN, a fictional number) for every
 * ward and commune — each has a one-stop desk (Bộ phận Một cửa) — and Phường 1 of Cao Lãnh's "Quầy số 2" its own
 * account at Vietcombank, so the counter cards and the fee QR codes work on a fresh demo. The demo has no dossiers, so
 * no fees. Units that already have an account are skipped. Saved through saveAccount (audited as 'demo').
 */
export async function loadDemoPayments(tx: Db): Promise<{ paymentAccounts: number }> {
  const actor = systemActor('demo');
  const units = await rows<{ id: number; code: string; name: string; accounts: number }>(
    tx,
    sql`SELECT u.id::int AS id, u.code, u.name, (SELECT count(*)::int FROM unit_payment_accounts a WHERE a.unit_id = u.id) AS accounts
        FROM units u WHERE u.kind IN ('ward', 'commune') ORDER BY u.id`,
  );
  let made = 0;
  for (const [i, u] of units.entries()) {
    if (u.accounts > 0) continue;
    const holder = `UBND ${u.name} (tài khoản trình diễn)`.toLocaleUpperCase('vi');
    await saveAccount(tx, actor, u.id, null, {
      bankBin: '970405',
      accountNo: demoAccountNo(i + 1),
      accountName: holder,
      bankName: null,
      target: 'account',
      counter: null,
      isDefault: true,
      active: true,
    });
    made++;
    if (u.code === DEMO_COUNTER.unit) {
      await saveAccount(tx, actor, u.id, null, {
        bankBin: '970436',
        accountNo: '9999100000002',
        accountName: holder,
        bankName: null,
        target: 'account',
        counter: DEMO_COUNTER.counter,
        isDefault: false,
        active: true,
      });
      made++;
    }
  }
  return { paymentAccounts: made };
}
