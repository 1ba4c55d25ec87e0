/**
 * The outreach report (issue 8 item 6) over a small hand-computed set: home visits requested, done, on time and
 * absent; fees paid by transfer and in cash per counter; the Excel export read back; "no data" where nothing
 * happened; other units refused.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const q = (text: string, params: unknown[] = []) => sys.platform.pool.query(text, params);
const province = await makeUnit(sys, { name: 'Tỉnh Tận Nơi' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Tận Nơi' });
const other = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Khác' });
const procedure = await makeProcedure(sys, { days: 3 });

// Home visits in March 2026: one done within its slot (priority), one done after it, one absent, one only requested.
const visit = (code: string, status: string, priority: string | null, visitedAt: string | null) =>
  q(
    `INSERT INTO appointments (code, unit_id, kind, channel, status, citizen_name, citizen_phone, address, priority_group, consent_at,
       requested_start, slot_start, slot_end, visited_at, visited_by, outcome_at, created_at)
     VALUES ($1, $2, 'pickup', 'web', $3, 'Người Dân Thử', '0912000777', 'Số 1 đường Thử', $4, '2026-03-02T08:00:00+07:00',
       '2026-03-05T08:00:00+07:00', '2026-03-05T08:00:00+07:00', '2026-03-05T08:45:00+07:00', $5::timestamptz,
       CASE WHEN $5::timestamptz IS NOT NULL THEN 'Cán bộ Thử' END,
       CASE WHEN $3 IN ('done', 'absent') THEN coalesce($5::timestamptz, '2026-03-05T09:00:00+07:00') END, '2026-03-02T08:00:00+07:00')`,
    [code, ward.id, status, priority, visitedAt],
  );
await visit('AAAA2222', 'done', 'elderly', '2026-03-05T08:30:00+07:00');
await visit('BBBB3333', 'done', null, '2026-03-05T10:00:00+07:00');
await visit('CCCC4444', 'absent', null, '2026-03-05T08:20:00+07:00');
await visit('DDDD5555', 'requested', null, null);

dossierClock.set('2026-03-02T09:00:00+07:00');
const d = await inTransaction(sys.platform.db, (tx) =>
  receiveDossier(
    tx,
    systemActor('test'),
    ward,
    { unit: ward.code, procedure, channel: 'desk', applicant: { name: 'Lê Thị Phí', phone: '0912000888' } },
    dossierClock.now(),
    null,
  ),
);
dossierClock.set(null);
const fee = (ref: string, by: 'transfer' | 'cash', counter: string | null, amount: number) =>
  q(
    `INSERT INTO dossier_fees (dossier_id, unit_id, kind, name, amount_vnd, reference, counter, status, paid_vnd, paid_by, paid_at)
     VALUES ($1, $2, 'fee', 'Lệ phí', $3, $4, $5, 'paid', $3, $6, '2026-03-03T10:00:00+07:00')`,
    [d.id, ward.id, amount, ref, counter, by],
  );
await fee('GDAAAAAAA2', 'transfer', 'Quầy 1', 20000);
await fee('GDBBBBBBB3', 'transfer', 'Quầy 1', 30000);
await fee('GDCCCCCCC4', 'cash', null, 10000);

const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const period = `unit=${ward.code}&from=2026-03-01&to=2026-03-31`;

test('home visits and fees in March match the hand count', async () => {
  const res = await leader.request({ url: `/api/v1/reports/outreach?${period}` });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.deepEqual(r.homeVisits, { requested: 4, priority: 1, done: 2, doneOnTime: 1, absent: 1, cancelled: 0, onTimeRate: 0.5 });
  assert.equal(r.fees.transferCount, 2);
  assert.equal(r.fees.cashCount, 1);
  assert.equal(r.fees.transferVnd, 50000);
  assert.equal(r.fees.cashVnd, 10000);
  assert.equal(Math.round(r.fees.cashlessRate * 1000), 667);
  assert.deepEqual(
    r.fees.counters.map((c: { counter: string | null; cashlessRate: number }) => [c.counter, c.cashlessRate]),
    [
      [null, 0],
      ['Quầy 1', 1],
    ],
  );
  assert.equal(r.support.total, 0);
  assert.equal(r.postal.receivedByPost, 0);
});

test('the page says "no data" for a rate with nothing behind it, and the Excel file holds the same lines', async () => {
  const page = await leader.request({ url: `/bao-cao/phuc-vu?unit=${ward.code}&from=2026-01-01&to=2026-01-31`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Không có dữ liệu/);
  const x = await leader.request({ url: `/bao-cao/phuc-vu.xlsx?${period}` });
  assert.equal(x.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const cells: Record<string, unknown> = {};
  wb.worksheets[0]?.eachRow((row) => {
    cells[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  assert.equal(cells['Tỷ lệ đúng hẹn'], '50 %');
  assert.equal(cells['Tỷ lệ không dùng tiền mặt'], '66,7 %');
  assert.equal(cells['– Quầy 1'], '100 %');
  assert.ok(Object.keys(cells).some((k) => k.includes('BÁO CÁO PHỤC VỤ NGƯỜI DÂN TẬN NƠI')));
});

test('another unit is refused and a bad period is named', async () => {
  assert.equal((await leader.request({ url: `/api/v1/reports/outreach?unit=${other.code}&from=2026-03-01&to=2026-03-31` })).statusCode, 403);
  const bad = await leader.request({ url: `/api/v1/reports/outreach?unit=${ward.code}&from=2026-03-31&to=2026-03-01` });
  assert.equal(bad.statusCode, 400);
});
