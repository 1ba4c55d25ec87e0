/**
 * Home appointments (hẹn giờ thực hiện TTHC tại nhà, M6) through the real door: the public form (consent, robot trap,
 * one request per idempotency key, every bad field named, script kept as text), staff entering a phone call, the slot
 * rules (past, weekend, a holiday of the unit's calendar, outside office hours, another visit of the same person within
 * the travel time), assigning a helper, confirming with the messages and the reminders of the day before queued in the
 * notifications outbox, outcomes recorded on the dossier (pick-up: received through the home channel; delivery: the
 * result returned there), the person's iCalendar feed parsed back, priority groups first, and who may do what.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCalendar } from '../../src/modules/calendar/index.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';

const sys = await startSystem();
const db = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Hẹn Nhà' });
const ward = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Hẹn Giờ' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Bên Cạnh' });
await db.query(`UPDATE units SET phone = '0277 3851 234' WHERE id = $1`, [ward.id]);
const clerk = await makeUser(sys, 'one_stop_clerk', ward);
const helper = await makeUser(sys, 'support_volunteer', ward);
const official = await makeUser(sys, 'specialist', ward);
const outsider = await makeUser(sys, 'one_stop_clerk', other);
await db.query(`UPDATE users SET email = 'tnv.anh@example.vn', full_name = 'Đặng Ngọc Ánh' WHERE id = $1`, [helper.id]);
await db.query(`UPDATE users SET email = 'cv.trang@example.vn' WHERE id = $1`, [official.id]);
const clerkS = await signIn(sys, clerk.username);
const helperS = await signIn(sys, helper.username);
const outsiderS = await signIn(sys, outsider.username);

// ---------- dates: Vietnam local, working days of the ward's calendar ----------
const DAY = 86_400_000;
const vnDate = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const cal = await loadCalendar(sys.platform.db, ward, new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1);
/** The n-th working day (Monday–Thursday, not a holiday) from 3 days ahead. */
function workday(n: number): string {
  let found = 0;
  for (let d = 3; ; d++) {
    const iso = vnDate(Date.now() + d * DAY);
    if ([1, 2, 3, 4].includes(weekday(iso)) && cal.calendar.isWorkingDay(iso) && found++ === n) return iso;
  }
}
const D1 = workday(0);
const D2 = workday(1);
const D3 = workday(2);
const HOLIDAY = workday(3);
const saturday = (() => {
  for (let d = 2; ; d++) {
    const iso = vnDate(Date.now() + d * DAY);
    if (weekday(iso) === 6) return iso;
  }
})();
/** The instant of a Vietnam local date and time. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const dayBefore1600 = (date: string) => new Date(Date.parse(`${date}T16:00:00+07:00`) - DAY).toISOString();
await db.query(`INSERT INTO calendar_entries (unit_id, date, kind, name, source) VALUES ($1, $2, 'holiday', 'Ngày hội văn hóa xã', 'admin')`, [
  ward.id,
  HOLIDAY,
]);

// ---------- the public visitor ----------
let ip = 0;
interface Visitor {
  ip: string;
  cookie: string;
}
const visitor = (): Visitor => ({ ip: `10.88.0.${++ip}`, cookie: '' });
function keep(v: Visitor, setCookie: string | string[] | undefined) {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const sid = list.find((c) => c.startsWith('gd_sid='));
  if (sid) v.cookie = sid.split(';')[0] as string;
}
async function get(v: Visitor, url: string) {
  const res = await sys.app.inject({ method: 'GET', url, remoteAddress: v.ip, headers: { cookie: v.cookie, accept: 'text/html' } });
  keep(v, res.headers['set-cookie']);
  return res;
}
async function post(v: Visitor, url: string, fields: Record<string, string>) {
  const res = await sys.app.inject({
    method: 'POST',
    url,
    remoteAddress: v.ip,
    headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form(fields),
  });
  keep(v, res.headers['set-cookie']);
  return res;
}
async function openForm(v: Visitor) {
  const page = await get(v, '/hen-tai-nha');
  assert.equal(page.statusCode, 200);
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
  const key = page.body.match(/name="key" value="([^"]+)"/)?.[1] as string;
  assert.ok(csrf && key);
  return { page, csrf, key };
}

const citizen = {
  kind: 'pickup',
  unit: ward.code,
  date: D1,
  time: '08:00',
  name: 'Nguyễn Thị Lan',
  phone: '0912 345 678',
  email: 'lan.nguyen@example.vn',
  address: 'Số 15 đường Lý Thường Kiệt, ấp 2',
  priority: 'elderly',
  need: 'Bà 82 tuổi, cần nộp hồ sơ trợ cấp xã hội.',
  procedure: '',
  dossierCode: '',
  consent: 'on',
};

const rowOf = async (code: string) => (await db.query('SELECT * FROM appointments WHERE code = $1', [code])).rows[0];
const json = (res: { body: string }) => JSON.parse(res.body);
async function enter(s: Session, body: Record<string, unknown>) {
  return s.request({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: {
      unit: ward.code,
      kind: 'guidance',
      channel: 'phone',
      date: D2,
      time: '09:00',
      name: 'Trần Văn Minh',
      phone: '0987654321',
      address: 'Số 7 hẻm 3, ấp 4',
      consent: true,
      ...body,
    },
  });
}
const act = (s: Session, code: string, action: string, body: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/v1/appointments/${code}/actions/${action}`, payload: body });

test('a citizen asks for a home visit on the web form: code, status page without personal data, one request per key, robots dropped', async () => {
  const v = visitor();
  const { csrf, key } = await openForm(v);
  const res = await post(v, '/hen-tai-nha', { ...citizen, _csrf: csrf, key, website: '' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const location = res.headers.location as string;
  const code = location.match(/\/hen-tai-nha\/c\/([A-Z0-9]{8})\?da-gui=1$/)?.[1] as string;
  assert.ok(code, location);
  const page = await get(v, location);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(code));
  assert.match(page.body, /Mới yêu cầu/);
  assert.match(page.body, /08:00–08:45/);
  assert.match(page.body, /Miễn phí \(đối tượng ưu tiên\)/);
  for (const secret of ['Nguyễn Thị Lan', '0912', 'lan.nguyen', 'Lý Thường Kiệt']) assert.ok(!page.body.includes(secret), secret);

  const row = await rowOf(code);
  assert.equal(row.channel, 'web');
  assert.equal(row.status, 'requested');
  assert.equal(row.citizen_phone, '0912345678');
  assert.equal(row.free, true);
  assert.ok(row.consent_at);
  assert.equal(new Date(row.slot_start).toISOString(), at(D1, '08:00').toISOString());
  const audit = await db.query(`SELECT after FROM audit_log WHERE action = 'appointment.request' AND entity_id = $1`, [code]);
  assert.equal(audit.rowCount, 1);
  assert.ok(!JSON.stringify(audit.rows[0].after).includes('Lan'), 'no personal data in the audit row');

  const again = await post(v, '/hen-tai-nha', { ...citizen, _csrf: csrf, key, website: '' });
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, location, 'the same key files nothing new');
  const robot = await post(v, '/hen-tai-nha', { ...citizen, _csrf: csrf, key: 'robot-key-123456', website: 'http://spam.example' });
  assert.equal(robot.statusCode, 200);
  assert.match(robot.body, /Đã nhận/);
  assert.equal((await db.query(`SELECT 1 FROM appointments WHERE idempotency_key = 'robot-key-123456'`)).rowCount, 0);
});

test('bad input on the form: each field named, typed text kept, script and HTML shown as text to staff', async () => {
  const v = visitor();
  const { csrf, key } = await openForm(v);
  const bad = await post(v, '/hen-tai-nha', {
    ...citizen,
    _csrf: csrf,
    key,
    phone: '',
    email: 'khong-phai-email',
    date: '2026-02-30',
    time: '25:00',
    consent: '',
    kind: 'delivery',
    name: '<b>Lan</b>',
  });
  assert.equal(bad.statusCode, 400);
  for (const f of ['phone', 'email', 'date', 'time', 'consent', 'dossierCode']) assert.match(bad.body, new RegExp(`id="f-${f}-error"`), f);
  assert.match(bad.body, /Hãy nhập số điện thoại để cán bộ gọi lại hẹn giờ/);
  assert.match(bad.body, /Hãy đánh dấu đồng ý/);
  assert.match(bad.body, /value="&lt;b>Lan&lt;\/b>"/, 'the typed name comes back, escaped');

  const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const ok = await post(v, '/hen-tai-nha', { ...citizen, _csrf: csrf, key, time: '09:00', name: `Bà Tư ${script}`, need: `Cần giúp ${script}` });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
  const code = (ok.headers.location as string).match(/c\/([A-Z0-9]{8})/)?.[1] as string;
  assert.equal((await rowOf(code)).citizen_name, `Bà Tư ${script}`);
  const detail = await clerkS.request({ url: `/quan-tri/hen-tai-nha/${code}` });
  assert.equal(detail.statusCode, 200);
  assert.ok(!detail.body.includes('<script>alert(1)'));
  assert.ok(!detail.body.includes('<img src=x'));
  assert.match(detail.body, /&lt;script>alert\(1\)&lt;\/script>/);
});

test('slot rules: the past, a weekend, a holiday of the unit’s calendar and outside office hours are refused with a clear message', async () => {
  const yesterday = vnDate(Date.now() - DAY);
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ date: yesterday, time: '09:00' }, 'past', /đã qua: hãy chọn một thời điểm sắp tới/],
    [{ date: saturday, time: '09:00' }, 'closed_day', /là Thứ Bảy, ngày nghỉ cuối tuần/],
    [{ date: HOLIDAY, time: '09:00' }, 'closed_day', /là Ngày hội văn hóa xã: không hẹn được/],
    [{ date: D2, time: '06:30' }, 'outside_hours', /06:30–07:15 nằm ngoài giờ làm việc \(07:00–11:30, 13:30–17:00\)/],
    [{ date: D2, time: '11:00' }, 'outside_hours', /11:00–11:45 nằm ngoài giờ làm việc/],
    [{ date: D2, time: '16:30' }, 'outside_hours', /16:30–17:15/],
  ];
  for (const [slot, reason, says] of cases) {
    const res = await enter(clerkS, slot);
    assert.equal(res.statusCode, 422, `${JSON.stringify(slot)}: ${res.body}`);
    const problem = json(res);
    assert.equal(problem.code, 'APPOINTMENT_SLOT_REFUSED');
    assert.equal(problem.reason, reason);
    assert.match(problem.detail, says);
    assert.ok(problem.errors[0].field === 'date' || problem.errors[0].field === 'time');
  }
  // English for an English caller.
  const en = await clerkS.request({
    method: 'POST',
    url: '/api/v1/appointments',
    headers: { 'accept-language': 'en' },
    payload: {
      unit: ward.code,
      kind: 'guidance',
      channel: 'phone',
      date: saturday,
      time: '09:00',
      name: 'Minh',
      phone: '0987654321',
      address: 'Số 7 hẻm 3',
      consent: true,
    },
  });
  assert.match(json(en).detail, /Saturday, a weekly rest day/);
  // The public form shows the same refusal beside the field.
  const v = visitor();
  const { csrf, key } = await openForm(v);
  const page = await post(v, '/hen-tai-nha', { ...citizen, _csrf: csrf, key, date: HOLIDAY });
  assert.equal(page.statusCode, 422);
  assert.match(page.body, /id="f-date-error"[^>]*>[^<]*Ngày hội văn hóa xã/);
  // Consent is required of staff entries too.
  const noConsent = await enter(clerkS, { consent: false });
  assert.equal(noConsent.statusCode, 400);
  assert.equal(json(noConsent).errors[0].field, 'consent');
});

test('staff enter a phone call on the page; reading the request is audited', async () => {
  const newPage = await clerkS.request({ url: `/quan-tri/hen-tai-nha/moi?unit=${ward.code}` });
  assert.equal(newPage.statusCode, 200);
  const key = newPage.body.match(/name="key" value="([^"]+)"/)?.[1] as string;
  const res = await clerkS.request({
    method: 'POST',
    url: '/quan-tri/hen-tai-nha',
    payload: form({
      _csrf: clerkS.csrf,
      key,
      unit: ward.code,
      channel: 'phone',
      kind: 'guidance',
      date: D3,
      time: '14:00',
      name: 'Lê Văn Ba',
      phone: '0909123456',
      address: 'Tổ 5, ấp Tân Hòa',
      priority: '',
      consent: 'on',
    }),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const code = (res.headers.location as string).split('/').pop() as string;
  const row = await rowOf(code);
  assert.equal(row.channel, 'phone');
  assert.equal(Number(row.created_by), Number(clerk.id));
  assert.equal(row.free, false);
  const before = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.read' AND entity_id = $1`, [code])).rows[0].n;
  const detail = await clerkS.request({ url: `/quan-tri/hen-tai-nha/${code}` });
  assert.match(detail.body, /0909123456/);
  assert.match(detail.body, /Điện thoại/);
  const after = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.read' AND entity_id = $1`, [code])).rows[0].n;
  assert.equal(after, before + 1);
  // Zalo, e-mail and Facebook requests entered by staff keep their channel.
  const zalo = await enter(clerkS, { channel: 'zalo', time: '15:30' });
  assert.equal(zalo.statusCode, 201, zalo.body);
  assert.equal(json(zalo).channel, 'zalo');
  const web = await enter(clerkS, { channel: 'web' });
  assert.equal(web.statusCode, 400, 'staff do not file under the web form');
});

test('assigning a helper respects the travel time between visits; confirming queues the messages and the reminders of the day before', async () => {
  const first = json(await enter(clerkS, { date: D1, time: '09:00', email: 'minh@example.vn', priority: 'disabled', kind: 'guidance' }));
  const second = json(await enter(clerkS, { date: D1, time: '09:50', name: 'Phạm Thị Hoa', phone: '0911222333' }));
  assert.equal((await act(clerkS, first.code, 'assign', { assignee: helper.username })).statusCode, 200);
  const clash = await act(clerkS, second.code, 'assign', { assignee: helper.username });
  assert.equal(clash.statusCode, 422, clash.body);
  const p = json(clash);
  assert.equal(p.reason, 'overlap');
  assert.equal(p.otherAppointment, first.code);
  assert.equal(p.errors[0].field, 'assignee');
  assert.match(p.detail, new RegExp(`Trùng lịch với lượt hẹn ${first.code} \\(09:00–09:45 ngày .*\\) của Đặng Ngọc Ánh: cần cách ít nhất 30 phút đi lại`));
  // 09:45 + 30 minutes of travel: 10:15 is free. Proposing tells the citizen.
  const proposed = await act(clerkS, second.code, 'propose', { date: D1, time: '10:15' });
  assert.equal(proposed.statusCode, 200, proposed.body);
  assert.equal(json(proposed).status, 'proposed');
  const assigned = await act(clerkS, second.code, 'assign', { assignee: helper.username });
  assert.equal(assigned.statusCode, 200, assigned.body);
  // Moving it back into the travel time of the first visit is refused, naming the time.
  const back = await act(clerkS, second.code, 'propose', { date: D1, time: '10:00' });
  assert.equal(json(back).reason, 'overlap');
  assert.equal(json(back).errors[0].field, 'time');
  // A unit's longer travel time applies at once.
  await db.query(`INSERT INTO appointment_settings (unit_id, visit_minutes, travel_minutes) VALUES ($1, 45, 60)`, [ward.id]);
  assert.equal(json(await act(clerkS, second.code, 'confirm')).reason, 'overlap');
  await db.query(`DELETE FROM appointment_settings WHERE unit_id = $1`, [ward.id]);
  // Someone who is not of the unit cannot be assigned.
  const stranger = await act(clerkS, first.code, 'assign', { assignee: outsider.username });
  assert.equal(stranger.statusCode, 400);
  assert.equal(json(stranger).errors[0].field, 'assignee');

  const confirmed = await act(clerkS, first.code, 'confirm', { version: json(await clerkS.request({ url: `/api/v1/appointments/${first.code}` })).version });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(json(confirmed).status, 'confirmed');
  assert.equal(json(confirmed).free, true);
  const queued = await db.query(
    `SELECT channel, recipient, subject, body, about, send_after, send_after <= now() + interval '1 second' AS now_ FROM notifications WHERE about LIKE $1 ORDER BY id`,
    [`appointment:${first.code}%`],
  );
  const immediate = queued.rows.filter((r) => r.about === `appointment:${first.code}`);
  const reminders = queued.rows.filter((r) => r.about === `appointment:${first.code}:reminder`);
  assert.deepEqual(immediate.map((r) => `${r.channel}:${r.recipient}`).sort(), ['email:minh@example.vn', 'email:tnv.anh@example.vn', 'sms:0987654321']);
  assert.ok(immediate.every((r) => r.now_));
  const sms = immediate.find((r) => r.channel === 'sms');
  assert.match(sms.body, new RegExp(`xac nhan hen tai nha 09:00–09:45 ngay .*ma ${first.code}`));
  assert.ok(!/[ăâđêôơưạảấầẩẫậ]/.test(sms.body), 'SMS without diacritics');
  const toHelper = immediate.find((r) => r.recipient === 'tnv.anh@example.vn');
  assert.match(toHelper.body, /Người dân: Trần Văn Minh, điện thoại 0987654321/);
  assert.match(toHelper.body, /đối tượng ưu tiên, miễn phí/);
  assert.deepEqual(reminders.map((r) => `${r.channel}:${r.recipient}`).sort(), ['email:minh@example.vn', 'email:tnv.anh@example.vn', 'sms:0987654321']);
  for (const r of reminders) assert.equal(new Date(r.send_after).toISOString(), dayBefore1600(D1), 'the day before at 16:00 Vietnam time');

  // Moving the confirmed visit withdraws its reminders; confirming again queues them for the new day.
  assert.equal((await act(clerkS, first.code, 'propose', { date: D2, time: '08:00' })).statusCode, 200);
  assert.equal((await db.query(`SELECT 1 FROM notifications WHERE about = $1`, [`appointment:${first.code}:reminder`])).rowCount, 0);
  assert.equal((await act(clerkS, first.code, 'confirm')).statusCode, 200);
  const moved = await db.query(`SELECT send_after FROM notifications WHERE about = $1`, [`appointment:${first.code}:reminder`]);
  assert.equal(moved.rowCount, 3);
  for (const r of moved.rows) assert.equal(new Date(r.send_after).toISOString(), dayBefore1600(D2));

  // A stale version is a conflict; a step the status does not allow is named.
  assert.equal((await act(clerkS, first.code, 'assign', { assignee: official.username, version: 1 })).statusCode, 409);
  const early = await act(clerkS, second.code, 'done', {});
  assert.equal(early.statusCode, 409);
  assert.equal(json(early).code, 'APPOINTMENT_ACTION_NOT_ALLOWED');
  assert.match(json(early).detail, /Đã đề xuất giờ khác/);

  // Cancelling withdraws the reminders and tells the citizen why.
  const cancelled = await act(clerkS, first.code, 'cancel', { reason: 'Người dân đã tự đến Bộ phận Một cửa' });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal((await db.query(`SELECT 1 FROM notifications WHERE about = $1`, [`appointment:${first.code}:reminder`])).rowCount, 0);
  const told = await db.query(`SELECT body FROM notifications WHERE about = $1 AND channel = 'sms' ORDER BY id DESC LIMIT 1`, [`appointment:${first.code}`]);
  assert.match(told.rows[0].body, /da huy\. Ly do: Nguoi dan da tu den Bo phan Mot cua/);
});

test('outcomes are recorded on the dossier: a pick-up receives it through the home channel, a delivery returns the result at home', async () => {
  const procedure = await makeProcedure(sys);
  const picked = await receiveDirect(sys, ward, procedure);
  const ready = await receiveDirect(sys, ward, procedure, '001203456780');
  const notReady = await receiveDirect(sys, ward, procedure, '001203456781');
  await db.query(`UPDATE dossiers SET status = 'result_ready', result_at = now() WHERE id = $1`, [ready.id]);
  const nowLocal = new Date(Date.now() - 60_000 + 7 * 3600_000).toISOString();
  const visited = { visitedDate: nowLocal.slice(0, 10), visitedTime: nowLocal.slice(11, 16) };

  const pickup = json(await enter(clerkS, { kind: 'pickup', date: D3, time: '07:00' }));
  await act(clerkS, pickup.code, 'assign', { assignee: official.username });
  await act(clerkS, pickup.code, 'confirm');
  const future = await act(clerkS, pickup.code, 'done', { visitedDate: D3, visitedTime: '07:00' });
  assert.equal(future.statusCode, 400, 'a visit cannot be recorded before it happened');
  const done = await act(clerkS, pickup.code, 'done', { ...visited, dossierCode: picked.code, note: 'Đã nhận đủ giấy tờ' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(json(done).status, 'done');
  assert.equal(json(done).visitedBy, `Cán bộ ${official.username}`);
  const d1 = (await db.query('SELECT channel, status FROM dossiers WHERE id = $1', [picked.id])).rows[0];
  assert.deepEqual(d1, { channel: 'home', status: 'received' });
  const e1 = await db.query(`SELECT action, public_note, internal_note, data FROM dossier_events WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1`, [picked.id]);
  assert.equal(e1.rows[0].action, 'home_pickup');
  assert.equal(e1.rows[0].data.appointment, pickup.code);
  assert.match(e1.rows[0].internal_note, new RegExp(`Hẹn tại nhà ${pickup.code}: Cán bộ`));

  const delivery = json(await enter(clerkS, { kind: 'delivery', date: D3, time: '08:00', dossierCode: ready.code }));
  await act(clerkS, delivery.code, 'confirm');
  const delivered = await act(clerkS, delivery.code, 'done', { ...visited, visitedBy: 'Đặng Ngọc Ánh, Võ Thị Thu Trang' });
  assert.equal(delivered.statusCode, 200, delivered.body);
  const d2 = (await db.query('SELECT status, return_channel, returned_at FROM dossiers WHERE id = $1', [ready.id])).rows[0];
  assert.equal(d2.status, 'returned');
  assert.equal(d2.return_channel, 'home');
  const e2 = await db.query(`SELECT action, data FROM dossier_events WHERE dossier_id = $1 ORDER BY id DESC LIMIT 1`, [ready.id]);
  assert.equal(e2.rows[0].action, 'return_result');
  assert.equal(e2.rows[0].data.returnChannel, 'home');
  assert.equal(e2.rows[0].data.appointment, delivery.code);

  // A result not ready cannot be delivered: nothing is recorded.
  const early = json(await enter(clerkS, { kind: 'delivery', date: D3, time: '09:00', dossierCode: notReady.code }));
  await act(clerkS, early.code, 'confirm');
  const refused = await act(clerkS, early.code, 'done', { ...visited, visitedBy: 'Phạm Minh Đức' });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.match(json(refused).detail, /chưa có kết quả để trả tại nhà/);
  assert.equal((await rowOf(early.code)).status, 'confirmed');
  // The citizen was absent: recorded, the dossier untouched.
  const absent = await act(clerkS, early.code, 'absent', { ...visited, visitedBy: 'Phạm Minh Đức' });
  assert.equal(absent.statusCode, 200, absent.body);
  assert.equal((await db.query('SELECT status FROM dossiers WHERE id = $1', [notReady.id])).rows[0].status, 'received');
  // A dossier of another unit is not found.
  const foreign = await receiveDirect(sys, other, procedure, '001203456782');
  const pick2 = json(await enter(clerkS, { kind: 'pickup', date: D3, time: '10:00' }));
  await act(clerkS, pick2.code, 'confirm');
  const wrong = await act(clerkS, pick2.code, 'done', { ...visited, visitedBy: 'Phạm Minh Đức', dossierCode: foreign.code });
  assert.equal(wrong.statusCode, 404);
  assert.equal((await db.query('SELECT channel FROM dossiers WHERE id = $1', [foreign.id])).rows[0].channel, 'desk');
});

test('the helper sees their visits, records one, and subscribes to their iCalendar feed', async () => {
  const visit = json(await enter(clerkS, { date: D2, time: '13:30', name: 'Võ Văn Tám', address: 'Ấp Mỹ Phú, nhà số 9' }));
  await act(clerkS, visit.code, 'assign', { assignee: helper.username });
  await act(clerkS, visit.code, 'confirm');
  const mine = await helperS.request({ url: '/quan-tri/hen-tai-nha/cua-toi' });
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /Võ Văn Tám/);
  assert.match(mine.body, /13:30–14:15/);
  // The helper cannot open the unit's list or another person's request.
  assert.equal((await helperS.request({ url: `/quan-tri/hen-tai-nha?unit=${ward.code}` })).statusCode, 403);

  const issued = await helperS.request({ method: 'POST', url: '/quan-tri/hen-tai-nha/cua-toi/lich', payload: form({ _csrf: helperS.csrf }) });
  assert.equal(issued.statusCode, 200);
  const url = issued.body.match(/<code class="appt-feed">([^<]+)<\/code>/)?.[1] as string;
  assert.match(url, /^http:\/\/localhost:3000\/lich-hen\/[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(url).pathname;
  const feed = await sys.app.inject({ method: 'GET', url: path });
  assert.equal(feed.statusCode, 200);
  assert.match(feed.headers['content-type'] as string, /^text\/calendar/);
  const text = feed.body.replace(/\r\n[ \t]/g, '');
  const events = text.split('BEGIN:VEVENT').slice(1);
  const ev = events.find((e) => e.includes(`UID:appointment-${visit.code}@localhost:3000`)) as string;
  assert.ok(ev, 'the visit is in the feed');
  const dtstart = ev.match(/DTSTART(?:;[^:]*)?:(\d{8}T\d{6}Z?)/)?.[1] as string;
  const iso = `${dtstart.slice(0, 4)}-${dtstart.slice(4, 6)}-${dtstart.slice(6, 8)}T${dtstart.slice(9, 11)}:${dtstart.slice(11, 13)}:${dtstart.slice(13, 15)}Z`;
  assert.equal(new Date(iso).toISOString(), at(D2, '13:30').toISOString());
  assert.match(ev, /SUMMARY:Hướng dẫn kê khai\\, thực hiện thủ tục tại nhà: Võ Văn Tám/);
  assert.match(ev, /LOCATION:Ấp Mỹ Phú\\, nhà số 9/);
  assert.match(ev, /STATUS:CONFIRMED/);
  // A new address disables the old one.
  await helperS.request({ method: 'POST', url: '/quan-tri/hen-tai-nha/cua-toi/lich', payload: form({ _csrf: helperS.csrf }) });
  assert.equal((await sys.app.inject({ method: 'GET', url: path })).statusCode, 404);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/lich-hen/khong-co.ics' })).statusCode, 404);

  // The helper records their own visit; someone else's is not found.
  const nowLocal = new Date(Date.now() - 60_000 + 7 * 3600_000).toISOString();
  const fields = { _csrf: helperS.csrf, outcome: 'done', visitedBy: 'Đặng Ngọc Ánh', visitedDate: nowLocal.slice(0, 10), visitedTime: nowLocal.slice(11, 16) };
  const notMine = json(await enter(clerkS, { date: D2, time: '15:00' }));
  await act(clerkS, notMine.code, 'confirm');
  assert.equal(
    (await helperS.request({ method: 'POST', url: `/quan-tri/hen-tai-nha/cua-toi/${notMine.code}/ket-qua`, payload: form(fields) })).statusCode,
    404,
  );
  const rec = await helperS.request({ method: 'POST', url: `/quan-tri/hen-tai-nha/cua-toi/${visit.code}/ket-qua`, payload: form(fields) });
  assert.equal(rec.statusCode, 303, rec.body.slice(0, 500));
  const row = await rowOf(visit.code);
  assert.equal(row.status, 'done');
  assert.equal(row.visited_by, 'Đặng Ngọc Ánh');
});

test('priority groups come first in the list, then by time; other units see nothing', async () => {
  await enter(clerkS, { date: D1, time: '07:00', name: 'Người Thường Sớm' });
  await enter(clerkS, { date: D3, time: '16:00', name: 'Cụ Ưu Tiên Muộn', priority: 'seriously_ill' });
  const list = await clerkS.request({ url: `/api/v1/appointments?unit=${ward.code}&status=requested&pageSize=100` });
  assert.equal(list.statusCode, 200);
  const items = json(list).items as { free: boolean; slotStart: string; citizenName: string }[];
  const firstPlain = items.findIndex((i) => !i.free);
  assert.ok(firstPlain > 0);
  assert.ok(
    items.slice(firstPlain).every((i) => !i.free),
    'every priority request comes before the others',
  );
  for (let i = 1; i < firstPlain; i++) assert.ok((items[i - 1] as { slotStart: string }).slotStart <= (items[i] as { slotStart: string }).slotStart);
  assert.ok(items.findIndex((i) => i.citizenName === 'Cụ Ưu Tiên Muộn') < items.findIndex((i) => i.citizenName === 'Người Thường Sớm'));
  const page = await clerkS.request({ url: `/quan-tri/hen-tai-nha?unit=${ward.code}` });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.indexOf('Cụ Ưu Tiên Muộn') < page.body.indexOf('Người Thường Sớm'));
  assert.match(page.body, /Ưu tiên · miễn phí/);

  const theirs = json(await outsiderS.request({ url: '/api/v1/appointments' }));
  assert.equal(theirs.total, 0);
  const code = items[0] ? json(await clerkS.request({ url: `/api/v1/appointments?unit=${ward.code}` })).items[0].code : '';
  assert.equal((await outsiderS.request({ url: `/api/v1/appointments/${code}` })).statusCode, 403);
  assert.equal((await outsiderS.request({ url: `/quan-tri/hen-tai-nha/${code}` })).statusCode, 403);
  assert.equal((await act(outsiderS, code, 'cancel', { reason: 'thử quyền' })).statusCode, 403);
  assert.equal((await outsiderS.request({ url: '/api/v1/appointments/ABCDEFGH' })).statusCode, 404);
});

test('the JSON routes are documented in the OpenAPI document', async () => {
  const doc = json(await sys.app.inject({ url: '/api/v1/openapi.json' }));
  assert.ok(doc.paths['/api/v1/appointments'].get && doc.paths['/api/v1/appointments'].post);
  assert.ok(doc.paths['/api/v1/appointments/{code}'].get);
  const action = doc.paths['/api/v1/appointments/{code}/actions/{action}'].post;
  assert.ok(action.requestBody);
  assert.ok(action.responses['422']);
});
