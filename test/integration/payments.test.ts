/**
 * Cashless fees end to end on PostgreSQL: collection accounts, fees created from the procedure (idempotent) and by
 * hand, each with a unique reference and a dynamic VietQR that decodes back (from the JSON, the page's PNG and the
 * PDF), payments applied (partial, full, duplicate), cash at the counter, waivers, receipts numbered per unit and year
 * under concurrency, the fee notice and counter cards as PDFs, and the citizen's fee page.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { applyPayment, applyPayments, decodeVietQr } from '../../src/modules/payments/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { decodeQr, pdfInfo, pdfText } from '../pdf.ts';
import { receiveDirect } from './dossiers-support.ts';
import { makeFeeProcedure } from './payments-support.ts';

type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const sys = await startSystem();
after(() => dossierClock.set(null));
dossierClock.set('2026-03-10T09:00:00+07:00');
const province = await makeUnit(sys, { name: 'Tỉnh Thanh Toán' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Thanh Toán' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Bên Cạnh' });
const users = {
  clerk: await makeUser(sys, 'one_stop_clerk', commune),
  leader: await makeUser(sys, 'unit_leader', commune),
  homeAffairs: await makeUser(sys, 'home_affairs_officer', commune),
  specialist: await makeUser(sys, 'specialist', commune),
  otherClerk: await makeUser(sys, 'one_stop_clerk', other),
};
const s: Record<keyof typeof users, Session> = {} as never;
for (const [k, u] of Object.entries(users)) s[k as keyof typeof users] = await signIn(sys, u.username);
const procedure = await makeFeeProcedure(sys);

type Fee = {
  id: number;
  kind: string;
  name: string;
  amountVnd: number;
  paidVnd: number;
  owedVnd: number;
  reference: string;
  status: string;
  paidBy: string | null;
  receipt: { number: number; year: number } | null;
  account: { bankBin: string; accountNo: string } | null;
  vietqr: string | null;
};
type Fees = { dossier: string; paidOnline: boolean; fees: Fee[] };

const feesOf = async (code: string, session = s.clerk): Promise<Fees> => {
  const res = await session.request({ url: `/api/v1/payments/dossiers/${code}/fees` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Fees;
};

function decodePng(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

test('accounts: a leader adds the default account and a counter account; bad input names each field', async () => {
  const page = await s.leader.request({ url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Vietcombank/);
  assert.match(page.body, /970405/, 'Agribank is on the short list');

  const bad = await s.leader.request({
    method: 'POST',
    url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}`,
    payload: form({ bank: '', bankBin: '97043', accountNo: '12-34', active: 'on' }),
  });
  assert.equal(bad.statusCode, 400);
  for (const f of ['bankBin', 'accountNo', 'accountName']) assert.match(bad.body, new RegExp(`href="#f-${f}"`), f);

  const ok = await s.leader.request({
    method: 'POST',
    url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}`,
    payload: form({ bank: '970436', accountNo: '0071 000 123456', accountName: 'UBND XÃ THANH TOÁN', isDefault: 'on', active: 'on' }),
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const free = await s.homeAffairs.request({
    method: 'POST',
    url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}`,
    payload: form({
      bank: '',
      bankBin: '970418',
      bankName: 'BIDV',
      accountNo: '2221000999',
      accountName: 'UBND XÃ THANH TOÁN',
      counter: 'Quầy số 2',
      active: 'on',
    }),
  });
  assert.equal(free.statusCode, 303, free.body);
  const list = await s.leader.request({ url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}` });
  assert.match(list.body, /0071000123456/);
  assert.match(list.body, /Quầy số 2/);
  // A clerk collects but does not manage accounts; another unit's leader sees nothing here.
  assert.equal((await s.clerk.request({ url: `/quan-tri/thanh-toan/tai-khoan?unit=${commune.code}` })).statusCode, 403);
});

let code = '';
test('fees: created from the procedure once, each with a unique reference and a VietQR that decodes back', async () => {
  const d = await receiveDirect(sys, commune, procedure);
  code = d.code;
  const first = await s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/thanh-toan/lap-phi`, payload: form({}) });
  assert.equal(first.statusCode, 303);
  const again = await s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/thanh-toan/lap-phi`, payload: form({}) });
  assert.equal(again.statusCode, 303);
  const viaApi = await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${code}/fees/from-procedure`, payload: {} });
  assert.equal(viaApi.statusCode, 200);
  const { fees } = await feesOf(code);
  assert.deepEqual(
    fees.map((f) => [f.kind, f.name, f.amountVnd, f.status]),
    [
      ['fee', 'Phí chứng thực bản sao', 15000, 'due'],
      ['charge', 'Lệ phí cấp bản sao', 8000, 'due'],
    ],
    'once per dossier; the free item is not charged',
  );
  assert.notEqual(fees[0]?.reference, fees[1]?.reference);
  for (const f of fees) {
    assert.match(f.reference, /^GD[A-HJKMNP-Z2-9]{10}$/);
    const q = decodeVietQr(f.vietqr as string);
    assert.deepEqual(q, {
      ok: true,
      initiation: 'dynamic',
      fields: { bankBin: '970436', accountNo: '0071000123456', target: 'account', amountVnd: f.amountVnd, purpose: f.reference },
    });
  }
});

test('desk page: lists the fees with a QR image that decodes to the same payload', async () => {
  const page = await s.clerk.request({ url: `/mot-cua/ho-so/${code}/thanh-toan` });
  assert.equal(page.statusCode, 200);
  const { fees } = await feesOf(code);
  const images = [...page.body.matchAll(/<img src="(data:image\/png;base64,[^"]+)"/g)].map((m) => m[1] as string);
  assert.equal(images.length, 2);
  assert.deepEqual(
    images.map(decodePng),
    fees.map((f) => f.vietqr),
  );
  assert.match(page.body, /Lập phí, lệ phí/);
  assert.match(page.body, /15\.000 đ/);
  // A specialist (no payments.collect) and another unit's clerk are refused.
  assert.equal((await s.specialist.request({ url: `/mot-cua/ho-so/${code}/thanh-toan` })).statusCode, 403);
  assert.equal((await s.otherClerk.request({ url: `/api/v1/payments/dossiers/${code}/fees` })).statusCode, 403);
});

test('manual charge: at a counter with its own account; bad amounts are named', async () => {
  const bad = await s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/thanh-toan/them`, payload: form({ name: '', amountVnd: '-5' }) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#f-name"/);
  assert.match(bad.body, /href="#f-amountVnd"/);
  const res = await s.clerk.request({
    method: 'POST',
    url: `/api/v1/payments/dossiers/${code}/fees`,
    payload: { name: 'Phí sao y thêm 2 trang', amountVnd: 4000, kind: 'fee', counter: 'Quầy số 2' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const added = (res.json() as Fees).fees.at(-1) as Fee;
  assert.equal(added.account?.bankBin, '970418');
  const q = decodeVietQr(added.vietqr as string);
  assert.ok(q.ok && q.fields.accountNo === '2221000999' && q.fields.amountVnd === 4000);
  const page = await s.clerk.request({
    method: 'POST',
    url: `/mot-cua/ho-so/${code}/thanh-toan/them`,
    payload: form({ name: 'Phí photo', amountVnd: '1.000' }),
  });
  assert.equal(page.statusCode, 303, page.body);
});

test('applyPayment: partial, then paid; a payment to a fee no longer due is a duplicate and changes nothing', async () => {
  const { fees } = await feesOf(code);
  const fee = fees[0] as Fee;
  const at = new Date('2026-03-10T10:00:00+07:00');
  const apply = (amountVnd: number) =>
    inTransaction(sys.platform.db, (tx) => applyPayment(tx, systemActor('test'), { feeId: fee.id, amountVnd, paidBy: 'transfer', paidAt: at }));
  const part = await apply(5000);
  assert.deepEqual([part.outcome, part.status, part.paidVnd, part.dossierPaidOnline], ['partial', 'due', 5000, false]);
  const mid = (await feesOf(code)).fees[0] as Fee;
  assert.equal(mid.owedVnd, 10000);
  assert.equal((decodeVietQr(mid.vietqr as string) as { fields: { amountVnd: number } }).fields.amountVnd, 10000, 'the QR asks for what is still owed');
  const full = await apply(10000);
  assert.deepEqual([full.outcome, full.status, full.paidVnd], ['paid', 'paid', 15000]);
  const dup = await apply(15000);
  assert.deepEqual([dup.outcome, dup.status, dup.paidVnd], ['duplicate', 'paid', 15000]);
  const after = (await feesOf(code)).fees[0] as Fee;
  assert.deepEqual([after.status, after.paidBy, after.vietqr], ['paid', 'transfer', null]);
});

test('cash, waiver and receipts: numbered per unit and year, amounts in words, method printed', async () => {
  const { fees } = await feesOf(code);
  const [transfer, charge, copy, photo] = fees as [Fee, Fee, Fee, Fee];
  const cash = await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${code}/fees/${charge.id}/cash`, payload: {} });
  assert.equal(cash.statusCode, 200, cash.body);
  const paidCash = (cash.json() as Fees).fees.find((f) => f.id === charge.id) as Fee;
  assert.deepEqual([paidCash.status, paidCash.paidBy, paidCash.receipt], ['paid', 'cash', { number: 1, year: 2026 }]);
  const twice = await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${code}/fees/${charge.id}/cash`, payload: {} });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, 'PAYMENT_FEE_NOT_DUE');

  const noReason = await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${code}/fees/${copy.id}/waive`, payload: { reason: '' } });
  assert.equal(noReason.statusCode, 400);
  const waived = await s.clerk.request({
    method: 'POST',
    url: `/mot-cua/ho-so/${code}/thanh-toan/${copy.id}/mien`,
    payload: form({ reason: 'Người có công với cách mạng' }),
  });
  assert.equal(waived.statusCode, 303);

  const early = await s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/thanh-toan/${photo.id}/bien-lai`, payload: form({}) });
  assert.equal(early.statusCode, 409, 'no receipt for a fee still due');

  const issue = await s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/thanh-toan/${transfer.id}/bien-lai`, payload: form({}) });
  assert.equal(issue.statusCode, 303);
  assert.equal(issue.headers.location, `/mot-cua/ho-so/${code}/thanh-toan/${transfer.id}/bien-lai.pdf`);
  const pdf = await s.clerk.request({ url: issue.headers.location as string });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /BIÊN LAI THU PHÍ, LỆ PHÍ/);
  assert.match(text, /Số: 0000002\/2026\/BLP/);
  assert.match(text, /ngày 10 tháng 3 năm 2026/);
  assert.match(text, /15\.000 đồng/);
  assert.match(text, /Mười lăm nghìn đồng/);
  assert.match(text, /Chuyển khoản/);
  assert.match(text, /Nguyễn Văn Thử/);
  assert.match(text, new RegExp(transfer.reference));
  const cashPdf = pdfText((await s.clerk.request({ url: `/mot-cua/ho-so/${code}/thanh-toan/${charge.id}/bien-lai.pdf` })).rawPayload);
  assert.match(cashPdf, /Tiền mặt/);
  assert.match(cashPdf, /Tám nghìn đồng/);

  const cashRow = await sys.platform.pool.query('SELECT source, amount_vnd::int AS amount, status FROM payments WHERE fee_id = $1', [charge.id]);
  assert.deepEqual(cashRow.rows, [{ source: 'cash', amount: 8000, status: 'matched' }]);
  const d = await sys.platform.pool.query('SELECT paid_online FROM dossiers WHERE code = $1', [code]);
  assert.equal(d.rows[0].paid_online, false, 'a fee paid in cash: not paid online');
});

test('receipts: concurrent issuing never takes a number twice', async () => {
  const d = await receiveDirect(sys, commune, procedure);
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const r = await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${d.code}/fees`, payload: { name: `Khoản ${i}`, amountVnd: 1000 + i } });
    ids.push(((r.json() as Fees).fees.at(-1) as Fee).id);
  }
  const at = new Date();
  await inTransaction(sys.platform.db, async (tx) => {
    for (const [i, id] of ids.entries()) await applyPayment(tx, systemActor('test'), { feeId: id, amountVnd: 1000 + i, paidBy: 'transfer', paidAt: at });
  });
  const results = await Promise.all(
    ids.map((id) => s.clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${d.code}/thanh-toan/${id}/bien-lai`, payload: form({}) })),
  );
  assert.deepEqual(
    results.map((r) => r.statusCode),
    ids.map(() => 303),
  );
  const numbers = (await feesOf(d.code)).fees.map((f) => f.receipt?.number).sort((a, b) => (a ?? 0) - (b ?? 0));
  assert.deepEqual(numbers, [3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal((await feesOf(d.code)).paidOnline, true, 'every fee paid by transfer: paid online');
});

test('applyPayments: a batch in order — parts completing a fee, a duplicate of it, the dossier paid online; all or nothing', async () => {
  const d = await receiveDirect(sys, commune, procedure);
  const add = async (name: string, amountVnd: number) =>
    ((await s.clerk.request({ method: 'POST', url: `/api/v1/payments/dossiers/${d.code}/fees`, payload: { name, amountVnd } })).json() as Fees).fees.at(
      -1,
    ) as Fee;
  const a = await add('Khoản A', 10_000);
  const b = await add('Khoản B', 20_000);
  const c = await add('Khoản C', 5_000);
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 3, minute));
  const batch = (items: { feeId: number; amountVnd: number; minute: number }[]) =>
    inTransaction(sys.platform.db, (tx) =>
      applyPayments(
        tx,
        systemActor('test'),
        items.map((i) => ({ feeId: i.feeId, amountVnd: i.amountVnd, paidBy: 'transfer' as const, paidAt: at(i.minute) })),
        new Date(),
      ),
    );

  // A fee that does not exist: nothing of the batch is applied.
  await assert.rejects(
    batch([
      { feeId: c.id, amountVnd: 5_000, minute: 0 },
      { feeId: 999_999_999, amountVnd: 1, minute: 0 },
    ]),
    (e: Error & { code?: string }) => e.code === 'NOT_FOUND',
  );
  await assert.rejects(
    batch([
      { feeId: c.id, amountVnd: 5_000, minute: 0 },
      { feeId: c.id, amountVnd: 0, minute: 0 },
    ]),
    (e: Error & { code?: string; errors?: { field: string }[] }) => e.code === 'VALIDATION_FAILED' && e.errors?.[0]?.field === 'payments[1].amountVnd',
  );
  assert.equal(((await feesOf(d.code)).fees.find((f) => f.id === c.id) as Fee).status, 'due');

  const applied = await batch([
    { feeId: a.id, amountVnd: 4_000, minute: 1 },
    { feeId: b.id, amountVnd: 20_000, minute: 2 },
    { feeId: a.id, amountVnd: 6_000, minute: 3 },
    { feeId: a.id, amountVnd: 10_000, minute: 4 },
    { feeId: c.id, amountVnd: 5_000, minute: 5 },
  ]);
  assert.deepEqual(
    applied.map((x) => [x.feeId, x.outcome, x.paidVnd, x.status, x.dossierPaidOnline]),
    [
      [a.id, 'partial', 4_000, 'due', true],
      [b.id, 'paid', 20_000, 'paid', true],
      [a.id, 'paid', 10_000, 'paid', true],
      [a.id, 'duplicate', 10_000, 'paid', true],
      [c.id, 'paid', 5_000, 'paid', true],
    ],
  );
  const after = await feesOf(d.code);
  assert.equal(after.paidOnline, true);
  assert.deepEqual(
    after.fees.map((f) => [f.name, f.status, f.paidVnd, f.paidBy]),
    [
      ['Khoản A', 'paid', 10_000, 'transfer'],
      ['Khoản B', 'paid', 20_000, 'transfer'],
      ['Khoản C', 'paid', 5_000, 'transfer'],
    ],
  );
  const paidAt = await sys.platform.pool.query('SELECT paid_at FROM dossier_fees WHERE id = $1', [a.id]);
  assert.deepEqual(paidAt.rows[0].paid_at, at(3), 'paid when the completing part arrived');
  const audits = await sys.platform.pool.query(
    "SELECT entity_id, before, after FROM audit_log WHERE action = 'payment.apply' AND entity_id = ANY($1) ORDER BY id",
    [[a.id, b.id, c.id].map(String)],
  );
  assert.deepEqual(
    audits.rows.map((r) => [Number(r.entity_id), r.before, r.after]),
    [
      [a.id, { paidVnd: 0, status: 'due' }, { paidVnd: 4_000, status: 'due', paidBy: 'transfer', amountVnd: 4_000 }],
      [b.id, { paidVnd: 0, status: 'due' }, { paidVnd: 20_000, status: 'paid', paidBy: 'transfer', amountVnd: 20_000 }],
      [a.id, { paidVnd: 4_000, status: 'due' }, { paidVnd: 10_000, status: 'paid', paidBy: 'transfer', amountVnd: 6_000 }],
      [c.id, { paidVnd: 0, status: 'due' }, { paidVnd: 5_000, status: 'paid', paidBy: 'transfer', amountVnd: 5_000 }],
    ],
    'one audit row per applied payment, none for the duplicate',
  );
});

test('fee notice PDF: the due fee with its QR, paid and waived ones listed', async () => {
  const res = await s.clerk.request({ url: `/mot-cua/ho-so/${code}/thanh-toan/giay-bao-phi.pdf` });
  assert.equal(res.statusCode, 200);
  const text = pdfText(res.rawPayload);
  assert.match(text, /GIẤY BÁO PHÍ, LỆ PHÍ/);
  assert.match(text, new RegExp(`Mã hồ sơ: ${code}`));
  assert.match(text, /được miễn: Người có công với cách mạng/);
  assert.match(text, /đã nộp \(tiền mặt\)/);
  const { fees } = await feesOf(code);
  const due = fees.filter((f) => f.status === 'due');
  const qr = decodeQr(res.rawPayload);
  assert.ok(qr && due.some((f) => f.vietqr === qr), `QR on the notice is a due fee's: ${qr}`);
});

test('counter cards: one A6 page per counter with a static VietQR', async () => {
  const res = await s.leader.request({ url: `/quan-tri/thanh-toan/the-qr.pdf?unit=${commune.code}&counter=${encodeURIComponent('Quầy số 1, Quầy số 2')}` });
  assert.equal(res.statusCode, 200, res.body);
  const info = pdfInfo(res.rawPayload);
  assert.equal(info.Pages, '2');
  assert.match(info['Page size'] ?? '', /297\.6\d? x 419\.5/);
  const text = pdfText(res.rawPayload);
  assert.match(text, /XÃ THANH TOÁN/);
  assert.match(text, /Quầy số 2/);
  assert.match(text, /2221000999/);
  const q = decodeVietQr(decodeQr(res.rawPayload) ?? '');
  assert.deepEqual(q, {
    ok: true,
    initiation: 'static',
    fields: { bankBin: '970436', accountNo: '0071000123456', target: 'account', amountVnd: null, purpose: null },
  });
  const all = await s.leader.request({ url: `/quan-tri/thanh-toan/the-qr.pdf?unit=${commune.code}` });
  assert.equal(pdfInfo(all.rawPayload).Pages, '2');
  const none = await s.leader.request({ url: `/quan-tri/thanh-toan/the-qr.pdf?unit=${other.code}` });
  assert.equal(none.statusCode, 403);
});

test('citizen fee page: due fees with their QR, paid as paid; the check digits guard it', async () => {
  const anon = (url: string) => sys.app.inject({ url });
  const ok = await anon(`/tra-cuu/phi?code=${code}&check=6789`);
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Đã nộp/);
  assert.match(ok.body, /Được miễn/);
  assert.doesNotMatch(ok.body, /Đã thu tiền mặt/, 'no staff actions');
  const img = ok.body.match(/<img src="(data:image\/png;base64,[^"]+)"/)?.[1] as string;
  const due = (await feesOf(code)).fees.filter((f) => f.status === 'due');
  assert.ok(due.some((f) => f.vietqr === decodePng(img)));
  assert.equal((await anon(`/tra-cuu/phi?code=${code}&check=0000`)).statusCode, 404);
  assert.equal((await anon(`/tra-cuu/phi?code=abc&check=12`)).statusCode, 400);
  const tracking = await anon(`/tra-cuu?code=${code}&check=6789`);
  assert.match(tracking.body, new RegExp(`/tra-cuu/phi\\?code=${code}&amp;check=6789`), 'the tracking page links to the fees');
});

test('OpenAPI documents the payments routes', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  for (const path of [
    '/api/v1/payments/dossiers/{code}/fees',
    '/api/v1/payments/dossiers/{code}/fees/from-procedure',
    '/api/v1/payments/dossiers/{code}/fees/{id}/cash',
    '/api/v1/payments/dossiers/{code}/fees/{id}/waive',
  ]) {
    assert.ok(doc.paths[path], path);
  }
});
