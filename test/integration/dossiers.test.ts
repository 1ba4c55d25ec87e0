/**
 * Dossiers through the real API, from receipt to closing on each path, with the dossier clock set to chosen moments
 * (Vietnam time) and the official 2026 calendar seeded by the migrations.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, test } from 'node:test';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';
import { multipart } from './procedures-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const province = await makeUnit(sys, { name: 'Tỉnh Hồ Sơ' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Hồ Sơ' });
const police = await makeUnit(sys, { parent: province, kind: 'police', name: 'Công an xã Hồ Sơ' });
const other = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Khác' });

const users = {
  clerk: await makeUser(sys, 'one_stop_clerk', commune),
  clerk2: await makeUser(sys, 'one_stop_clerk', commune),
  specialist: await makeUser(sys, 'specialist', commune),
  leader: await makeUser(sys, 'unit_leader', commune, { subtree: true }),
  policeOfficer: await makeUser(sys, 'specialist', police),
  otherClerk: await makeUser(sys, 'one_stop_clerk', other),
};
const s: Record<keyof typeof users, Session> = {} as never;
for (const [k, u] of Object.entries(users)) s[k as keyof typeof users] = await signIn(sys, u.username);

const p3 = await makeProcedure(sys, { days: 3, name: 'Đăng ký khai sinh (thử)' });
const pCutoff = await makeProcedure(sys, { days: 2, cutoff: '15:00' });

type Dossier = {
  code: string;
  status: string;
  version: number;
  dueDate: string;
  dueAt: string;
  countsFrom: string;
  pausedWorkingDays: number;
  extensionCount: number;
  timeline: { action: string; note: string | null; toUnit: string | null }[];
  milestones: Record<string, string | null>;
  allowedActions: string[];
  attachments: { sha256: string }[];
};

const at = (local: string) => dossierClock.set(`${local}+07:00`);

async function receive(session: Session, opts: { procedure?: string; unit?: string; key?: string; name?: string } = {}) {
  return session.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: opts.key ? { 'idempotency-key': opts.key } : {},
    payload: {
      unit: opts.unit ?? commune.code,
      procedure: opts.procedure ?? p3,
      channel: 'desk',
      applicant: { name: opts.name ?? 'Nguyễn Văn Án', idNumber: '001203456789', phone: '0912 344 567', address: 'Ấp 1, xã Hồ Sơ' },
      documents: ['Tờ khai', 'Giấy chứng sinh'],
    },
  });
}

async function received(session: Session = s.clerk, opts: Parameters<typeof receive>[1] = {}): Promise<Dossier> {
  const res = await receive(session, opts);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Dossier;
}

async function act(session: Session, d: Dossier, slug: string, body: Record<string, unknown> = {}) {
  return session.request({ method: 'POST', url: `/api/v1/dossiers/${d.code}/actions/${slug}`, payload: { version: d.version, ...body } });
}

async function step(session: Session, d: Dossier, slug: string, body: Record<string, unknown> = {}): Promise<Dossier> {
  const res = await act(session, d, slug, body);
  assert.equal(res.statusCode, 200, `${slug}: ${res.body}`);
  return res.json() as Dossier;
}

/** accepted → … → closed, the normal way. */
async function toClosed(d: Dossier, opts: { handOverToPolice?: boolean } = {}): Promise<Dossier> {
  if (d.status === 'received') d = await step(s.clerk, d, 'accept');
  if (d.status === 'accepted') d = await step(s.clerk, d, 'start-processing', { toUnit: commune.code, assignee: users.specialist.username });
  if (opts.handOverToPolice) {
    d = await step(s.specialist, d, 'hand-over', { toUnit: police.code, assignee: users.policeOfficer.username, note: 'Chuyển Công an xác minh cư trú' });
    d = await step(s.policeOfficer, d, 'submit');
  } else d = await step(s.specialist, d, 'submit', { note: 'Đủ điều kiện, trình ký' });
  d = await step(s.leader, d, 'approve');
  d = await step(s.specialist, d, 'result-ready');
  d = await step(s.clerk, d, 'return', { returnChannel: 'desk', publicNote: 'Đã trả kết quả tại Bộ phận Một cửa' });
  return step(s.clerk, d, 'close');
}

const tracking = (code: string, check: string) => sys.app.inject({ method: 'GET', url: `/api/v1/tracking?code=${encodeURIComponent(code)}&check=${check}` });

test('on time: receipt to closing, a code in the national format, every step on the timeline and in the audit log', async () => {
  at('2026-03-02T09:00:00'); // Monday
  let d = await received();
  assert.match(d.code, /^[A-Z0-9.]+-260302-\d{4}$/);
  assert.equal(d.status, 'received');
  assert.equal(d.dueDate, '2026-03-05', '3 working days after Monday');
  assert.equal(d.dueAt, '2026-03-05T10:00:00.000Z', 'end of office hours, 17:00 in Vietnam');
  d = await toClosed(d);
  assert.equal(d.status, 'closed');
  assert.deepEqual(
    d.timeline.map((e) => e.action),
    ['receive', 'accept', 'start_processing', 'submit_for_approval', 'approve', 'mark_result_ready', 'return_result', 'close'],
  );
  for (const m of ['acceptedAt', 'processingStartedAt', 'submittedAt', 'approvedAt', 'resultAt', 'returnedAt', 'closedAt']) assert.ok(d.milestones[m], m);
  const audit = await sys.platform.pool.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [
    'dossier',
    d.code,
  ]);
  assert.ok(audit.rows.some((r) => r.action === 'dossier.close'));
  assert.equal(audit.rows.filter((r) => r.action.startsWith('dossier.') && r.action !== 'dossier.read').length, 8);
  // Nothing moves out of closed.
  const again = await act(s.clerk, d, 'withdraw', { reason: 'thử' });
  assert.equal(again.statusCode, 422);

  // Tracking: right pair → status and public timeline, no internal notes, no staff names.
  const ok = await tracking(d.code, '6789');
  assert.equal(ok.statusCode, 200);
  const t = ok.json();
  assert.equal(t.status, 'closed');
  assert.equal(t.canRate, true);
  assert.ok(!ok.body.includes('Đủ điều kiện, trình ký'), 'internal note leaked');
  assert.ok(!JSON.stringify(t.timeline).includes(users.clerk.username), 'staff names on the public timeline');
  assert.ok(t.officials.length > 0, 'the officials who served can be named in the rating');
  assert.ok(ok.body.includes('Đã trả kết quả tại Bộ phận Một cửa'));
  assert.equal((await tracking(d.code, '4567')).statusCode, 200, 'phone digits work too');

  // Rating: one per dossier.
  const rate = (rating: string) =>
    sys.app.inject({ method: 'POST', url: '/api/v1/tracking/rating', payload: { code: d.code, check: '6789', rating, official: t.officials[0]?.id } });
  const first = await rate('rat_hai_long');
  assert.equal(first.statusCode, 201, first.body);
  const second = await rate('khong_hai_long');
  assert.equal(second.statusCode, 409);
  const stored = await sys.platform.pool.query('SELECT rating FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = $1', [d.code]);
  assert.deepEqual(stored.rows, [{ rating: 'rat_hai_long' }]);
  assert.equal((await tracking(d.code, '6789')).json().canRate, false);
});

test('tracking: a wrong check answers exactly like an unknown code', async () => {
  at('2026-03-02T09:30:00');
  const d = await received();
  const wrong = await tracking(d.code, '0000');
  const unknown = await tracking(d.code.replace(/\d{4}$/, '9999'), '6789');
  assert.equal(wrong.statusCode, 404);
  assert.equal(unknown.statusCode, 404);
  const strip = (b: string) => {
    const { requestId: _r, instance: _i, ...rest } = JSON.parse(b);
    return rest;
  };
  assert.deepEqual(strip(wrong.body), strip(unknown.body));
  assert.equal((await tracking(d.code, '12')).statusCode, 400);
});

test('supplemented: the clock stops and the due date moves by the paused working days', async () => {
  at('2026-03-02T09:00:00'); // Monday; 3 working days → Thursday 5 March
  let d = await received();
  d = await step(s.clerk, d, 'accept');
  d = await step(s.clerk, d, 'start-processing', { assignee: users.specialist.username });
  at('2026-03-03T10:00:00'); // Tuesday
  d = await step(s.clerk, d, 'request-supplement', { missing: 'Bản sao giấy chứng nhận kết hôn của cha mẹ' });
  assert.equal(d.status, 'supplement_requested');
  const t = (await tracking(d.code, '6789')).json();
  assert.equal(t.missing, 'Bản sao giấy chứng nhận kết hôn của cha mẹ');
  at('2026-03-09T08:00:00'); // past the old due date while paused: not late
  assert.equal(((await s.clerk.request({ url: `/api/v1/dossiers/${d.code}` })).json() as { late: boolean }).late, false);
  at('2026-03-05T14:00:00'); // Thursday: Wednesday and Thursday did not count
  d = await step(s.clerk, d, 'receive-supplement');
  assert.equal(d.status, 'in_processing');
  assert.equal(d.pausedWorkingDays, 2);
  assert.equal(d.dueDate, '2026-03-09', 'Thursday + 2 working days = Monday');
  d = await toClosed(d);
  assert.equal(d.status, 'closed');
});

test('refused: with a reason the citizen sees; nothing moves afterwards (422 naming both statuses)', async () => {
  at('2026-03-02T10:00:00');
  let d = await received();
  d = await step(s.clerk, d, 'refuse', { reason: 'Thủ tục không thuộc thẩm quyền của UBND xã' });
  assert.equal(d.status, 'refused');
  const res = await act(s.clerk, d, 'accept');
  assert.equal(res.statusCode, 422);
  assert.match(res.json().detail, /Từ chối tiếp nhận/);
  assert.match(res.json().detail, /Tiếp nhận hồ sơ/);
  const t = (await tracking(d.code, '6789')).json();
  assert.equal(t.status, 'refused');
  assert.ok(t.timeline.some((e: { note: string | null }) => e.note === 'Thủ tục không thuộc thẩm quyền của UBND xã'));
});

test('withdrawn by the applicant while in processing; a transition skipping steps is refused', async () => {
  at('2026-03-02T10:30:00');
  let d = await received();
  assert.equal((await act(s.leader, d, 'approve')).statusCode, 422, 'cannot approve a dossier that was only received');
  d = await step(s.clerk, d, 'accept');
  d = await step(s.clerk, d, 'start-processing', { assignee: users.specialist.username });
  d = await step(s.clerk, d, 'withdraw', { reason: 'Người nộp có đơn xin rút hồ sơ' });
  assert.equal(d.status, 'withdrawn');
  assert.ok(d.milestones.endedAt);
  assert.equal((await act(s.clerk, d, 'close')).statusCode, 422);
});

test('late: refused to move on until an apology-and-extension with a new date is issued, then closed', async () => {
  at('2026-03-02T11:00:00');
  let d = await received();
  d = await step(s.clerk, d, 'accept');
  at('2026-03-06T09:00:00'); // Friday: due Thursday 17:00 has passed
  const blocked = await act(s.clerk, d, 'start-processing', { assignee: users.specialist.username });
  assert.equal(blocked.statusCode, 422);
  assert.match(blocked.json().detail, /xin lỗi/);
  assert.equal((await act(s.clerk, d, 'extend', { newDueDate: '2026-03-11', reason: 'Chậm xác minh' })).statusCode, 403, 'clerks cannot extend');
  assert.equal((await act(s.leader, d, 'extend', { newDueDate: '2026-03-07', reason: 'Chậm xác minh' })).statusCode, 400, 'a Saturday');
  d = await step(s.leader, d, 'extend', { newDueDate: '2026-03-11', reason: 'Chậm xác minh nơi cư trú' });
  assert.equal(d.dueDate, '2026-03-11');
  assert.equal(d.extensionCount, 1);
  d = await toClosed(d);
  assert.equal(d.status, 'closed');
  const ext = await sys.platform.pool.query(
    'SELECT previous_due_date, new_due_date, late_when_issued FROM dossier_extensions x JOIN dossiers d ON d.id = x.dossier_id WHERE d.code = $1',
    [d.code],
  );
  assert.deepEqual(ext.rows, [{ previous_due_date: '2026-03-05', new_due_date: '2026-03-11', late_when_issued: true }]);
  const t = (await tracking(d.code, '6789')).json();
  assert.ok(
    t.timeline.some((e: { note: string | null }) => e.note?.includes('11/03/2026')),
    'the apology is on the public timeline',
  );
});

test('received after the cut-off hour counts from the next working day', async () => {
  at('2026-03-02T14:00:00');
  const before = await received(s.clerk, { procedure: pCutoff });
  at('2026-03-02T15:30:00');
  const afterCutoff = await received(s.clerk, { procedure: pCutoff });
  assert.equal(before.countsFrom, '2026-03-02');
  assert.equal(before.dueDate, '2026-03-04');
  assert.equal(afterCutoff.countsFrom, '2026-03-03');
  assert.equal(afterCutoff.dueDate, '2026-03-05');
  await toClosed(afterCutoff);
});

test('over Tết 2026: received Friday 13 February, 3 working days → Wednesday 25 February', async () => {
  at('2026-02-13T09:00:00');
  let d = await received();
  assert.match(d.code, /-260213-0001$/);
  assert.equal(d.dueDate, '2026-02-25', 'Tết 16–20/02 (Thông báo 9441/TB-BNV) is not counted');
  at('2026-02-24T09:00:00');
  d = await toClosed(d);
  assert.equal(d.status, 'closed');
});

test('hand-over to the commune police: recorded for the control sheet; the police officer acts, outsiders cannot', async () => {
  at('2026-03-09T09:00:00');
  let d = await received();
  d = await step(s.clerk, d, 'accept');
  d = await step(s.clerk, d, 'start-processing', { assignee: users.specialist.username });
  assert.equal((await act(s.policeOfficer, d, 'submit')).statusCode, 403, 'not yet at the police');
  d = await step(s.specialist, d, 'hand-over', { toUnit: police.code, assignee: users.policeOfficer.username, note: 'Xác minh cư trú' });
  const handOver = d.timeline.find((e) => e.action === 'hand_over');
  assert.equal(handOver?.toUnit, police.code);
  assert.equal((await act(s.otherClerk, d, 'withdraw', { reason: 'thử' })).statusCode, 403);
  d = await step(s.policeOfficer, d, 'submit');
  d = await step(s.leader, d, 'approve');
  d = await step(s.specialist, d, 'result-ready');
  d = await step(s.clerk, d, 'return', { returnChannel: 'post' });
  d = await step(s.clerk, d, 'close');
  assert.equal(d.status, 'closed');
  const rows = await sys.platform.pool.query(
    "SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.to_unit_id = $2 AND e.action = 'hand_over'",
    [d.code, police.id],
  );
  assert.equal(rows.rows[0].n, 1);
});

test('two clerks act at once: one wins, the other gets 409 and nothing is lost', async () => {
  at('2026-03-09T10:00:00');
  const d = await received();
  const [a, b] = await Promise.all([act(s.clerk, d, 'accept', { note: 'clerk 1' }), act(s.clerk2, d, 'request-supplement', { missing: 'Tờ khai ký tên' })]);
  const codes = [a.statusCode, b.statusCode].sort();
  assert.deepEqual(codes, [200, 409]);
  const loser = a.statusCode === 409 ? a : b;
  assert.match(loser.json().detail, /Hồ sơ vừa được người khác cập nhật/);
  const now = (await s.clerk.request({ url: `/api/v1/dossiers/${d.code}` })).json() as Dossier;
  assert.equal(now.version, d.version + 1);
  assert.equal(now.timeline.length, 2);
  // Sequentially: the stale version is refused too.
  assert.equal((await act(s.clerk2, d, 'accept')).statusCode, 409);
});

test('20 parallel intakes: codes unique and gap-free, …-0001 to …-0020', async () => {
  at('2026-03-10T09:00:00');
  const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Song Song' });
  const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);
  // A few racing requests with one key roll back after taking a number: the numbers must come back.
  const results = await Promise.all([
    ...Array.from({ length: 17 }, (_, i) => receive(clerk, { unit: ward.code, name: `Người nộp ${i}` })),
    ...Array.from({ length: 6 }, () => receive(clerk, { unit: ward.code, key: 'cung-mot-khoa' })),
  ]);
  for (const r of results) assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body);
  const codes = [...new Set(results.map((r) => (r.json() as Dossier).code))].sort();
  assert.equal(codes.length, 18);
  const more = await Promise.all([receive(clerk, { unit: ward.code }), receive(clerk, { unit: ward.code })]);
  for (const r of more) codes.push((r.json() as Dossier).code);
  codes.sort();
  assert.equal(codes.length, 20);
  assert.deepEqual(
    codes.map((c) => c.slice(-11)),
    Array.from({ length: 20 }, (_, i) => `260310-${String(i + 1).padStart(4, '0')}`),
  );
  const n = await sys.platform.pool.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'cung-mot-khoa'");
  assert.equal(n.rows[0].n, 1);
});

test('the same idempotency key twice gives one dossier (201, then 200 with the same code)', async () => {
  at('2026-03-10T10:00:00');
  const first = await receive(s.clerk, { key: 'may-tinh-1:lan-1' });
  const second = await receive(s.clerk, { key: 'may-tinh-1:lan-1' });
  assert.equal(first.statusCode, 201);
  assert.equal(second.statusCode, 200);
  assert.equal(first.json().code, second.json().code);
});

test('attachments: 10 MB limit (413), type by content (415 for an .exe named .pdf), checksum stored and served', async () => {
  at('2026-03-10T11:00:00');
  const d = await received();
  const upload = (name: string, type: string, data: Buffer) => {
    const mp = multipart({}, { name, type, data });
    return s.clerk.request({ method: 'POST', url: `/api/v1/dossiers/${d.code}/attachments`, payload: mp.payload, headers: mp.headers });
  };
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
  assert.equal((await upload('to.pdf', 'application/pdf', big)).statusCode, 413);
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(200)]);
  assert.equal((await upload('giay-to.pdf', 'application/pdf', exe)).statusCode, 415);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  const ok = await upload('CCCD mặt trước.pdf', 'application/octet-stream', pdf);
  assert.equal(ok.statusCode, 201, ok.body);
  const meta = ok.json();
  assert.equal(meta.mime, 'application/pdf');
  assert.equal(meta.sha256, createHash('sha256').update(pdf).digest('hex'));
  const stored = await sys.platform.pool.query('SELECT sha256, size, content FROM dossier_attachments WHERE id = $1', [meta.id]);
  assert.equal(stored.rows[0].sha256, meta.sha256);
  assert.ok(Buffer.from(stored.rows[0].content).equals(pdf));
  const down = await s.specialist.request({ url: `/api/v1/dossiers/${d.code}/attachments/${meta.id}` });
  assert.equal(down.statusCode, 200);
  assert.equal(down.headers['content-type'], 'application/pdf');
  assert.ok(down.rawPayload.equals(pdf));
  assert.equal((await s.otherClerk.request({ url: `/api/v1/dossiers/${d.code}/attachments/${meta.id}` })).statusCode, 403);
});

test('list: by unit, text without diacritics, overdue, assignee; reading a dossier is audited', async () => {
  at('2026-03-11T09:00:00');
  let d = await received(s.clerk, { name: 'Lê Thị Đường' });
  d = await step(s.clerk, d, 'accept');
  d = await step(s.clerk, d, 'start-processing', { assignee: users.specialist.username });
  const found = (await s.clerk.request({ url: `/api/v1/dossiers?unit=${commune.code}&q=le+thi+duong` })).json();
  assert.deepEqual(
    found.items.map((x: { code: string }) => x.code),
    [d.code],
  );
  const mine = (await s.specialist.request({ url: `/api/v1/dossiers?unit=${commune.code}&assignee=me&status=in_processing` })).json();
  assert.ok(mine.items.some((x: { code: string }) => x.code === d.code));
  at('2026-03-20T09:00:00');
  const overdueRes = await s.leader.request({ url: `/api/v1/dossiers?unit=${commune.code}&overdue=true&pageSize=100` });
  assert.equal(overdueRes.statusCode, 200, overdueRes.body);
  const overdue = overdueRes.json();
  assert.ok(overdue.items.some((x: { code: string; late: boolean }) => x.code === d.code && x.late));
  assert.equal((await s.otherClerk.request({ url: `/api/v1/dossiers?unit=${commune.code}` })).statusCode, 403);
  const before = await sys.platform.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier.read' AND entity_id = $1", [d.code]);
  const one = await s.specialist.request({ url: `/api/v1/dossiers/${d.code}` });
  assert.equal(one.json().applicant.idNumber, '001203456789');
  const afterRead = await sys.platform.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier.read' AND entity_id = $1", [d.code]);
  assert.equal(afterRead.rows[0].n, before.rows[0].n + 1);
});

test('the OpenAPI document lists the dossier routes', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  const paths = Object.keys(doc.paths ?? {});
  assert.ok(paths.some((p) => p.startsWith('/api/v1/dossiers')));
  assert.ok(paths.includes('/api/v1/tracking'));
});
