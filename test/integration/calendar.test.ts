import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { System } from '../../src/compose.ts';
import { dueDate, seedOfficialSchedules } from '../../src/modules/calendar/index.ts';
import { createUnit, type UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { csrfFrom, form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';

let sys: System;
let province: UnitRow;
let commune: UnitRow;
let admin: Session;
let clerk: Session;
let communeOfficer: Session;

const get = (url: string, headers: Record<string, string> = {}) => sys.app.inject({ method: 'GET', url, headers });
const json = (res: { body: string }) => JSON.parse(res.body);

// One system for the file: startSystem registers its clean-up on the file's root, so it is called at top level.
async function setUp(): Promise<void> {
  sys = await startSystem();
  // compose.ts seeds at start-up once the lead wires it; calling again is a no-op then.
  await seedOfficialSchedules(sys.platform.db);
  province = await makeUnit(sys, { name: 'Tỉnh Đồng Tháp', code: 'dong-thap' });
  commune = await makeUnit(sys, { parent: province, name: 'Xã Mỹ Trà', code: 'my-tra' });
  // A ward that rests on Sunday only and receives on Saturday mornings.
  await inTransaction(sys.platform.db, (tx) =>
    createUnit(
      tx,
      systemActor('test'),
      {
        code: 'phuong-thu-bay',
        name: 'Phường Làm Thứ Bảy',
        kind: 'ward',
        adminCode: null,
        weekendDays: [0],
        officeHours: [
          { days: [1, 2, 3, 4, 5, 6], open: '07:00', close: '11:30' },
          { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
        ],
      },
      province,
    ),
  );
  admin = await signIn(sys, (await makeUser(sys, 'system_admin', province, { subtree: true })).username);
  clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);
  communeOfficer = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', commune)).username);
}
await setUp();

test('seeding is idempotent and never inserts pending days', async () => {
  assert.deepEqual(await seedOfficialSchedules(sys.platform.db), []);
  const res = json(await get('/api/v1/calendar/years/2026'));
  assert.equal(res.notices.length, 1);
  assert.match(res.notices[0].notice, /9441\/TB-BNV/);
  assert.equal(
    res.days.some((d: { date: string }) => d.date === '2026-11-24'),
    false,
  );
});

const DAYS: { label: string; url: string; working: boolean; kind: string; reason?: RegExp; lunar?: object }[] = [
  {
    label: 'Tết 2025 mùng 1 (Thông báo 6150)',
    url: '/api/v1/calendar/day?date=2025-01-29',
    working: false,
    kind: 'holiday',
    reason: /^Tết Nguyên đán \(mùng 1 tháng Giêng\) – Thông báo 6150\/TB-LĐTBXH$/,
    lunar: { day: 1, month: 1, year: 2025, leap: false },
  },
  { label: 'Monday 03/02/2025 is worked: the notice replaces the default Tết', url: '/api/v1/calendar/day?date=2025-02-03', working: true, kind: 'weekday' },
  {
    label: 'Tết 2026 mùng 4 (Thông báo 9441)',
    url: '/api/v1/calendar/day?date=2026-02-20',
    working: false,
    kind: 'holiday',
    reason: /mùng 4 tháng Giêng\) – Thông báo 9441\/TB-BNV/,
  },
  {
    label: '2025 swap: Friday 02/5 off',
    url: '/api/v1/calendar/day?date=2025-05-02',
    working: false,
    kind: 'day_off',
    reason: /Nghỉ hoán đổi, làm bù thứ Bảy 26\/4\/2025/,
  },
  {
    label: '2025 swap: Saturday 26/4 worked',
    url: '/api/v1/calendar/day?date=2025-04-26',
    working: true,
    kind: 'make_up_working_day',
    reason: /^Ngày làm bù cho thứ Sáu 02\/5\/2025/,
  },
  { label: '30/4/2025', url: '/api/v1/calendar/day?date=2025-04-30', working: false, kind: 'holiday', reason: /Ngày Chiến thắng/ },
  {
    label: '2/9/2026',
    url: '/api/v1/calendar/day?date=2026-09-02',
    working: false,
    kind: 'holiday',
    reason: /^Quốc khánh \(2\/9\) – Thông báo 9441\/TB-BNV$/,
    lunar: { day: 21, month: 7, year: 2026, leap: false },
  },
  { label: 'Monday 31/8/2026 swapped off', url: '/api/v1/calendar/day?date=2026-08-31', working: false, kind: 'day_off' },
  { label: 'Saturday 22/8/2026 worked', url: '/api/v1/calendar/day?date=2026-08-22', working: true, kind: 'make_up_working_day' },
  { label: 'an ordinary Saturday', url: '/api/v1/calendar/day?date=2026-03-07', working: false, kind: 'weekend', reason: /^Cuối tuần$/ },
  {
    label: 'the same Saturday at a ward resting on Sunday only',
    url: '/api/v1/calendar/day?date=2026-03-07&unit=phuong-thu-bay',
    working: true,
    kind: 'weekday',
  },
  {
    label: 'a commune inherits the national schedule',
    url: '/api/v1/calendar/day?date=2026-02-17&unit=my-tra',
    working: false,
    kind: 'holiday',
    reason: /mùng 1/,
  },
  {
    label: '2027 has no notice: statutory default Tết',
    url: '/api/v1/calendar/day?date=2027-02-08',
    working: false,
    kind: 'holiday',
    reason: /^Tết Nguyên đán \(mùng 3 tháng Giêng\)$/,
  },
];

test('day: real days of 2025–2027 with reasons and lunar dates', async () => {
  for (const c of DAYS) {
    const res = await get(c.url);
    assert.equal(res.statusCode, 200, `${c.label}: ${res.body}`);
    const body = json(res);
    assert.equal(body.working, c.working, c.label);
    assert.equal(body.kind, c.kind, c.label);
    if (c.reason) assert.match(body.reason, c.reason, c.label);
    if (c.lunar) assert.deepEqual(body.lunar, c.lunar, c.label);
  }
});

const ADDS: { label: string; query: string; date: string; countsFrom?: string; skippedIncludes?: string[] }[] = [
  { label: 'Friday before Tết 2025, 3 days', query: 'from=2025-01-24&days=3', date: '2025-02-05', skippedIncludes: ['2025-01-27', '2025-01-29', '2025-02-02'] },
  { label: 'Friday before Tết 2026, 5 days', query: 'from=2026-02-13&days=5', date: '2026-02-27', skippedIncludes: ['2026-02-16', '2026-02-22'] },
  { label: 'make-up Saturday 26/4/2025 counts', query: 'from=2025-04-25&days=1', date: '2025-04-26' },
  { label: 'across 30/4–1/5/2025 with the swap', query: 'from=2025-04-29&days=2', date: '2025-05-06' },
  { label: 'across Quốc khánh 2026 (29/8–2/9 off)', query: 'from=2026-08-28&days=1', date: '2026-09-03' },
  { label: 'the ward working Saturdays', query: 'from=2026-03-06&days=1&unit=phuong-thu-bay', date: '2026-03-07' },
  {
    label: 'received 16:00 with a 15:00 cut-off: counts from the next working day',
    query: 'from=2025-03-11T16:00:00%2B07:00&days=1&cutoff=15:00',
    date: '2025-03-13',
    countsFrom: '2025-03-12',
  },
  { label: 'received 14:00 with a 15:00 cut-off', query: 'from=2025-03-11T14:00:00%2B07:00&days=1&cutoff=15:00', date: '2025-03-12', countsFrom: '2025-03-11' },
  { label: 'received 09:30Z (16:30 in Vietnam) with a 15:00 cut-off', query: 'from=2025-03-11T09:30:00Z&days=1&cutoff=15:00', date: '2025-03-13' },
  { label: '0 days', query: 'from=2026-03-03&days=0', date: '2026-03-03' },
];

test('add-working-days: due dates across Tết, swaps, make-up Saturdays and cut-off hours', async () => {
  for (const c of ADDS) {
    const res = await get(`/api/v1/calendar/add-working-days?${c.query}`);
    assert.equal(res.statusCode, 200, `${c.label}: ${res.body}`);
    const body = json(res);
    assert.equal(body.date, c.date, c.label);
    if (c.countsFrom) assert.equal(body.countsFrom, c.countsFrom, c.label);
    for (const d of c.skippedIncludes ?? [])
      assert.ok(
        body.skipped.some((s: { date: string }) => s.date === d),
        `${c.label}: ${d} skipped`,
      );
    assert.ok(
      body.skipped.every((s: { reason: string }) => s.reason.length > 0),
      c.label,
    );
  }
  const tet = json(await get('/api/v1/calendar/add-working-days?from=2026-02-13&days=5'));
  assert.deepEqual(
    tet.skipped.find((s: { date: string }) => s.date === '2026-02-17'),
    { date: '2026-02-17', reason: 'Tết Nguyên đán (mùng 1 tháng Giêng) – Thông báo 9441/TB-BNV' },
  );
  assert.equal(tet.dueAt, '2026-02-27T17:00:00+07:00');
  assert.equal(tet.unit, null);
});

test('dueDate for other modules: an 8-working-hour limit from 14:00 on a Friday ends 14:00 Monday', async () => {
  const due = await dueDate(sys.platform.db, { unitCode: 'my-tra', from: '2025-03-14T14:00:00+07:00', workingHours: 8 });
  assert.equal(due.date, '2025-03-17');
  assert.equal(due.dueAt, '2025-03-17T14:00:00+07:00');
  const acrossTet = await dueDate(sys.platform.db, { unitId: commune.id, from: new Date('2026-02-13T09:00:00Z'), workingDays: 5, cutoffHour: '15:00' });
  assert.equal(acrossTet.date, '2026-03-02');
  assert.equal(acrossTet.countsFrom, '2026-02-23');
  const national = await dueDate(sys.platform.db, { from: '2025-01-24', workingDays: 250 });
  assert.equal(national.unit, null);
  assert.equal(national.date.slice(0, 4), '2026');
});

test('working-days-between and the year view', async () => {
  const between = json(await get('/api/v1/calendar/working-days-between?from=2026-02-13&to=2026-02-27'));
  assert.deepEqual(between, { from: '2026-02-13', to: '2026-02-27', unit: null, workingDays: 5 });
  const year = json(await get('/api/v1/calendar/years/2026'));
  assert.equal(year.year, 2026);
  assert.deepEqual(year.weekendDays, [0, 6]);
  const tet = year.days.find((d: { date: string }) => d.date === '2026-02-17');
  assert.equal(tet.source, 'notice');
  assert.equal(tet.notice, 'Thông báo 9441/TB-BNV');
  assert.equal(year.days.find((d: { date: string }) => d.date === '2026-01-01').source, 'statutory');
  assert.equal(year.days.find((d: { date: string }) => d.date === '2026-03-07').source, 'weekly_rest');
  assert.equal(year.days.find((d: { date: string }) => d.date === '2026-01-10').working, true);
});

test('an administrator adds 24/11/2026 through the API; the day becomes non-working with that reason', async () => {
  const before = json(await get('/api/v1/calendar/day?date=2026-11-24'));
  assert.equal(before.working, true);
  const created = await admin.request({
    method: 'POST',
    url: '/api/v1/calendar/entries',
    payload: { date: '2026-11-24', kind: 'holiday', name: 'Ngày Văn hóa Việt Nam', notice: 'Nghị quyết 80-NQ/TW' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const entry = json(created);
  assert.equal(entry.source, 'admin');
  assert.equal(entry.unit, null);
  const after = json(await get('/api/v1/calendar/day?date=2026-11-24'));
  assert.equal(after.working, false);
  assert.equal(after.reason, 'Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW)');
  assert.equal(json(await get('/api/v1/calendar/add-working-days?from=2026-11-23&days=1')).date, '2026-11-25');

  const again = await admin.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: { date: '2026-11-24', kind: 'holiday', name: 'Lặp lại' } });
  assert.equal(again.statusCode, 409);
  assert.equal(json(again).code, 'CONFLICT');
  assert.match(json(again).detail, /Ngày 24\/11\/2026 đã có mục “Ngày Văn hóa Việt Nam”/);

  const audit = await sys.platform.pool.query("SELECT action FROM audit_log WHERE entity_type = 'calendar_entry' AND entity_id = $1", [String(entry.id)]);
  assert.deepEqual(
    audit.rows.map((r) => r.action),
    ['calendar.entry.create'],
  );

  const removed = await admin.request({ method: 'DELETE', url: `/api/v1/calendar/entries/${entry.id}` });
  assert.equal(removed.statusCode, 204);
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-11-24')).working, true);
  assert.equal((await admin.request({ method: 'DELETE', url: `/api/v1/calendar/entries/${entry.id}` })).statusCode, 404);
});

test('who may change which calendar', async () => {
  const national = { date: '2026-12-24', kind: 'day_off', name: 'Nghỉ thử' };
  const byClerk = await clerk.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: national });
  assert.equal(byClerk.statusCode, 403);
  // A commune's home-affairs officer manages the commune's calendar, not the national one.
  const byOfficer = await communeOfficer.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: national });
  assert.equal(byOfficer.statusCode, 403);
  assert.match(json(byOfficer).detail, /lịch chung toàn quốc/);
  const otherUnit = await communeOfficer.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: { ...national, unit: 'phuong-thu-bay' } });
  assert.equal(otherUnit.statusCode, 403);
  const own = await communeOfficer.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: { ...national, unit: 'my-tra' } });
  assert.equal(own.statusCode, 201, own.body);
  assert.equal(json(own).unit, 'my-tra');
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-12-24&unit=my-tra')).working, false);
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-12-24')).working, true);
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-12-24&unit=dong-thap')).working, true);
  const year = await communeOfficer.request({
    method: 'PUT',
    url: '/api/v1/calendar/years/2027',
    payload: { notice: 'Thông báo thử', replacesStatutory: true },
  });
  assert.equal(year.statusCode, 403);
  // Deleting a national entry needs the national power too.
  const tetRow = json(await get('/api/v1/calendar/years/2026')).days.find((d: { date: string }) => d.date === '2026-02-17');
  assert.equal((await communeOfficer.request({ method: 'DELETE', url: `/api/v1/calendar/entries/${tetRow.entryId}` })).statusCode, 403);
});

test('anonymous callers cannot change the calendar', async () => {
  // A stranger with a session and a valid form token (from the sign-in page) is told to sign in.
  const page = await get('/dang-nhap');
  const cookie = String(page.headers['set-cookie']).split(';')[0] as string;
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/entries',
    headers: { cookie, 'x-csrf-token': csrfFrom(page.body) },
    payload: { date: '2026-12-25', kind: 'holiday', name: 'Không được' },
  });
  assert.equal(res.statusCode, 401);
  assert.equal(json(res).code, 'UNAUTHENTICATED');
  const stranger = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/entries',
    payload: { date: '2026-12-25', kind: 'holiday', name: 'Không được' },
  });
  assert.equal(stranger.statusCode, 401);
  assert.match(json(stranger).title, /Bạn cần đăng nhập/);
  const noSession = await sys.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/years/2027',
    headers: { authorization: 'Bearer sai' },
    payload: { notice: 'x y', replacesStatutory: true },
  });
  assert.equal(noSession.statusCode, 401);
  assert.equal((await get('/quan-tri/lich')).statusCode, 401);
  const html = await get('/quan-tri/lich', { accept: 'text/html' });
  assert.equal(html.statusCode, 303);
});

const BAD: { url: string; status: number; field?: string; vi: RegExp; en: RegExp }[] = [
  {
    url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=-1',
    status: 400,
    field: 'days',
    vi: /“days”.*số nguyên từ 0 đến 3650/,
    en: /“days”.*whole number from 0 to 3650/,
  },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=99999', status: 400, field: 'days', vi: /“days”/, en: /“days”/ },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=abc', status: 400, field: 'days', vi: /“days”/, en: /“days”/ },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=1.5', status: 400, field: 'days', vi: /“days”/, en: /“days”/ },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-13', status: 400, field: 'days', vi: /“days”/, en: /“days”/ },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-30&days=1', status: 400, field: 'from', vi: /“from”.*ngày có thật/, en: /“from”.*real date/ },
  { url: '/api/v1/calendar/add-working-days?from=1899-12-31&days=1', status: 400, field: 'from', vi: /“from”.*1900–2100/, en: /“from”/ },
  { url: '/api/v1/calendar/add-working-days?from=hom-nay&days=1', status: 400, field: 'from', vi: /“from”/, en: /“from”/ },
  { url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=1&cutoff=25:00', status: 400, field: 'cutoff', vi: /“cutoff”.*HH:MM/, en: /“cutoff”/ },
  {
    url: '/api/v1/calendar/add-working-days?from=2026-02-13&days=1&unit=khong-co',
    status: 404,
    vi: /Không có đơn vị mã "khong-co"/,
    en: /No unit with code "khong-co"/,
  },
  { url: '/api/v1/calendar/day?date=2026-02-30', status: 400, field: 'date', vi: /“date”/, en: /“date”/ },
  { url: '/api/v1/calendar/day?date=2026-02-17&unit=khong-co', status: 404, vi: /khong-co/, en: /khong-co/ },
  { url: '/api/v1/calendar/working-days-between?from=2026-01-01&to=2026-13-01', status: 400, field: 'to', vi: /“to”/, en: /“to”/ },
  { url: '/api/v1/calendar/working-days-between?from=1990-01-01&to=2026-01-01', status: 400, field: 'to', vi: /20 năm/, en: /20 years/ },
  { url: '/api/v1/calendar/years/3000', status: 400, field: 'year', vi: /1900 đến 2100/, en: /1900 to 2100/ },
];

test('bad input: 400 or 404 with Vietnamese messages naming the field, English on request', async () => {
  for (const c of BAD) {
    const vi = await get(c.url);
    assert.equal(vi.statusCode, c.status, `${c.url}: ${vi.body}`);
    assert.match(String(vi.headers['content-type']), /application\/problem\+json/);
    const bodyVi = json(vi);
    const textVi = c.field ? bodyVi.errors.find((e: { field: string }) => e.field === c.field)?.message : bodyVi.detail;
    assert.ok(textVi, `${c.url}: no message for ${c.field ?? 'detail'} in ${vi.body}`);
    assert.match(textVi, c.vi, c.url);
    const en = json(await get(c.url, { 'accept-language': 'en' }));
    const textEn = c.field ? en.errors.find((e: { field: string }) => e.field === c.field)?.message : en.detail;
    assert.match(textEn, c.en, `${c.url} (en)`);
  }
});

test('invalid entries are refused field by field and nothing is written', async () => {
  const count = async () => Number((await sys.platform.pool.query('SELECT count(*) AS n FROM calendar_entries')).rows[0].n);
  const audits = async () => Number((await sys.platform.pool.query("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'calendar.%'")).rows[0].n);
  const [n0, a0] = [await count(), await audits()];
  const res = await admin.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: { date: '2026-02-30', kind: 'nghi', name: '' } });
  assert.equal(res.statusCode, 400);
  const fields = json(res)
    .errors.map((e: { field: string }) => e.field)
    .sort();
  assert.deepEqual(fields, ['date', 'kind', 'name']);
  assert.match(json(res).errors.find((e: { field: string }) => e.field === 'date').message, /Ngày không hợp lệ/);
  const old = await admin.request({ method: 'POST', url: '/api/v1/calendar/entries', payload: { date: '1800-01-01', kind: 'holiday', name: 'Quá xưa' } });
  assert.equal(old.statusCode, 400);
  const noUnit = await admin.request({
    method: 'POST',
    url: '/api/v1/calendar/entries',
    payload: { date: '2026-06-01', kind: 'holiday', name: 'Thử', unit: 'khong-co' },
  });
  assert.equal(noUnit.statusCode, 404);
  const year = await admin.request({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload: { notice: '', replacesStatutory: 'sometimes' } });
  assert.equal(year.statusCode, 400);
  assert.equal(await count(), n0);
  assert.equal(await audits(), a0);
});

test("recording a year's notice replaces the statutory Tết defaults with the entered entries", async () => {
  assert.equal(json(await get('/api/v1/calendar/day?date=2027-02-09')).working, false);
  const res = await admin.request({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload: { notice: 'Thông báo 1234/TB-BNV', replacesStatutory: true } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(json(res), { year: 2027, unit: null, notice: 'Thông báo 1234/TB-BNV', replacesStatutory: true });
  // Nothing entered for Tết 2027 yet: only the fixed-date holidays remain.
  assert.equal(json(await get('/api/v1/calendar/day?date=2027-02-09')).working, true);
  assert.equal(json(await get('/api/v1/calendar/day?date=2027-04-30')).working, false);
  const tet = await admin.request({
    method: 'POST',
    url: '/api/v1/calendar/entries',
    payload: { date: '2027-02-09', kind: 'holiday', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)', notice: 'Thông báo 1234/TB-BNV' },
  });
  assert.equal(tet.statusCode, 201);
  assert.equal(json(await get('/api/v1/calendar/day?date=2027-02-09')).reason, 'Tết Nguyên đán (mùng 4 tháng Giêng) (Thông báo 1234/TB-BNV)');
  const view = json(await get('/api/v1/calendar/years/2027'));
  assert.equal(view.notices[0].notice, 'Thông báo 1234/TB-BNV');
  const supplementary = await admin.request({
    method: 'PUT',
    url: '/api/v1/calendar/years/2027',
    payload: { notice: 'Thông báo 1234/TB-BNV', replacesStatutory: false },
  });
  assert.equal(supplementary.statusCode, 200);
  assert.equal(json(await get('/api/v1/calendar/day?date=2027-02-08')).working, false);
});

test('the year page shows twelve months with Vietnamese holiday names, reasons as text, and forms for managers', async () => {
  const page = await clerk.request({ url: '/quan-tri/lich?year=2026' });
  assert.equal(page.statusCode, 200);
  assert.equal((page.body.match(/class="cal-month"/g) ?? []).length, 12);
  assert.match(page.body, /Tháng 2\/2026/);
  assert.match(page.body, /<td class="off" title="Tết Nguyên đán \(mùng 1 tháng Giêng\) – Thông báo 9441\/TB-BNV">17<sup>L<\/sup><\/td>/);
  assert.match(page.body, /17\/02 \(L\)<\/strong>: Tết Nguyên đán \(mùng 1 tháng Giêng\)/);
  assert.match(page.body, /<td class="makeup" title="Ngày làm bù cho thứ Sáu 02\/01\/2026/);
  assert.match(page.body, /Quốc khánh \(2\/9\)/);
  assert.match(page.body, /LB: ngày làm bù/);
  assert.doesNotMatch(page.body, /action="\/quan-tri\/lich\/muc"/, 'a clerk gets no add form');
  assert.doesNotMatch(page.body, /\/xoa"/, 'a clerk gets no delete buttons');

  const en = await clerk.request({ url: '/quan-tri/lich?year=2026&lang=en' });
  assert.match(en.body, /February 2026/);

  const ward = await clerk.request({ url: '/quan-tri/lich?year=2026&unit=phuong-thu-bay' });
  assert.match(ward.body, /Phường Làm Thứ Bảy/);
  assert.match(ward.body, /Chủ nhật \(ô màu xám\)/);

  const managed = await admin.request({ url: '/quan-tri/lich?year=2026' });
  assert.match(managed.body, /action="\/quan-tri\/lich\/muc"/);
  assert.match(managed.body, /action="\/quan-tri\/lich\/nam"/);
  assert.match(managed.body, /Xóa mục 17\/02/);

  assert.equal((await clerk.request({ url: '/quan-tri/lich?unit=khong-co', headers: { accept: 'text/html' } })).statusCode, 404);
});

test('the page forms add an entry, re-render with errors, and delete', async () => {
  const bad = await admin.request({
    method: 'POST',
    url: '/quan-tri/lich/muc',
    payload: form({ _csrf: admin.csrf, year: '2026', date: '2026-02-31', kind: 'holiday', name: '' }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /Ngày không hợp lệ/);
  const ok = await admin.request({
    method: 'POST',
    url: '/quan-tri/lich/muc',
    payload: form({
      _csrf: admin.csrf,
      year: '2026',
      unit: 'my-tra',
      date: '2026-10-05',
      kind: 'day_off',
      name: 'Nghỉ bầu cử thử',
      notice: '',
      scope: 'my-tra',
    }),
  });
  assert.equal(ok.statusCode, 303, ok.body);
  assert.equal(ok.headers.location, '/quan-tri/lich?year=2026&unit=my-tra');
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-10-05&unit=my-tra')).reason, 'Nghỉ bầu cử thử');
  const dup = await admin.request({
    method: 'POST',
    url: '/quan-tri/lich/muc',
    payload: form({ _csrf: admin.csrf, year: '2026', unit: 'my-tra', date: '2026-10-05', kind: 'holiday', name: 'Lặp', scope: 'my-tra' }),
  });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /đã có mục “Nghỉ bầu cử thử”/);
  const view = json(await get('/api/v1/calendar/years/2026?unit=my-tra'));
  const id = view.days.find((d: { date: string }) => d.date === '2026-10-05').entryId;
  const del = await admin.request({ method: 'POST', url: `/quan-tri/lich/muc/${id}/xoa`, payload: form({ _csrf: admin.csrf, year: '2026', unit: 'my-tra' }) });
  assert.equal(del.statusCode, 303);
  assert.equal(json(await get('/api/v1/calendar/day?date=2026-10-05&unit=my-tra')).working, true);
  const notice = await admin.request({
    method: 'POST',
    url: '/quan-tri/lich/nam',
    payload: form({ _csrf: admin.csrf, year: '2028', yearNotice: '', replacesStatutory: 'true' }),
  });
  assert.equal(notice.statusCode, 400);
  assert.match(notice.body, /id="f-yearNotice"/);
});
