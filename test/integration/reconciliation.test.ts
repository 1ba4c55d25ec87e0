/**
 * Reconciliation end to end on PostgreSQL: bank statements (CSV and Excel) imported through the staff page, matched,
 * partial, duplicate and unmatched lines; bad files reported line by line with nothing applied; the same file twice
 * refused; a transfer naming two fees left unmatched; the Casso webhook from the stand-in gateway over real HTTP (good
 * and bad signature, replay, stale timestamp) and a delivery of several transfers credited in one batch; the exceptions
 * page resolving payments by hand.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { CASSO_WEBHOOK, cassoSignature } from '../../src/modules/reconciliation/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { paymentGateway } from '../stand-ins/payment-gateway.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';
import { multipart } from './procedures-support.ts';

const KEY = 'khoa-kiem-tra-casso-thu-nghiem-0123456789abcdef';
const ACCOUNT = '113000222333';
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const sys = await startSystem({ CASSO_CHECKSUM_KEY: KEY });
const db = sys.platform.pool;
let unit: UnitRow;
let other: UnitRow;
let leader: Session;
let clerk: Session;
let procedure: string;

const newRef = () => `GD${[...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;

/** A dossier at the unit with one fee per amount; returns the fees' references and the dossier id. */
async function feesFor(amounts: number[], at: UnitRow = unit): Promise<{ refs: string[]; dossierId: number }> {
  const d = await receiveDirect(sys, at, procedure);
  const refs: string[] = [];
  for (const amount of amounts) {
    const ref = newRef();
    await db.query("INSERT INTO dossier_fees (dossier_id, unit_id, kind, name, amount_vnd, reference) VALUES ($1, $2, 'fee', 'Lệ phí thử', $3, $4)", [
      d.id,
      at.id,
      amount,
      ref,
    ]);
    refs.push(ref);
  }
  return { refs, dossierId: Number(d.id) };
}

const fee = async (ref: string) =>
  (await db.query('SELECT status, paid_vnd::int AS paid, paid_by, paid_at FROM dossier_fees WHERE reference = $1', [ref])).rows[0] as {
    status: string;
    paid: number;
    paid_by: string | null;
    paid_at: Date | null;
  };
const payment = async (txn: string) =>
  (await db.query('SELECT id::int, status, source, fee_id, note FROM payments WHERE bank_txn_id = $1', [txn])).rows[0] as
    | { id: number; status: string; source: string; fee_id: string | null; note: string | null }
    | undefined;
const paidOnline = async (dossierId: number) => (await db.query('SELECT paid_online FROM dossiers WHERE id = $1', [dossierId])).rows[0]?.paid_online;

function upload(s: Session, at: UnitRow, file: { name: string; type: string; data: Buffer }) {
  const body = multipart({}, file);
  return sys.app.inject({
    method: 'POST',
    url: `/quan-tri/thanh-toan/sao-ke?unit=${at.code}&_csrf=${encodeURIComponent(s.csrf)}`,
    headers: { cookie: s.cookie, accept: 'text/html', ...body.headers },
    payload: body.payload,
  });
}
const csv = (text: string, name = 'sao-ke.csv') => ({ name, type: 'text/csv', data: Buffer.from(`\uFEFF${text}`, 'utf8') });

before(async () => {
  const province = await makeUnit(sys);
  unit = await makeUnit(sys, { parent: province });
  other = await makeUnit(sys, { parent: province });
  leader = await signIn(sys, (await makeUser(sys, 'unit_leader', unit)).username);
  clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unit)).username);
  procedure = await makeProcedure(sys);
  await db.query("INSERT INTO unit_payment_accounts (unit_id, bank_bin, account_no, account_name, is_default) VALUES ($1, '970415', $2, 'UBND XA THU', true)", [
    unit.id,
    ACCOUNT,
  ]);
});

test('a CSV statement: matched, partial, duplicate and unmatched lines; fees and the dossier paid online', async () => {
  const a = await feesFor([50_000, 20_000]);
  const [full, small] = a.refs as [string, string];
  const b = await feesFor([100_000]);
  const [part] = b.refs as [string];
  const [mangled] = (await feesFor([30_000])).refs as [string];
  const text = [
    'NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM',
    `SAO KÊ TÀI KHOẢN ${ACCOUNT},,,,,,`,
    'Từ ngày 01/07/2025 đến ngày 02/07/2025,,,,,,',
    'Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung,Tên người chuyển,Số tài khoản đối ứng',
    `01/07/2025 08:10:00,CSV-1,,"50.000","MBVCB.3278907687.${full}.CT tu 0123 NGUYEN VAN A",NGUYEN VAN A,0123`,
    `01/07/2025 08:11:00,CSV-2,,"20,000",${small.toLowerCase()} nop le phi,TRAN THI B,0456`,
    `01/07/2025 08:12:00,CSV-3,,40.000,IBFT ${part},LE VAN C,0789`,
    `01/07/2025 08:13:00,CSV-4,,"50.000",${full} chuyen lai,NGUYEN VAN A,0123`,
    '01/07/2025 08:14:00,CSV-5,,15.000,ung ho quy,PHAM D,0999',
    `01/07/2025 08:15:00,CSV-6,,30.000,"IBFT ${mangled.slice(0, 5)} ${mangled.slice(5)}",VO E,0111`,
    '01/07/2025 09:00:00,CSV-7,"11.000",,Phi quan ly tai khoan,,',
    'Tổng cộng,,11.000,205.000,,,',
  ].join('\r\n');
  const res = await upload(leader, unit, csv(text));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const flash = await leader.request({ url: res.headers.location as string });
  assert.match(flash.body, /khớp 3, chuyển thiếu 1, trùng 1, chưa khớp 1/);

  assert.deepEqual(await fee(full), { status: 'paid', paid: 50_000, paid_by: 'transfer', paid_at: new Date('2025-07-01T01:10:00Z') });
  assert.equal((await fee(small)).status, 'paid');
  assert.equal(await paidOnline(a.dossierId), true);
  assert.deepEqual([(await fee(part)).status, (await fee(part)).paid], ['due', 40_000]);
  assert.equal(await paidOnline(b.dossierId), false);
  assert.equal((await fee(mangled)).status, 'paid');
  assert.equal((await payment('CSV-3'))?.status, 'partial');
  assert.equal((await payment('CSV-4'))?.status, 'duplicate');
  assert.equal((await payment('CSV-5'))?.status, 'unmatched');
  assert.match((await payment('CSV-5'))?.note ?? '', /Không thấy mã thanh toán/);
  assert.equal(await payment('CSV-7'), undefined, 'debit lines are not payments');
  const imp = (await db.query('SELECT lines, matched, unmatched, format FROM statement_imports WHERE unit_id = $1', [unit.id])).rows[0];
  assert.deepEqual(imp, { lines: 6, matched: 4, unmatched: 2, format: 'csv' });
  const audits = (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.apply' AND entity_type = 'dossier_fee'")).rows[0];
  assert.ok(audits.n >= 4);
  assert.equal((await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'statement.import'")).rows[0].n, 1);

  // The same file again is refused clearly, and nothing changes.
  const again = await upload(leader, unit, csv(text));
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Tệp sao kê này đã được nhập lúc/);
  assert.equal((await fee(part)).paid, 40_000);
});

test('an Excel statement (.xlsx) with Excel dates; a line already recorded is skipped and counted', async () => {
  const { refs } = await feesFor([70_000, 80_000]);
  const [r1, r2] = refs as [string, string];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  ws.addRow(['SAO KÊ TÀI KHOẢN']);
  ws.addRow(['Số tài khoản', ACCOUNT]);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã giao dịch', 'Ngày giao dịch', 'Ghi có', 'Ghi nợ', 'Diễn giải', 'Đối ứng', 'Loại tiền']);
  ws.addRow([1, 'XL-1', new Date(Date.UTC(2025, 6, 2, 10, 0)), 70000, null, `GD ${r1.slice(2)}`, 'NGUYEN VAN A', 'VND']);
  ws.addRow([2, 'CSV-1', new Date(Date.UTC(2025, 6, 1, 8, 10)), 50000, null, 'trung voi sao ke truoc', 'NGUYEN VAN A', 'VND']);
  ws.addRow([3, 'XL-3', '02/07/2025 11:00', '80.000', null, `${r1} ${r2}`, 'LE VAN C', 'VND']);
  const res = await upload(leader, unit, { name: 'sao-ke.xlsx', type: 'application/octet-stream', data: Buffer.from(await wb.xlsx.writeBuffer()) });
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const flash = await leader.request({ url: res.headers.location as string });
  assert.match(flash.body, /khớp 1, chuyển thiếu 0, trùng 0, chưa khớp 1, đã có trước 1/);
  assert.equal((await fee(r1)).status, 'paid');
  assert.equal((await fee(r1)).paid_at?.toISOString(), '2025-07-02T03:00:00.000Z');
  // Two references in one description: never guessed.
  assert.equal((await fee(r2)).status, 'due');
  assert.equal((await payment('XL-3'))?.status, 'unmatched');
  assert.match((await payment('XL-3'))?.note ?? '', /nhiều mã thanh toán/);
});

test('a bad statement is reported line by line and nothing is applied', async () => {
  const [ref] = (await feesFor([10_000])).refs as [string];
  const before = (await db.query('SELECT count(*)::int AS n FROM payments')).rows[0].n;
  const text = [
    'Ngày giao dịch,Mã giao dịch,Ghi có,Diễn giải,Loại tiền',
    `03/07/2025,BAD-1,10.000,${ref},VND`,
    '03/07/2025,BAD-2,-5.000,hoan tien,VND',
    '03/07/2025,BAD-3,100,nop phi,USD',
    `03/07/2025,BAD-1,10.000,${ref},VND`,
    'hôm qua,BAD-5,10.000,x,VND',
  ].join('\n');
  const res = await upload(leader, unit, csv(text, 'sai.csv'));
  assert.equal(res.statusCode, 422);
  for (const [line, reason] of [
    [3, 'Số tiền ghi có âm'],
    [4, 'Ngoại tệ USD: chỉ nhận VND'],
    [5, 'Trùng mã giao dịch với dòng 2'],
    [6, 'Ngày giao dịch không đọc được'],
  ] as const) {
    assert.match(res.body, new RegExp(`<td>${line}</td><td>${reason}`), `line ${line}`);
  }
  assert.equal((await fee(ref)).status, 'due');
  assert.equal((await db.query('SELECT count(*)::int AS n FROM payments')).rows[0].n, before);

  const wrong = await upload(leader, unit, csv('Ngày,Số tiền,Ghi chú\n03/07/2025,10000,x\n', 'cot-sai.csv'));
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /thiếu cột: Số tham chiếu \/ Mã giao dịch, Số tiền ghi có/);

  const pdf = await upload(leader, unit, { name: 'sao-ke.xls', type: 'application/vnd.ms-excel', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) });
  assert.equal(pdf.statusCode, 415);
  assert.match(pdf.body, /Chỉ nhận tệp CSV/);
  assert.equal((await db.query('SELECT count(*)::int AS n FROM statement_imports WHERE file_name = ANY($1)', [['sai.csv', 'cot-sai.csv']])).rows[0].n, 0);
});

test('the import and the exceptions pages need payments.manage on the unit', async () => {
  assert.equal((await clerk.request({ url: `/quan-tri/thanh-toan/sao-ke?unit=${unit.code}` })).statusCode, 403);
  assert.equal((await leader.request({ url: `/quan-tri/thanh-toan/doi-soat?unit=${other.code}` })).statusCode, 403);
  const page = await leader.request({ url: `/quan-tri/thanh-toan/sao-ke?unit=${unit.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.equal((await upload(clerk, unit, csv('x'))).statusCode, 403);
});

test('Casso webhook from the stand-in gateway: good signature, bad signature, replay, stale timestamp', async () => {
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(sys.app.server.address() as AddressInfo).port}`;
  const gw = paymentGateway(base, KEY);
  const d = await feesFor([25_000]);
  const [ref] = d.refs as [string];
  const rejections = async () =>
    (await db.query("SELECT reason FROM webhook_rejections WHERE channel = 'payments:casso' ORDER BY id")).rows.map((r) => r.reason as string);

  const ok = await gw.notify({ accountNumber: ACCOUNT, amount: 25_000, description: `CT DEN:0123 ${ref} nop le phi`, reference: 'GW-1' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body, { success: true, status: 'accepted' });
  assert.deepEqual([(await fee(ref)).status, (await fee(ref)).paid_by], ['paid', 'transfer']);
  assert.equal(await paidOnline(d.dossierId), true);
  assert.deepEqual([(await payment('GW-1'))?.source, (await payment('GW-1'))?.status], ['gateway', 'matched']);

  const replay = await gw.replay(ok);
  assert.equal(replay.status, 403);
  assert.equal(replay.body.reason, 'replayed');

  const forged = await gw.notify({ accountNumber: ACCOUNT, amount: 999_000, description: ref }, { key: 'khoa-gia-mao-khong-dung-0123456789abcdefgh' });
  assert.equal(forged.status, 401);
  assert.equal(forged.body.reason, 'bad_signature');

  const stale = await gw.notify({ accountNumber: ACCOUNT, amount: 1_000, description: 'x' }, { atMs: Date.now() - 6 * 60_000 });
  assert.equal(stale.status, 403);
  assert.equal(stale.body.reason, 'stale_timestamp');

  const unsigned = await gw.unsigned({ error: 0, data: {} });
  assert.equal(unsigned.status, 401);

  const stranger = await gw.notify({ accountNumber: '999999999', amount: 1_000, description: 'x' });
  assert.equal(stranger.status, 422);
  assert.deepEqual(await rejections(), ['replayed', 'bad_signature', 'stale_timestamp', 'missing_signature', 'unknown_recipient']);
  assert.equal((await db.query("SELECT count(*)::int AS n FROM payments WHERE source = 'gateway'")).rows[0].n, 1);

  // A statement bringing the same bank transaction later skips it.
  const text = ['Ngày giao dịch,Số tham chiếu,Số tiền ghi có,Nội dung', `02/07/2025 09:30:00,GW-1,25.000,${ref}`].join('\n');
  const res = await upload(leader, unit, csv(text, 'sau-webhook.csv'));
  assert.equal(res.statusCode, 303);
  assert.match((await leader.request({ url: res.headers.location as string })).body, /đã có trước 1/);
  assert.equal((await fee(ref)).paid, 25_000);
});

test('the exceptions page: list, match one by hand after confirming, close one as refunded', async () => {
  const [ref] = (await feesFor([15_000])).refs as [string];
  const list = await leader.request({ url: `/quan-tri/thanh-toan/doi-soat?unit=${unit.code}&status=unmatched` });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /ung ho quy/);
  const p5 = (await payment('CSV-5')) as { id: number };
  const url = `/quan-tri/thanh-toan/doi-soat/${p5.id}`;
  const view = await leader.request({ url });
  assert.match(view.body, /PHAM D/);

  // Step one shows the fee and writes nothing.
  const ask = await leader.request({
    method: 'POST',
    url,
    payload: new URLSearchParams({ action: 'match', reference: ref.toLowerCase(), note: '' }).toString(),
  });
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /Xác nhận đối chiếu/);
  assert.equal((await fee(ref)).status, 'due');
  const unknown = await leader.request({ method: 'POST', url, payload: new URLSearchParams({ action: 'match', reference: 'GDZZZZZZZZZZ' }).toString() });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Không có khoản phí nào của đơn vị với mã này/);

  const done = await leader.request({
    method: 'POST',
    url,
    payload: new URLSearchParams({ action: 'match', reference: ref, note: 'Công dân gọi điện xác nhận', confirm: '1' }).toString(),
  });
  assert.equal(done.statusCode, 303, done.body.slice(0, 1000));
  assert.equal((await fee(ref)).status, 'paid');
  const resolved = await payment('CSV-5');
  assert.equal(resolved?.status, 'resolved');
  assert.match(resolved?.note ?? '', /Đối chiếu thủ công với GD/);
  const again = await leader.request({ method: 'POST', url, payload: new URLSearchParams({ action: 'refund', note: 'lần nữa' }).toString() });
  assert.equal(again.statusCode, 409);

  const dup = (await payment('CSV-4')) as { id: number };
  const noNote = await leader.request({ method: 'POST', url: `/quan-tri/thanh-toan/doi-soat/${dup.id}`, payload: 'action=refund&note=' });
  assert.equal(noNote.statusCode, 400);
  const refund = await leader.request({
    method: 'POST',
    url: `/quan-tri/thanh-toan/doi-soat/${dup.id}`,
    payload: new URLSearchParams({ action: 'refund', note: 'Đã chuyển trả 50.000 đ ngày 03/07' }).toString(),
  });
  assert.equal(refund.statusCode, 303);
  assert.equal((await payment('CSV-4'))?.status, 'resolved');
  const audit = (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.resolve'")).rows[0];
  assert.equal(audit.n, 2);
  const after = await leader.request({ url: `/quan-tri/thanh-toan/doi-soat?unit=${unit.code}` });
  assert.doesNotMatch(after.body, /ung ho quy/);
});

test('a Casso delivery of several transfers: matched in order, credited in one batch, a repeated bank transaction skipped', async () => {
  const { refs, dossierId } = await feesFor([30_000, 12_000]);
  const [ref, small] = refs as [string, string];
  const transfer = (id: number, reference: string, amount: number, description: string, minute: number) => ({
    id,
    reference,
    description,
    amount,
    transactionDateTime: `2025-07-03 10:0${minute}:00`,
    accountNumber: ACCOUNT,
    counterAccountName: 'NGUYEN VAN THU',
    counterAccountNumber: '0123456789',
  });
  const body = {
    error: 0,
    data: [
      transfer(9001, 'GWB-1', 10_000, `${ref} lan 1`, 1),
      transfer(9002, 'GWB-2', 20_000, `${ref} lan 2`, 2),
      transfer(9003, 'GWB-3', 30_000, `${ref} lan 3`, 3),
      transfer(9004, 'GWB-1', 10_000, `${ref} lan 1`, 1),
      transfer(9005, 'GWB-5', 15_000, small, 5),
    ],
  };
  const t = String(Date.now());
  const res = await sys.app.inject({
    method: 'POST',
    url: CASSO_WEBHOOK,
    headers: { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${cassoSignature(KEY, t, body)}` },
    payload: JSON.stringify(body),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await fee(ref), { status: 'paid', paid: 30_000, paid_by: 'transfer', paid_at: new Date('2025-07-03T03:02:00Z') });
  assert.deepEqual(await Promise.all(['GWB-1', 'GWB-2', 'GWB-3', 'GWB-5'].map(async (id) => (await payment(id))?.status)), [
    'partial',
    'matched',
    'duplicate',
    'unmatched',
  ]);
  assert.match((await payment('GWB-5'))?.note ?? '', /lớn hơn số còn phải nộp/);
  assert.equal((await db.query("SELECT count(*)::int AS n FROM payments WHERE bank_txn_id = 'GWB-1'")).rows[0].n, 1);
  assert.deepEqual([(await fee(small)).status, (await fee(small)).paid], ['due', 0]);
  assert.equal(await paidOnline(dossierId), false, 'a fee of the dossier is still due');
});
