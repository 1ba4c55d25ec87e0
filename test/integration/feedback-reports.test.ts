/**
 * The feedback report over a small known set: received by channel and category, answered on time and late in the
 * handling unit's calendar, open and overdue at the end of the period, ratings, reopenings; the Excel export read
 * back with its Vietnamese text; bad periods; "no data" instead of 0 % or 100 %; permissions by unit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkFeedback, receiveFeedback } from '../../src/modules/feedback/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const db = sys.platform.db;
const q = (text: string, params: unknown[] = []) => sys.platform.pool.query(text, params);
const province = await makeUnit(sys, { name: 'Tỉnh Báo Cáo Phản Ánh' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Đông Hòa' });
const sibling = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Tây Sơn' });
await q(`INSERT INTO feedback_categories (code, name, answer_days) VALUES ('giao-thong', 'Giao thông', 10), ('moi-truong', 'Môi trường', 10)`);

async function receive(unit: { code: string }, at: string, channel: 'web' | 'hotline' | 'zalo', category: string) {
  const c = checkFeedback({ description: 'Phản ánh thử nghiệm cho báo cáo', category }, { channel });
  if (!c.ok) throw new Error('bad input');
  return receiveFeedback(db, systemActor('test'), { channel, item: c.value, addressedUnitCode: unit.code, now: new Date(at) });
}

// Monday 2 March 2026: 10 working days later is Monday 16 March, 17:00.
const onTime = await receive(ward, '2026-03-02T09:00:00+07:00', 'web', 'giao-thong');
const late = await receive(ward, '2026-03-02T09:10:00+07:00', 'hotline', 'giao-thong');
const openOverdue = await receive(ward, '2026-03-02T09:20:00+07:00', 'zalo', 'moi-truong');
const openInTime = await receive(ward, '2026-03-25T09:00:00+07:00', 'web', 'moi-truong');
await receive(sibling, '2026-03-03T09:00:00+07:00', 'web', 'giao-thong');
await receive(ward, '2026-02-10T09:00:00+07:00', 'web', 'giao-thong'); // before the period, still open
const answer = (code: string, at: string) =>
  q(`UPDATE feedback SET status = 'answered', answer = 'Đã xử lý xong', answered_at = $2 WHERE code = $1`, [code, at]);
await answer(onTime.code, '2026-03-16T16:00:00+07:00');
await answer(late.code, '2026-03-17T08:00:00+07:00');
await q(`UPDATE feedback SET rating = 'hai_long', rated_at = '2026-03-18T10:00:00+07:00' WHERE code = $1`, [onTime.code]);
await q(`UPDATE feedback SET rating = 'khong_hai_long', rated_at = '2026-03-18T10:00:00+07:00', reopen_count = 1 WHERE code = $1`, [late.code]);

// A radio dialogue held on 10 March with two commitments: one kept on 20 March (deadline 25 March), one still open
// past its deadline of 20 March.
const dialogue = await q(
  `INSERT INTO dialogues (unit_id, kind, title, starts_at, ends_at, place, status, summary)
   VALUES ($1, 'radio', 'Đối thoại về trật tự đô thị', '2026-03-10T08:00:00+07:00', '2026-03-10T10:00:00+07:00', 'Đài truyền thanh phường', 'held', 'Đã trao đổi') RETURNING id`,
  [ward.id],
);
await q(
  `INSERT INTO dialogue_commitments (dialogue_id, text, owner_unit_id, deadline, status, outcome, closed_at, created_at)
   VALUES ($1, 'Sửa đèn đường', $2, '2026-03-25', 'done', 'Đã sửa xong', '2026-03-20T10:00:00+07:00', '2026-03-10T10:00:00+07:00'),
          ($1, 'Dẹp lấn chiếm vỉa hè', $2, '2026-03-20', 'open', NULL, NULL, '2026-03-10T10:00:00+07:00')`,
  [dialogue.rows[0].id, ward.id],
);

const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const provinceLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', province, { subtree: true })).username);

test('the ward report counts by channel and category, on time against the deadline, and open/overdue at the end of March', async () => {
  const res = await leader.request({ url: `/api/v1/reports/feedback?unit=${ward.code}&from=2026-03-01&to=2026-03-31` });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.equal(r.received, 4);
  assert.deepEqual(Object.fromEntries(r.byChannel.map((c: { channel: string; received: number }) => [c.channel, c.received])), { web: 2, hotline: 1, zalo: 1 });
  assert.deepEqual(r.answered, { total: 2, onTime: 1, late: 1, onTimeRate: 0.5 });
  // Open on 31 March: the Zalo item (due 16 March, overdue), the 25 March one (in time) and the February one (overdue).
  assert.deepEqual(r.open, { total: 3, overdue: 2 });
  assert.equal(r.reopened, 1);
  assert.equal(r.satisfaction.total, 2);
  assert.equal(r.satisfaction.satisfiedShare, 0.5);
  const traffic = r.byCategory.find((c: { code: string }) => c.code === 'giao-thong');
  assert.deepEqual({ received: traffic.received, answered: traffic.answered, onTime: traffic.answeredOnTime }, { received: 2, answered: 2, onTime: 1 });
  assert.ok(openOverdue.code && openInTime.code);
  assert.deepEqual(r.dialogues, { held: { radio: 1, businessCoffee: 0 }, commitments: { open: 1, overdue: 1, doneInPeriod: 1, doneOnTimeInPeriod: 1 } });
});

test('a period with no feedback says "no data", not 0 % or 100 %', async () => {
  const r = (await leader.request({ url: `/api/v1/reports/feedback?unit=${ward.code}&from=2025-01-01&to=2025-01-31` })).json();
  assert.equal(r.answered.onTimeRate, null);
  assert.equal(r.satisfaction.satisfiedShare, null);
  const page = await leader.request({ url: `/bao-cao/phan-anh?unit=${ward.code}&from=2025-01-01&to=2025-01-31`, headers: { accept: 'text/html' } });
  assert.match(page.body, /Không có dữ liệu/);
  assert.doesNotMatch(page.body, /0 %|100 %/);
});

test('the province leader sees the subtree; the ward leader may not see the sibling; bad periods are named', async () => {
  const all = (await provinceLeader.request({ url: `/api/v1/reports/feedback?unit=${province.code}&from=2026-03-01&to=2026-03-31&subtree=true` })).json();
  assert.equal(all.received, 5);
  assert.deepEqual(
    all.byUnit.map((u: { name: string }) => u.name),
    ['Phường Đông Hòa', 'Phường Tây Sơn'],
  );
  const denied = await leader.request({ url: `/api/v1/reports/feedback?unit=${sibling.code}&from=2026-03-01&to=2026-03-31` });
  assert.equal(denied.statusCode, 403);
  const inverted = await leader.request({ url: `/api/v1/reports/feedback?unit=${ward.code}&from=2026-03-31&to=2026-03-01` });
  assert.equal(inverted.statusCode, 400);
  assert.match(inverted.body, /querystring\.to/);
  const page = await leader.request({ url: `/bao-cao/phan-anh?unit=${ward.code}&from=2026-02-30&to=2026-03-01`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Ngày bắt đầu không hợp lệ/);
});

test('the Excel export holds the same figures with Vietnamese text intact', async () => {
  const res = await provinceLeader.request({ url: `/bao-cao/phan-anh.xlsx?unit=${province.code}&from=2026-03-01&to=2026-03-31&subtree=1` });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const cells: Record<string, unknown> = {};
  ws.eachRow((row) => {
    cells[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  assert.equal(cells['Phản ánh, kiến nghị tiếp nhận trong kỳ'], '5');
  assert.equal(cells['Tỷ lệ trả lời đúng hạn'], '50 %');
  assert.equal(cells['Phường Tây Sơn'], 1);
  assert.ok(Object.keys(cells).some((k) => k.includes('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ')));
});
