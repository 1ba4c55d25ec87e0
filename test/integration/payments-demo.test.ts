/**
 * The payments demo data on a fresh demo system: every ward and commune (each has a one-stop desk) has a default
 * collection account with a fictional number at a real bank BIN, Phường 1 of Cao Lãnh has a counter account, loading is
 * idempotent, and the demo leader's counter cards carry static VietQR codes that decode to those accounts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDemoData } from '../../src/demo.ts';
import { BANKS, DEMO_COUNTER, decodeVietQr, loadDemoPayments } from '../../src/modules/payments/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/staff/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { signIn, startSystem } from '../helpers.ts';
import { decodeQr, pdfInfo, pdfText } from '../pdf.ts';

const sys = await startSystem();
const summary = await loadDemoData(sys.platform);
const db = sys.platform.pool;

type Account = { unit: string; kind: string; bank_bin: string; account_no: string; account_name: string; counter: string | null; is_default: boolean };
const accounts = async () =>
  (
    await db.query<Account>(
      `SELECT u.code AS unit, u.kind, a.bank_bin, a.account_no, a.account_name, a.counter, a.is_default
       FROM unit_payment_accounts a JOIN units u ON u.id = a.unit_id WHERE a.active ORDER BY u.code, a.counter NULLS FIRST`,
    )
  ).rows;

test('demo: one default collection account per ward and commune, and a counter account at Phường 1', async () => {
  const all = await accounts();
  const communes = (await db.query("SELECT code FROM units WHERE kind IN ('ward', 'commune') ORDER BY code")).rows.map((r) => r.code as string);
  assert.ok(communes.length >= 30, `demo wards and communes: ${communes.length}`);
  assert.deepEqual(
    all.filter((a) => a.is_default).map((a) => a.unit),
    communes,
  );
  assert.equal(summary.paymentAccounts, communes.length + 1);
  const bins = new Set(BANKS.map((b) => b.bin));
  for (const a of all) {
    assert.ok(bins.has(a.bank_bin), `${a.unit}: a real bank BIN`);
    assert.match(a.account_no, /^9999\d{9}$/, `${a.unit}: a clearly fictional number`);
    assert.match(a.account_name, /^UBND .+ \(TÀI KHOẢN TRÌNH DIỄN\)$/);
  }
  assert.equal(new Set(all.map((a) => a.account_no)).size, all.length, 'numbers are unique');
  const counter = all.filter((a) => a.counter !== null);
  assert.deepEqual(
    counter.map((a) => [a.unit, a.counter, a.bank_bin]),
    [[DEMO_COUNTER.unit, DEMO_COUNTER.counter, '970436']],
  );

  // Idempotent: loading again (the demo flag aside) adds nothing.
  assert.equal((await loadDemoData(sys.platform)).loaded, false);
  assert.deepEqual(await inTransaction(sys.platform.db, (tx) => loadDemoPayments(tx)), { paymentAccounts: 0 });
  assert.equal((await accounts()).length, all.length);
});

test('demo: the counter cards of Phường 1 carry static VietQR codes of its accounts', async () => {
  const leader = await signIn(sys, 'lanhdao.caolanh', DEMO_PASSWORD);
  const card = async (counter: string) => {
    const res = await leader.request({ url: `/quan-tri/thanh-toan/the-qr.pdf?unit=${DEMO_COUNTER.unit}&counter=${encodeURIComponent(counter)}` });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.equal(pdfInfo(res.rawPayload).Pages, '1');
    return { text: pdfText(res.rawPayload), qr: decodeVietQr(decodeQr(res.rawPayload) ?? '') };
  };
  const own = await card(DEMO_COUNTER.counter);
  assert.match(own.text, /Quầy số 2/);
  assert.match(own.text, /9999100000002/);
  assert.deepEqual(own.qr, {
    ok: true,
    initiation: 'static',
    fields: { bankBin: '970436', accountNo: '9999100000002', target: 'account', amountVnd: null, purpose: null },
  });
  // A counter without its own account collects into the ward's default account.
  const def = (await accounts()).find((a) => a.unit === DEMO_COUNTER.unit && a.is_default) as Account;
  const other = await card('Quầy số 1');
  assert.deepEqual(other.qr, {
    ok: true,
    initiation: 'static',
    fields: { bankBin: '970405', accountNo: def.account_no, target: 'account', amountVnd: null, purpose: null },
  });
});
