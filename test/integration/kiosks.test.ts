/**
 * The listing kiosk, the LED board and the board messages through the real HTTP routes: the kiosk shows only what is
 * published and in force for its unit, its version changes when a publication or a message changes what it shows,
 * the board rotates the "4 xin, 4 luôn, 5 không" commitments with today's figures and reminders, and officials edit
 * the messages with validation, permissions and an audit trail.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { csrfFrom, form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { receiveDirect } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const at = (local: string) => dossierClock.set(`${local}+07:00`);
at('2026-03-02T09:00:00'); // a Monday

const province = await makeUnit(sys, { name: 'Tỉnh Niêm Yết' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Niêm Yết' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Bên Cạnh' });

const admin = await signIn(sys, (await makeUser(sys, 'system_admin', province, { subtree: true })).username);
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);
const specialist = await signIn(sys, (await makeUser(sys, 'specialist', commune)).username);
const otherClerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', other)).username);

let n = 0;
const nextCode = () => `8.${String(process.pid % 1000).padStart(3, '0')}${String(n++).padStart(3, '0')}`;

function spec(code: string, name: string, field: string): ProcedureSpec {
  return {
    code,
    name,
    field,
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: { value: 5, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: [{ kind: 'le_phi', name: 'Lệ phí cấp bản sao', amountVnd: 8000, note: null, exemptions: [] }],
    documents: [
      { name: 'Tờ khai theo mẫu', copies: 1, kind: 'original', formTemplate: null },
      { name: 'Giấy tờ tùy thân', copies: 1, kind: 'present_original', formTemplate: null },
    ],
    steps: [],
    legalBasis: [],
    result: 'Bản sao trích lục',
    onlineLevel: 'partial',
    sameDayEligible: false,
    unverified: [],
  };
}

/** A procedure carried by `units`: a draft, or published from `from` (optionally withdrawn from `withdrawFrom`). */
async function procedure(opts: { name: string; field: string; from?: string; withdrawFrom?: string; units?: UnitRow[] }): Promise<string> {
  const code = nextCode();
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec(code, opts.name, opts.field));
    if (opts.from) await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, opts.from);
  });
  for (const u of opts.units ?? [commune]) await carry(u, code);
  if (opts.withdrawFrom) {
    const res = await admin.request({ method: 'POST', url: `/api/v1/procedures/${code}/withdraw`, payload: { effectiveTo: opts.withdrawFrom } });
    assert.ok(res.statusCode < 300, res.body);
  }
  return code;
}

async function carry(unit: UnitRow, code: string) {
  await sys.platform.pool.query('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2 ON CONFLICT DO NOTHING', [
    unit.id,
    code,
  ]);
}

const get = (url: string) => sys.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const version = async (unit: UnitRow, board = false) => {
  const res = await sys.app.inject({ method: 'GET', url: `/kiosk/${unit.code}${board ? '/bang-led' : ''}/version` });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { version: string }).version;
};

const birth = await procedure({ name: 'Đăng ký khai sinh', field: 'Hộ tịch', from: '2025-07-01' });
const copy = await procedure({ name: 'Cấp bản sao trích lục hộ tịch', field: 'Hộ tịch', from: '2025-07-01' });
const certify = await procedure({ name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', from: '2025-07-01' });
const draft = await procedure({ name: 'Thủ tục đất đai còn nháp', field: 'Đất đai' });
const withdrawn = await procedure({ name: 'Thủ tục đất đai đã bãi bỏ', field: 'Đất đai', from: '2025-07-01', withdrawFrom: '2025-09-01' });
const future = await procedure({ name: 'Thủ tục đất đai chưa có hiệu lực', field: 'Đất đai', from: '2099-01-01' });
const elsewhere = await procedure({ name: 'Thủ tục của xã bên cạnh', field: 'Nuôi con nuôi', from: '2025-07-01', units: [other] });

test('the kiosk lists only the procedures published and in force for its unit, by field, down to each one’s details', async () => {
  const start = await get(`/kiosk/${commune.code}`);
  assert.equal(start.statusCode, 200);
  assert.match(start.headers['content-type'] as string, /text\/html/);
  assert.ok(start.body.includes('<html lang="vi">'));
  assert.ok(start.body.includes('Xã Niêm Yết'));
  assert.ok(start.body.includes('/kiosk/' + commune.code + '/linh-vuc/ho-tich'), 'Hộ tịch tile');
  assert.ok(start.body.includes('2 thủ tục'), 'two Hộ tịch procedures');
  assert.ok(start.body.includes('/linh-vuc/chung-thuc'));
  for (const absent of ['Đất đai', 'Nuôi con nuôi', 'dat-dai']) assert.ok(!start.body.includes(absent), `${absent} must not show`);
  assert.ok(start.body.includes('Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00'), 'office hours');
  assert.ok(start.body.includes('4 xin'), 'the commitments on the start screen');
  assert.ok(start.body.includes('src="/static/kiosk.js"'));
  assert.ok(!/<script>|style="/.test(start.body), 'no inline script or style');

  const field = await get(`/kiosk/${commune.code}/linh-vuc/ho-tich?idle=2`);
  assert.equal(field.statusCode, 200);
  assert.ok(field.body.includes('Đăng ký khai sinh') && field.body.includes('Cấp bản sao trích lục hộ tịch'));
  assert.ok(!field.body.includes('Chứng thực bản sao'));
  assert.ok(field.body.includes(`/kiosk/${commune.code}/thu-tuc/${birth}?idle=2`), 'the idle setting travels with the links');
  assert.ok(field.body.includes(`href="/kiosk/${commune.code}?idle=2"`), 'Back and Home');

  assert.ok((await get(`/kiosk/${commune.code}/linh-vuc/chung-thuc`)).body.includes(`/thu-tuc/${certify}`));

  const detail = await get(`/kiosk/${commune.code}/thu-tuc/${copy}`);
  assert.equal(detail.statusCode, 200);
  for (const text of [
    'Giấy tờ cần mang theo',
    'Tờ khai theo mẫu',
    'xuất trình bản chính',
    '5 ngày làm việc',
    '8.000 đồng',
    'Nộp trực tuyến một phần',
    'Bản sao trích lục',
  ]) {
    assert.ok(detail.body.includes(text), text);
  }
  assert.ok(detail.body.includes(`href="/kiosk/${commune.code}/linh-vuc/ho-tich"`), 'Back goes to the field');

  for (const code of [draft, withdrawn, future, elsewhere]) {
    const res = await get(`/kiosk/${commune.code}/thu-tuc/${code}`);
    assert.equal(res.statusCode, 404, code);
    assert.ok(res.body.includes('Thủ tục không được niêm yết tại đây'), code);
    assert.ok(res.body.includes('Trang đầu'));
  }
  assert.equal((await get(`/kiosk/${commune.code}/linh-vuc/dat-dai`)).statusCode, 404);
  assert.equal((await get(`/kiosk/${commune.code}/thu-tuc/khong-phai-ma`)).statusCode, 404);
  // The procedure carried by the other unit shows on that unit's kiosk.
  assert.ok((await get(`/kiosk/${other.code}`)).body.includes('Nuôi con nuôi'));
});

test('an unknown unit gets a clear Vietnamese 404 screen; a merged unit’s kiosk moves to its successor', async () => {
  const res = await get('/kiosk/khong-co-don-vi-nay');
  assert.equal(res.statusCode, 404);
  assert.ok(res.body.includes('Không tìm thấy đơn vị'));
  assert.ok(res.body.includes('Không có đơn vị mã “khong-co-don-vi-nay”'));
  assert.equal((await get('/kiosk/KHONG HOP LE')).statusCode, 404);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/kiosk/khong-co-don-vi-nay/version' })).statusCode, 404);

  const a = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Cũ' });
  const b = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Mới' });
  const merged = await admin.request({ method: 'POST', url: `/api/v1/units/${a.code}/merge`, payload: { into: b.code, date: '2025-07-01' } });
  assert.ok(merged.statusCode < 300, merged.body);
  const moved = await get(`/kiosk/${a.code}/bang-led?rotate=3`);
  assert.equal(moved.statusCode, 302);
  assert.equal(moved.headers.location, `/kiosk/${b.code}/bang-led?rotate=3`);
});

test('the version changes when a procedure is published for the unit or a message is edited, and only then', async () => {
  const v1 = await version(commune);
  assert.match(v1, /^[0-9a-f]{32}$/);
  assert.equal(await version(commune), v1, 'stable while nothing changes');
  const etag = await sys.app.inject({ method: 'GET', url: `/kiosk/${commune.code}/version`, headers: { 'if-none-match': `"${v1}"` } });
  assert.equal(etag.statusCode, 304);

  // A draft, and a publication for another unit, change nothing here.
  const code = nextCode();
  await inTransaction(sys.platform.db, (tx) => createProcedure(tx, systemActor('test'), spec(code, 'Đăng ký kết hôn', 'Hộ tịch')));
  await carry(commune, code);
  await procedure({ name: 'Thủ tục khác của xã bên cạnh', field: 'Hộ tịch', from: '2025-07-01', units: [other] });
  assert.equal(await version(commune), v1);

  const published = await admin.request({ method: 'POST', url: `/api/v1/procedures/${code}/publish`, payload: { effectiveFrom: '2026-03-01' } });
  assert.ok(published.statusCode < 300, published.body);
  const v2 = await version(commune);
  assert.notEqual(v2, v1, 'a publication in force today changes the version');
  assert.ok((await get(`/kiosk/${commune.code}/linh-vuc/ho-tich`)).body.includes('Đăng ký kết hôn'));

  const messages = (await sys.app.inject({ method: 'GET', url: `/api/v1/kiosks/${commune.code}/messages` })).json() as { items: { id: number }[] };
  const edit = await clerk.request({
    method: 'PATCH',
    url: `/api/v1/kiosks/${commune.code}/messages/${messages.items[0]?.id}`,
    payload: { text: 'Xin chào! Mời công dân lấy số thứ tự.' },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const v3 = await version(commune);
  assert.notEqual(v3, v2, 'a message edit changes the version');
  const b1 = await version(commune, true);
  await clerk.request({ method: 'PATCH', url: `/api/v1/kiosks/${commune.code}/messages/${messages.items[0]?.id}`, payload: { enabled: false } });
  assert.notEqual(await version(commune, true), b1, 'the board version follows the messages too');
});

test('the LED board rotates the commitments, today’s figures and the reminder to close returned dossiers', async () => {
  const unit = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Phường Bảng Điện Tử' });
  const bossUser = await makeUser(sys, 'system_admin', province, { subtree: true });
  const boss = await signIn(sys, bossUser.username);
  const p = await procedure({ name: 'Đăng ký thường trú', field: 'Cư trú', from: '2025-07-01', units: [unit] });

  // A new unit starts with the seed's commitments, word for word.
  const empty = await get(`/kiosk/${unit.code}/bang-led`);
  assert.equal(empty.statusCode, 200);
  for (const text of [
    'Cán bộ, công chức, viên chức: luôn quyết tâm thực hiện tốt “4 xin”, “4 luôn” và “5 không”.',
    '“4 xin”: Xin chào, xin lỗi, xin cảm ơn, xin phép.',
    '“4 luôn”: Luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ.',
    '“5 không”: Không cửa quyền, hách dịch, gây khó khăn, phiền hà; không quan liêu, vô cảm, vô trách nhiệm; không tham nhũng, lãng phí, lợi ích nhóm; không xu nịnh, chạy chọt, gian dối; không lợi dụng chức vụ, quyền hạn trong thực thi công vụ.',
  ]) {
    assert.ok(empty.body.includes(text), text);
  }
  assert.ok(empty.body.includes('data-figure="received">0<'));
  assert.ok(!empty.body.includes('data-reminder'), 'no reminder when nothing waits');
  assert.ok(!/<script>|style="/.test(empty.body));

  // Monday: three dossiers received; one goes all the way to its return.
  at('2026-03-02T08:30:00');
  const monday = [await receiveDirect(sys, unit, p), await receiveDirect(sys, unit, p), await receiveDirect(sys, unit, p)];
  const step = async (code: string, slug: string, body: Record<string, unknown> = {}) => {
    const cur = (await boss.request({ url: `/api/v1/dossiers/${code}` })).json() as { version: number };
    const res = await boss.request({ method: 'POST', url: `/api/v1/dossiers/${code}/actions/${slug}`, payload: { version: cur.version, ...body } });
    assert.equal(res.statusCode, 200, `${slug}: ${res.body}`);
  };
  const toResult = async (code: string) => {
    await step(code, 'accept');
    await step(code, 'start-processing', { toUnit: unit.code, assignee: bossUser.username });
    await step(code, 'submit');
    await step(code, 'approve');
    await step(code, 'result-ready');
  };
  const b0 = await version(unit, true);
  await toResult(monday[0]!.code);
  await step(monday[0]!.code, 'return', { returnChannel: 'desk' });
  assert.notEqual(await version(unit, true), b0, 'new figures change the board version');

  // Tuesday: one more received, one more settled and waiting for collection.
  at('2026-03-03T10:00:00');
  await receiveDirect(sys, unit, p);
  await toResult(monday[1]!.code);
  const board = await get(`/kiosk/${unit.code}/bang-led`);
  assert.ok(board.body.includes('Hôm nay 03/03/2026'));
  assert.ok(board.body.includes('data-figure="received">1<'), 'received today');
  assert.ok(board.body.includes('data-figure="settled">1<'), 'settled today');
  assert.ok(board.body.includes('data-figure="in-progress">2<'), 'still being handled');
  assert.ok(board.body.includes('Có 1 hồ sơ đã có kết quả'), 'results waiting for collection');
  assert.ok(board.body.includes('Nhắc cán bộ: 1 hồ sơ đã trả kết quả nhưng chưa bấm kết thúc'), 'the forgot-to-close reminder');
  assert.ok(!board.body.includes('Nguyễn Văn Thử') && !board.body.includes(monday[0]!.code), 'no personal data or codes on a public board');
  assert.ok(board.body.indexOf('4 xin') < board.body.indexOf('Hôm nay'), 'messages first, then the figures');
});

test('officials edit the messages through the API: validation, order, switch, dates, delete, audit and scope', async () => {
  const unit = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Thông Điệp' });
  const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', unit)).username);
  const url = `/api/v1/kiosks/${unit.code}/messages`;
  const list = async () => (await sys.app.inject({ method: 'GET', url })).json() as { day: string; items: { id: number; text: string; position: number }[] };
  assert.equal((await list()).items.length, 4);

  const bad = async (payload: unknown, field: string) => {
    const res = await leader.request({ method: 'POST', url, payload });
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.ok(
      (res.json() as { errors: { field: string }[] }).errors.some((e) => e.field === field),
      `${field}: ${res.body}`,
    );
  };
  await bad({ text: '' }, 'text');
  await bad({ text: '   ' }, 'text');
  await bad({ text: 'x'.repeat(301) }, 'text');
  await bad({ text: 'Ngày sai', validFrom: '2026-03-10', validTo: '2026-03-01' }, 'validTo');
  await bad({ text: 'Ngày sai', validFrom: '10/03/2026' }, 'validFrom');

  const created = await leader.request({ method: 'POST', url, payload: { text: '  Hôm nay   Bộ phận Một cửa\nlàm việc đến 17:00.  ', position: 1 } });
  assert.equal(created.statusCode, 201, created.body);
  const msg = created.json() as { id: number; text: string; position: number };
  assert.equal(msg.text, 'Hôm nay Bộ phận Một cửa làm việc đến 17:00.');
  assert.equal(msg.position, 1);
  assert.deepEqual(
    (await list()).items.map((m) => m.position),
    [1, 2, 3, 4, 5],
  );
  const x300 = await leader.request({ method: 'POST', url, payload: { text: 'ư'.repeat(300), enabled: false } });
  assert.equal(x300.statusCode, 201, '300 characters is the limit, not over it');
  assert.equal((await list()).items.length, 5, 'a switched-off message is not in the public list');

  const moved = await leader.request({ method: 'PATCH', url: `${url}/${msg.id}`, payload: { position: 3 } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal((await list()).items[2]?.id, msg.id);

  const dated = await leader.request({ method: 'PATCH', url: `${url}/${msg.id}`, payload: { validFrom: '2026-04-01' } });
  assert.equal(dated.statusCode, 200);
  assert.ok(!(await list()).items.some((m) => m.id === msg.id), 'not shown before its first day');
  assert.equal((await leader.request({ method: 'PATCH', url: `${url}/${msg.id}`, payload: { validTo: '2026-03-01' } })).statusCode, 400);
  assert.equal((await leader.request({ method: 'PATCH', url: `${url}/${msg.id}`, payload: {} })).statusCode, 400);

  assert.equal((await leader.request({ method: 'DELETE', url: `${url}/${msg.id}` })).statusCode, 204);
  assert.equal((await leader.request({ method: 'DELETE', url: `${url}/${msg.id}` })).statusCode, 404);
  assert.deepEqual(
    (await list()).items.map((m) => m.position),
    [1, 2, 3, 4],
    'positions close up after a delete',
  );

  // Scope: the clerk of another unit, a specialist, an anonymous caller.
  assert.equal((await otherClerk.request({ method: 'POST', url, payload: { text: 'Không được' } })).statusCode, 403);
  assert.equal((await specialist.request({ method: 'POST', url: `/api/v1/kiosks/${commune.code}/messages`, payload: { text: 'Không được' } })).statusCode, 403);
  assert.equal((await sys.app.inject({ method: 'POST', url, payload: { text: 'Không được' } })).statusCode, 401);
  const firstOfOther = (await sys.app.inject({ method: 'GET', url: `/api/v1/kiosks/${commune.code}/messages` })).json() as { items: { id: number }[] };
  assert.equal(
    (await leader.request({ method: 'PATCH', url: `${url}/${firstOfOther.items[0]?.id}`, payload: { text: 'Sửa tin của đơn vị khác' } })).statusCode,
    404,
    'a message id of another unit is not found under this unit',
  );
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/kiosks/khong-co/messages' })).statusCode, 404);

  const audit = await sys.platform.pool.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE entity_type = 'kiosk_message' AND unit_id = $1 ORDER BY id",
    [unit.id],
  );
  assert.deepEqual(
    audit.rows.map((r) => r.action),
    ['kiosk_message.create', 'kiosk_message.create', 'kiosk_message.move', 'kiosk_message.update', 'kiosk_message.delete'],
  );
});

test('the staff page lists, adds, edits, reorders, switches and deletes messages without JavaScript', async () => {
  const unit = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Trang Quản Trị' });
  const desk: Session = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unit)).username);
  const page = await desk.request({ url: '/quan-tri/bang-led', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Xã Trang Quản Trị'), 'the clerk’s own unit by default');
  assert.ok(page.body.includes('“4 luôn”'));
  assert.ok(page.body.includes('href="/quan-tri/bang-led"'), 'the staff navigation links the page');
  const csrf = csrfFrom(page.body);
  const post = (url: string, fields: Record<string, string>) =>
    desk.request({ method: 'POST', url, payload: form({ _csrf: csrf, ...fields }), headers: { accept: 'text/html' } });

  const invalid = await post('/quan-tri/bang-led', { unit: unit.code, text: '', validFrom: '2026-05-02', validTo: '2026-05-01', enabled: 'on' });
  assert.equal(invalid.statusCode, 400);
  assert.ok(invalid.body.includes('class="error-summary"'));
  assert.ok(invalid.body.includes('href="#f-text"'), 'the summary links the text box');
  assert.ok(invalid.body.includes('value="2026-05-02"'), 'the input comes back');
  const backwards = await post('/quan-tri/bang-led', { unit: unit.code, text: 'Lịch tiếp công dân', validFrom: '2026-05-02', validTo: '2026-05-01' });
  assert.equal(backwards.statusCode, 400);
  assert.ok(backwards.body.includes('href="#f-validTo"') && backwards.body.includes('Lịch tiếp công dân'));

  const added = await post('/quan-tri/bang-led', { unit: unit.code, text: 'Lịch tiếp công dân: sáng thứ Năm hằng tuần', enabled: 'on' });
  assert.equal(added.statusCode, 303);
  const rows = async () =>
    (
      await sys.platform.pool.query<{ id: string; body: string; position: number; enabled: boolean }>(
        'SELECT id, body, position, enabled FROM kiosk_messages WHERE unit_id = $1 ORDER BY position',
        [unit.id],
      )
    ).rows;
  const mine = (await rows()).find((r) => r.body.startsWith('Lịch tiếp'))!;
  assert.equal(mine.position, 5);

  assert.equal((await post(`/quan-tri/bang-led/${mine.id}/thu-tu`, { direction: 'up' })).statusCode, 303);
  assert.equal((await rows())[3]?.id, mine.id);
  assert.equal((await post(`/quan-tri/bang-led/${mine.id}/trang-thai`, { enabled: 'false' })).statusCode, 303);
  assert.equal((await rows()).find((r) => r.id === mine.id)?.enabled, false);

  const edit = await desk.request({ url: `/quan-tri/bang-led/${mine.id}`, headers: { accept: 'text/html' } });
  assert.equal(edit.statusCode, 200);
  assert.ok(edit.body.includes('Lịch tiếp công dân: sáng thứ Năm hằng tuần'));
  const tooLong = await post(`/quan-tri/bang-led/${mine.id}`, { text: 'a'.repeat(301), enabled: 'on' });
  assert.equal(tooLong.statusCode, 400);
  assert.ok(tooLong.body.includes('class="error-summary"'));
  assert.equal((await post(`/quan-tri/bang-led/${mine.id}`, { text: 'Tiếp công dân: sáng thứ Năm', enabled: 'on' })).statusCode, 303);
  assert.deepEqual(
    (await rows()).find((r) => r.id === mine.id),
    { id: mine.id, body: 'Tiếp công dân: sáng thứ Năm', position: 4, enabled: true },
  );

  assert.equal((await post(`/quan-tri/bang-led/${mine.id}/xoa`, {})).statusCode, 303);
  assert.equal((await rows()).length, 4);
  // Another unit's clerk cannot touch this unit's messages.
  const first = (await rows())[0]!;
  const otherPage = await otherClerk.request({ url: '/quan-tri/bang-led', headers: { accept: 'text/html' } });
  const res = await otherClerk.request({
    method: 'POST',
    url: `/quan-tri/bang-led/${first.id}/xoa`,
    payload: form({ _csrf: csrfFrom(otherPage.body) }),
    headers: { accept: 'text/html' },
  });
  assert.equal(res.statusCode, 403);
  assert.equal((await desk.request({ url: `/quan-tri/bang-led?unit=${other.code}`, headers: { accept: 'text/html' } })).statusCode, 403);
});
