/**
 * Staff handling of feedback (xử lý phản ánh, kiến nghị): the 1022 operator's entry, every action with its history
 * event and audit row, forbidden transitions, transfer with deadlines counted again in the new unit's calendar,
 * warnings and escalation to the parent unit by the deadline sweep (with a unit's day off in between), internal notes
 * never public, audited reads of the sender's contact, two officials racing on one item, and bad input shown as text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transferFeedback } from '../../src/modules/feedback/commands/transfer-feedback.ts';
import { findHandlingByCode, type HandlingRow } from '../../src/modules/feedback/handling-queries.ts';
import { checkFeedback, receiveFeedback, sweepFeedbackDeadlines } from '../../src/modules/feedback/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const db = sys.platform.db;
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Xử Lý' });
const city = await makeUnit(sys, { parent: province, kind: 'city', name: 'Thành phố Xử Lý' });
const ward = await makeUnit(sys, { parent: city, kind: 'ward', name: 'Phường Xử Lý Một' });
const otherWard = await makeUnit(sys, { parent: city, kind: 'ward', name: 'Phường Xử Lý Hai' });
const farProvince = await makeUnit(sys, { name: 'Tỉnh Xa' });
const farCommune = await makeUnit(sys, { parent: farProvince, kind: 'commune', name: 'Xã Xa' });
await pool.query("UPDATE units SET email = 'phuong1@xuly.gov.vn' WHERE id = $1", [ward.id]);
await pool.query("UPDATE units SET email = 'thanhpho@xuly.gov.vn' WHERE id = $1", [city.id]);
await pool.query(
  "INSERT INTO feedback_categories (code, name, classify_days, answer_days, warn_days) VALUES ('moi-truong-xl', 'Môi trường', 3, 10, 2), ('dat-dai-xl', 'Đất đai', 3, 15, 3)",
);

const operatorUser = await makeUser(sys, 'hotline_operator', province, { subtree: true });
const leaderUser = await makeUser(sys, 'unit_leader', city, { subtree: true });
const specialistUser = await makeUser(sys, 'specialist', ward);
const specialist2User = await makeUser(sys, 'specialist', ward);
const otherSpecialistUser = await makeUser(sys, 'specialist', otherWard);
const operator = await signIn(sys, operatorUser.username);
const leader = await signIn(sys, leaderUser.username);
const specialist = await signIn(sys, specialistUser.username);
const specialist2 = await signIn(sys, specialist2User.username);
const otherSpecialist = await signIn(sys, otherSpecialistUser.username);

const at = (s: string) => new Date(`${s}+07:00`);

async function newItem(input: Record<string, unknown>, opts: { unit?: string; now?: Date; channel?: 'web' | 'hotline' } = {}): Promise<string> {
  const checked = checkFeedback({ category: 'moi-truong-xl', ...input }, { channel: opts.channel ?? 'web' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const r = await receiveFeedback(db, systemActor('test'), {
    channel: opts.channel ?? 'web',
    item: checked.value,
    addressedUnitCode: opts.unit ?? ward.code,
    now: opts.now,
  });
  return r.code;
}

const act = (s: Session, code: string, action: string, body: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/v1/feedback/${code}/actions/${action}`, payload: body });
const item = async (code: string) => (await findHandlingByCode(db, code)) as HandlingRow;
const events = async (code: string) =>
  (
    await pool.query<{
      kind: string;
      public: boolean;
      note: string | null;
      public_text: string | null;
      from_unit_id: number | null;
      to_unit_id: number | null;
    }>(
      'SELECT e.kind, e.public, e.note, e.public_text, e.from_unit_id, e.to_unit_id FROM feedback_events e JOIN feedback f ON f.id = e.feedback_id WHERE f.code = $1 ORDER BY e.id',
      [code],
    )
  ).rows;
const audits = async (code: string) =>
  (await pool.query<{ action: string; after: unknown }>('SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY id', [code])).rows;

test('the 1022 operator enters a call with the caller’s oral consent and gets the code to read back', async () => {
  const page = await operator.request({ url: '/quan-tri/phan-anh/tiep-nhan' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Người gọi đồng ý/);
  const key = page.body.match(/name="key" value="([^"]+)"/)?.[1] as string;

  const missingConsent = await operator.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/tiep-nhan',
    payload: form({ key, description: 'Nước thải', name: 'Trần Văn Gọi', phone: '0912345678', place: ward.code }),
    headers: { accept: 'text/html' },
  });
  assert.equal(missingConsent.statusCode, 400);
  assert.match(missingConsent.body, /Hãy đánh dấu đồng ý/);
  assert.match(missingConsent.body, /value="Trần Văn Gọi"/, 'the form keeps what was typed');

  const fields = {
    key,
    description: 'Nước thải <script>alert(1)</script> chảy ra đường',
    category: 'moi-truong-xl',
    unit: ward.code,
    name: 'Trần Văn Gọi',
    phone: '0912345678',
    consent: 'on',
  };
  const res = await operator.request({ method: 'POST', url: '/quan-tri/phan-anh/tiep-nhan', payload: form(fields) });
  assert.equal(res.statusCode, 303);
  const code = String(res.headers.location).match(/ma=([A-Z2-9]{8})$/)?.[1] as string;
  assert.ok(code);
  const again = await operator.request({ method: 'POST', url: '/quan-tri/phan-anh/tiep-nhan', payload: form(fields) });
  assert.equal(String(again.headers.location), String(res.headers.location), 'a double submit makes one item');
  const shown = await operator.request({ url: String(res.headers.location) });
  assert.match(shown.body, new RegExp(`class="qa-code">${code}<`));
  assert.match(shown.body, new RegExp(`Đã tiếp nhận phản ánh mã ${code}, chuyển Phường Xử Lý Một xử lý, hạn trả lời`));

  const row = await pool.query('SELECT channel, received_by, contact_consent FROM feedback WHERE code = $1', [code]);
  assert.deepEqual(row.rows[0], { channel: 'hotline', received_by: operatorUser.id, contact_consent: true });

  // The operator reads the item but neither acts on it nor sees the contact.
  const detail = await operator.request({ url: `/quan-tri/phan-anh/${code}` });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Nước thải &lt;script>alert\(1\)&lt;\/script> chảy ra đường/);
  assert.doesNotMatch(detail.body, /<script>alert/);
  assert.doesNotMatch(detail.body, /name="action"/);
  assert.equal((await operator.request({ method: 'POST', url: `/quan-tri/phan-anh/${code}/lien-he`, payload: form({}) })).statusCode, 403);
  assert.equal((await act(operator, code, 'note', { note: 'x' })).statusCode, 403);
});

test('the hotline API takes an idempotency key: the same call twice is one item', async () => {
  const body = { description: 'Cây đổ chắn đường', place: ward.code, category: 'moi-truong-xl' };
  const a = await operator.request({ method: 'POST', url: '/api/v1/feedback', payload: body, headers: { 'idempotency-key': 'cuoc-goi-0001' } });
  const b = await operator.request({ method: 'POST', url: '/api/v1/feedback', payload: body, headers: { 'idempotency-key': 'cuoc-goi-0001' } });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(b.statusCode, 200);
  assert.equal(a.json().code, b.json().code);
  assert.equal(a.json().unit.code, ward.code);
  const bad = await operator.request({ method: 'POST', url: '/api/v1/feedback', payload: { description: 'x', name: 'Ai Đó' } });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().errors.some((e: { field: string }) => e.field === 'consent'));
});

test('accept, assign, start, answer (notice queued), close, publish and unpublish, each with its event and audit row', async () => {
  const code = await newItem({ description: 'Rác thải đổ trộm ven kênh Xáng', name: 'Lê Thị Gửi', email: 'gui@example.vn', consent: 'on' });
  let r = await act(specialist, code, 'accept', { category: 'dat-dai-xl', kind: 'proposal' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'accepted');
  assert.deepEqual(r.json().category, { code: 'dat-dai-xl', name: 'Đất đai' });
  assert.equal(r.json().kind, 'proposal');
  assert.deepEqual(r.json().allowedActions, ['assign', 'start', 'answer', 'reject', 'merge', 'transfer', 'note']);

  const notHandler = await act(specialist, code, 'assign', { assignee: operatorUser.username });
  assert.equal(notHandler.statusCode, 400);
  assert.equal(notHandler.json().errors[0].field, 'assignee');
  r = await act(specialist, code, 'assign', { assignee: specialist2User.username });
  assert.equal(r.json().status, 'assigned');
  assert.equal(r.json().assignee, specialist2User.full_name);
  r = await act(specialist2, code, 'start');
  assert.equal(r.json().status, 'in_progress');
  r = await act(specialist2, code, 'answer', { answer: 'Phường đã cho thu gom rác và lập biên bản xử phạt.' });
  assert.equal(r.json().status, 'answered');
  assert.ok(r.json().answeredAt);

  const notice = await pool.query("SELECT channel, recipient, subject, body FROM notifications WHERE about = $1 AND subject LIKE 'Trả lời%'", [
    `feedback:${code}`,
  ]);
  assert.equal(notice.rowCount, 1);
  assert.equal(notice.rows[0].recipient, 'gui@example.vn');
  assert.match(notice.rows[0].body, new RegExp(`http://localhost:3000/phan-anh/c/${code}`));
  assert.match(notice.rows[0].body, /thu gom rác/);

  const withPhone = await act(specialist2, code, 'publish', { publicTitle: 'Rác ven kênh', publicSummary: 'Người dân (0912 345 678) phản ánh rác' });
  assert.equal(withPhone.statusCode, 400);
  assert.equal(withPhone.json().errors[0].field, 'publicSummary');
  const withName = await act(specialist2, code, 'publish', { publicTitle: 'Rác ven kênh của bà Lê Thị Gửi', publicSummary: 'Rác ven kênh Xáng' });
  assert.equal(withName.statusCode, 400);
  assert.equal(withName.json().errors[0].field, 'publicTitle');
  r = await act(specialist2, code, 'publish', { publicTitle: 'Rác thải ven kênh Xáng', publicSummary: 'Phản ánh rác thải đổ trộm ven kênh Xáng.' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().published, true);
  assert.ok(r.json().publishedAt);
  r = await act(specialist2, code, 'close');
  assert.equal(r.json().status, 'closed');
  r = await act(specialist2, code, 'unpublish');
  assert.equal(r.json().published, false);
  assert.equal((await act(specialist2, code, 'unpublish')).statusCode, 409);

  assert.deepEqual(
    (await events(code)).map((e) => `${e.kind}:${e.public}`),
    ['received:true', 'accepted:true', 'assigned:true', 'started:true', 'answered:true', 'published:false', 'closed:true', 'unpublished:false'],
  );
  assert.deepEqual(
    (await audits(code)).map((a) => a.action),
    ['feedback.receive', 'feedback.accept', 'feedback.assign', 'feedback.start', 'feedback.answer', 'feedback.publish', 'feedback.close', 'feedback.unpublish'],
  );
  assert.doesNotMatch(JSON.stringify(await audits(code)), /gui@example|Lê Thị Gửi/);
});

test('a transition the status does not allow is refused with a clear Vietnamese message', async () => {
  const code = await newItem({ description: 'Đèn đường hỏng ở hẻm 12' });
  const close = await act(specialist, code, 'close');
  assert.equal(close.statusCode, 409);
  assert.equal(close.json().code, 'FEEDBACK_ACTION_NOT_ALLOWED');
  assert.match(close.json().detail, /Không thể thực hiện “Kết thúc” khi phản ánh đang ở trạng thái “Mới tiếp nhận, chờ phân loại”/);
  const publish = await act(specialist, code, 'publish', { publicTitle: 'Đèn đường', publicSummary: 'Đèn đường hỏng' });
  assert.equal(publish.json().code, 'FEEDBACK_ACTION_NOT_ALLOWED');
  const en = await specialist.request({ method: 'POST', url: `/api/v1/feedback/${code}/actions/start`, payload: {}, headers: { 'accept-language': 'en' } });
  assert.equal(en.statusCode, 409);
  assert.match(en.json().detail, /is not possible while the feedback is/);
  // The page shows the same message in its error summary.
  const page = await specialist.request({
    method: 'POST',
    url: `/quan-tri/phan-anh/${code}`,
    payload: form({ action: 'close' }),
    headers: { accept: 'text/html' },
  });
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /class="error-summary"[\s\S]*Không thể thực hiện “Kết thúc”/);
});

test('reject needs a reason the sender reads; merge checks the other item', async () => {
  const code = await newItem({ description: 'Đề nghị mở rộng đường liên xã' });
  const empty = await act(specialist, code, 'reject', { reason: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().errors[0].field, 'reason');
  const r = await act(specialist, code, 'reject', { reason: 'Thuộc thẩm quyền của Sở Xây dựng; đề nghị gửi Sở.' });
  assert.equal(r.json().status, 'rejected');
  assert.equal(r.json().rejectReason, 'Thuộc thẩm quyền của Sở Xây dựng; đề nghị gửi Sở.');
  const ev = (await events(code)).at(-1);
  assert.equal(ev?.public, true);
  assert.match(String(ev?.public_text), /Sở Xây dựng/);

  const dup = await newItem({ description: 'Rác ven kênh, lần hai' });
  const keep = await newItem({ description: 'Rác ven kênh, lần một' });
  const far = await newItem({ description: 'Rác ở xã xa' }, { unit: farCommune.code });
  const self = await act(specialist, dup, 'merge', { into: dup });
  assert.equal(self.json().errors[0].field, 'into');
  assert.equal((await act(specialist, dup, 'merge', { into: 'ZZZZZZZZ' })).json().errors[0].field, 'into');
  const outOfScope = await act(specialist, dup, 'merge', { into: far });
  assert.equal(outOfScope.statusCode, 400);
  assert.match(outOfScope.json().errors[0].message, /trong phạm vi bạn xử lý/);
  const merged = await act(specialist, dup, 'merge', { into: keep.toLowerCase() });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().status, 'merged');
  assert.equal(merged.json().mergedInto, keep);
  const third = await newItem({ description: 'Rác ven kênh, lần ba' });
  const intoMerged = await act(specialist, third, 'merge', { into: dup });
  assert.equal(intoMerged.statusCode, 400);
  assert.match(intoMerged.json().errors[0].message, new RegExp(`đã được gộp vào ${keep}`));
});

test('a transfer sends the item back to "received" at the new unit with deadlines counted in its calendar', async () => {
  // otherWard has a day off on Monday 12 October 2026.
  await pool.query(
    "INSERT INTO calendar_entries (unit_id, date, kind, name, source) VALUES ($1, '2026-10-12', 'day_off', 'Nghỉ bù sự kiện địa phương', 'admin')",
    [otherWard.id],
  );
  const code = await newItem({ description: 'Lấn chiếm vỉa hè chợ phường' }, { now: at('2026-10-05T09:00') });
  assert.equal((await act(specialist, code, 'accept')).statusCode, 200);
  assert.equal((await act(specialist, code, 'assign', { assignee: specialistUser.username })).statusCode, 200);
  const before = await item(code);
  assert.equal(new Date(before.answer_due_at).toISOString(), at('2026-10-19T17:00').toISOString());

  const noReason = await act(specialist, code, 'transfer', { unit: otherWard.code });
  assert.equal(noReason.json().errors[0].field, 'reason');
  const done = await transferFeedback(
    db,
    { userId: specialistUser.id, label: specialistUser.username, ip: null, requestId: null },
    before,
    { unit: otherWard.code, reason: 'Địa điểm thuộc Phường Xử Lý Hai' },
    { now: at('2026-10-08T10:00') },
  );
  assert.equal(done.status, 'received');
  assert.equal(done.unit_code, otherWard.code);
  assert.equal(done.assignee_id, null);
  // From Thursday 8 October at the new unit: 3 working days skip its day off → Wednesday 14; 10 → Friday 23.
  assert.equal(new Date(done.classify_due_at).toISOString(), at('2026-10-14T17:00').toISOString());
  assert.equal(new Date(done.answer_due_at).toISOString(), at('2026-10-23T17:00').toISOString());
  const last = (await events(code)).at(-1);
  assert.deepEqual(
    { kind: last?.kind, public: last?.public, from: last?.from_unit_id, to: last?.to_unit_id, note: last?.note },
    { kind: 'transferred', public: false, from: ward.id, to: otherWard.id, note: 'Địa điểm thuộc Phường Xử Lý Hai' },
  );
  // The old unit's official no longer reaches it; the new unit's does.
  assert.equal((await specialist.request({ url: `/quan-tri/phan-anh/${code}` })).statusCode, 403);
  assert.equal((await otherSpecialist.request({ url: `/quan-tri/phan-anh/${code}` })).statusCode, 200);
  // Through the API too: back to the first ward.
  const back = await act(otherSpecialist, code, 'transfer', { unit: ward.code, reason: 'Trả lại' });
  assert.equal(back.statusCode, 200, back.body);
  assert.equal(back.json().unit.code, ward.code);
});

test('the deadline sweep warns once before the due day and escalates once to the parent unit after it (a day off in between)', async () => {
  // The ward is closed on Wednesday 14 October: received Monday 5 October, 10 working days → Tuesday 20 October.
  await pool.query("INSERT INTO calendar_entries (unit_id, date, kind, name, source) VALUES ($1, '2026-10-14', 'day_off', 'Nghỉ bù', 'admin')", [ward.id]);
  const code = await newItem({ description: 'Ngập nước kéo dài ở đường Lê Lợi' }, { now: at('2026-10-05T09:00') });
  assert.equal(new Date((await item(code)).answer_due_at).toISOString(), at('2026-10-20T17:00').toISOString());
  const opts = { publicUrl: 'https://gandan.example.vn' };

  await sweepFeedbackDeadlines(db, at('2026-10-15T10:00'), opts);
  assert.equal((await item(code)).warned_at, null, 'three working days left: no warning yet');
  await sweepFeedbackDeadlines(db, at('2026-10-16T10:00'), opts);
  const warned = await item(code);
  assert.equal(new Date(warned.warned_at as string).toISOString(), at('2026-10-16T10:00').toISOString());
  await sweepFeedbackDeadlines(db, at('2026-10-19T10:00'), opts);
  const mails = await pool.query('SELECT recipient, subject, body FROM notifications WHERE about = $1 AND recipient LIKE $2', [
    `feedback:${code}`,
    '%xuly.gov.vn',
  ]);
  assert.equal(mails.rowCount, 1, 'warned once');
  assert.equal(mails.rows[0].recipient, 'phuong1@xuly.gov.vn');
  assert.match(mails.rows[0].body, /trước hết ngày 20\/10\/2026 \(còn 2 ngày làm việc\)/);
  assert.match(mails.rows[0].body, new RegExp(`https://gandan.example.vn/quan-tri/phan-anh/${code}`));

  // Past Monday's 17:00 but not the real deadline (the day off moved it to Tuesday): nothing yet.
  await sweepFeedbackDeadlines(db, at('2026-10-19T18:00'), opts);
  assert.equal((await item(code)).escalated_at, null);
  const result = await sweepFeedbackDeadlines(db, at('2026-10-21T08:00'), opts);
  assert.ok(result.escalated >= 1);
  const escalated = await item(code);
  assert.equal(escalated.escalated_to_unit_id, city.id);
  assert.equal(escalated.unit_id, ward.id, 'the item stays with its unit');
  await sweepFeedbackDeadlines(db, at('2026-10-22T08:00'), opts);
  const kinds = (await events(code)).map((e) => `${e.kind}:${e.public}`);
  assert.deepEqual(kinds, ['received:true', 'warned:false', 'escalated:false']);
  const toCity = await pool.query('SELECT subject FROM notifications WHERE about = $1 AND recipient = $2', [`feedback:${code}`, 'thanhpho@xuly.gov.vn']);
  assert.equal(toCity.rowCount, 1);
  assert.match(toCity.rows[0].subject, /quá hạn trả lời, chuyển cấp trên theo dõi/);
  assert.deepEqual(
    (await audits(code)).map((a) => a.action),
    ['feedback.receive', 'feedback.warn', 'feedback.escalate'],
  );

  // The city's leader sees it among the items escalated to the city, marked as such.
  const list = await leader.request({ url: `/quan-tri/phan-anh?unit=${city.code}&escalated=on` });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/quan-tri/phan-anh/${code}"`));
  assert.match(list.body, /Quá hạn, chuyển cấp trên theo dõi/);
  assert.match(list.body, /class="tag late">Quá hạn</);
  const api = await leader.request({ url: `/api/v1/feedback?unit=${city.code}&escalated=true` });
  assert.ok(api.json().items.some((i: { code: string; escalated: boolean; late: boolean }) => i.code === code && i.escalated && i.late));
  // The leader can act on it with the subtree grant.
  assert.equal((await act(leader, code, 'note', { note: 'Đề nghị phường trả lời ngay' })).statusCode, 200);
});

test('internal notes never appear among public events or on the sender’s page', async () => {
  const code = await newItem({ description: 'Tiếng ồn quán karaoke sau 22 giờ' });
  const note = 'Ghi chú nội bộ: chủ quán là người quen của cán bộ khu phố';
  assert.equal((await act(specialist, code, 'note', { note })).statusCode, 200);
  const ev = (await events(code)).find((e) => e.kind === 'note');
  assert.deepEqual({ public: ev?.public, text: ev?.public_text }, { public: false, text: null });
  const pub = await sys.app.inject({ url: `/phan-anh/c/${code}` });
  assert.equal(pub.statusCode, 200);
  assert.doesNotMatch(pub.body, /người quen của cán bộ/);
  const staff = await specialist.request({ url: `/quan-tri/phan-anh/${code}` });
  assert.match(staff.body, /Nội bộ/);
  assert.match(staff.body, /người quen của cán bộ/);
  assert.equal((await act(specialist, code, 'note', { note: '' })).json().errors[0].field, 'note');
});

test('the sender’s contact shows only on request to a handling official, and each read is audited', async () => {
  const code = await newItem({ description: 'Xe tải chở quá tải làm hư đường', name: 'Phạm Văn Liên', phone: '0987654321', consent: 'on' });
  const page = await specialist.request({ url: `/quan-tri/phan-anh/${code}` });
  assert.doesNotMatch(page.body, /Phạm Văn Liên|0987654321/);
  assert.match(page.body, /Xem họ tên và liên hệ/);
  const shown = await specialist.request({ method: 'POST', url: `/quan-tri/phan-anh/${code}/lien-he`, payload: form({}) });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Phạm Văn Liên/);
  assert.match(shown.body, /href="tel:0987654321"/);
  const api = await specialist.request({ method: 'POST', url: `/api/v1/feedback/${code}/contact`, payload: {} });
  assert.deepEqual(api.json(), { name: 'Phạm Văn Liên', phone: '0987654321', email: null, consent: true });
  const reads = (await audits(code)).filter((a) => a.action === 'feedback.contact.read');
  assert.equal(reads.length, 2);
  assert.doesNotMatch(JSON.stringify(reads), /Liên|0987654321/);
  const detail = await specialist.request({ url: `/api/v1/feedback/${code}` });
  assert.doesNotMatch(detail.body, /Phạm Văn Liên|0987654321/);
  assert.equal(detail.json().hasContact, true);
});

test('two officials acting on one item at once: one wins, the other is told', async () => {
  const code = await newItem({ description: 'Cống thoát nước bị tắc' });
  const { version } = (await specialist.request({ url: `/api/v1/feedback/${code}` })).json();
  const [a, b] = await Promise.all([
    act(specialist, code, 'assign', { assignee: specialistUser.username, version }),
    act(specialist2, code, 'assign', { assignee: specialist2User.username, version }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const loser = a.statusCode === 409 ? a : b;
  assert.equal(loser.json().code, 'CONFLICT');
  assert.match(loser.json().detail, /vừa được người khác cập nhật/);
  assert.equal((await events(code)).filter((e) => e.kind === 'assigned').length, 1);

  const code2 = await newItem({ description: 'Cống thoát nước bị tắc, chỗ khác' });
  const [c, d] = await Promise.all([act(specialist, code2, 'accept'), act(specialist2, code2, 'accept')]);
  assert.deepEqual([c.statusCode, d.statusCode].sort(), [200, 409]);
  assert.equal((await events(code2)).filter((e) => e.kind === 'accepted').length, 1);

  // A page posted with a stale version is told too, with the message in its error summary.
  const page = await specialist2.request({
    method: 'POST',
    url: `/quan-tri/phan-anh/${code}`,
    payload: form({ action: 'start', version }),
    headers: { accept: 'text/html' },
  });
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /vừa được người khác cập nhật/);
});

test('bad input: script shown as text, fields named, unknown codes and actions refused', async () => {
  const code = await newItem({ title: '<b>Đậm</b>', description: 'Mô tả <img src=x onerror=alert(1)>' });
  const html = (await specialist.request({ url: `/quan-tri/phan-anh/${code}` })).body;
  assert.match(html, /&lt;b>Đậm&lt;\/b>/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)>/);
  assert.doesNotMatch(html, /<img src=x/);
  const answer = await specialist.request({
    method: 'POST',
    url: `/quan-tri/phan-anh/${code}`,
    payload: form({ action: 'answer', answer: '<script>alert("x")</script> Đã xử lý' }),
  });
  assert.equal(answer.statusCode, 303);
  const after = (await specialist.request({ url: `/quan-tri/phan-anh/${code}` })).body;
  assert.match(after, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script> Đã xử lý/);
  assert.doesNotMatch(after, /<script>alert/);

  const long = await specialist.request({
    method: 'POST',
    url: `/quan-tri/phan-anh/${code}`,
    payload: form({ action: 'note', note: 'x'.repeat(5001) }),
    headers: { accept: 'text/html' },
  });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /Tối đa 5000 ký tự/);
  const missing = await specialist.request({
    method: 'POST',
    url: `/quan-tri/phan-anh/${code}`,
    payload: form({ action: 'transfer' }),
    headers: { accept: 'text/html' },
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#f-transferReason"/);
  assert.equal((await act(specialist, code, 'explode')).statusCode, 400);
  assert.equal((await act(specialist, code, 'note', { note: 'x', extra: 1 })).statusCode, 400);
  assert.equal((await specialist.request({ url: '/api/v1/feedback/ZZZZZZZZ' })).statusCode, 404);
  assert.equal((await specialist.request({ url: '/quan-tri/phan-anh/khong-co', headers: { accept: 'text/html' } })).statusCode, 404);
});

test('the list filters by status, channel, lateness and words typed without diacritics, and pages', async () => {
  const lamp = await newItem({ description: 'Đèn đường khu phố 3 không sáng' }, { now: at('2026-10-01T09:00') });
  const list = await specialist.request({ url: '/quan-tri/phan-anh?q=den+duong+khu+pho' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/quan-tri/phan-anh/${lamp}"`));
  const byCode = await specialist.request({ url: `/api/v1/feedback?q=${lamp.toLowerCase()}` });
  assert.deepEqual(
    byCode.json().items.map((i: { code: string }) => i.code),
    [lamp],
  );
  const late = await specialist.request({ url: '/api/v1/feedback?late=true&pageSize=100' });
  assert.ok(late.json().items.some((i: { code: string }) => i.code === lamp));
  assert.ok(late.json().items.every((i: { late: boolean }) => i.late));
  const hotline = await specialist.request({ url: '/api/v1/feedback?channel=hotline&pageSize=100' });
  assert.ok(hotline.json().items.length >= 1);
  assert.ok(hotline.json().items.every((i: { channel: string }) => i.channel === 'hotline'));
  const rejected = await specialist.request({ url: '/api/v1/feedback?status=rejected' });
  assert.ok(rejected.json().items.every((i: { status: string }) => i.status === 'rejected'));
  const paged = await specialist.request({ url: '/api/v1/feedback?pageSize=2&page=2' });
  assert.equal(paged.json().items.length, 2);
  assert.ok(paged.json().total > 4);
  // Another ward's official sees none of this ward's items; the parent's leader sees them all.
  const other = await otherSpecialist.request({ url: `/api/v1/feedback?q=${lamp}` });
  assert.equal(other.json().total, 0);
  assert.equal((await otherSpecialist.request({ url: `/api/v1/feedback?unit=${ward.code}` })).statusCode, 403);
  assert.equal((await leader.request({ url: `/api/v1/feedback?q=${lamp}` })).json().total, 1);
});

test('attachments download with their stored type, as attachments, only to staff of the unit', async () => {
  const checked = checkFeedback({ description: 'Ảnh hố sâu giữa đường' }, { channel: 'web' });
  if (!checked.ok) throw new Error('bad');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const r = await receiveFeedback(db, systemActor('test'), {
    channel: 'web',
    item: checked.value,
    addressedUnitCode: ward.code,
    attachments: [{ name: 'hố sâu.png', mime: 'image/png', content: png }],
  });
  const detail = (await specialist.request({ url: `/api/v1/feedback/${r.code}` })).json();
  assert.equal(detail.attachments.length, 1);
  const url = detail.attachments[0].url as string;
  const file = await specialist.request({ url });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.match(String(file.headers['content-disposition']), /^attachment; filename="ho sau.png"; filename\*=UTF-8''h%E1%BB%91%20s%C3%A2u.png$/);
  assert.deepEqual(file.rawPayload, png);
  assert.equal((await otherSpecialist.request({ url })).statusCode, 403);
  assert.equal((await specialist.request({ url: url.replace(/\d+$/, '999999') })).statusCode, 404);
});

test('the place shows its address and coordinates with a link to OpenStreetMap', async () => {
  const code = await newItem({ description: 'Sạt lở bờ sông', address: 'Bến đò Mỹ Ngãi', lat: '10.4601', lng: '105.6329', place: ward.code });
  const html = (await specialist.request({ url: `/quan-tri/phan-anh/${code}` })).body;
  assert.match(html, /Bến đò Mỹ Ngãi/);
  assert.match(html, /href="https:\/\/www.openstreetmap.org\/\?mlat=10.4601&amp;mlon=105.6329#map=18\/10.4601\/105.6329"/);
});

test('administration: categories, routing rules and hotline numbers, with every bad field named', async () => {
  const bad = await leader.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/linh-vuc',
    payload: form({ name: 'X', code: 'Sai Mã', unit: ward.code, classifyDays: '0', answerDays: '91', warnDays: '-1' }),
    headers: { accept: 'text/html' },
  });
  assert.equal(bad.statusCode, 400);
  for (const field of ['name', 'code', 'classifyDays', 'answerDays', 'warnDays']) assert.match(bad.body, new RegExp(`href="#f-${field}"`));
  const ok = await leader.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/linh-vuc',
    payload: form({ name: 'Trật tự đô thị', code: 'trat-tu-xl', unit: ward.code, classifyDays: '2', answerDays: '7', warnDays: '1', active: 'on' }),
  });
  assert.equal(ok.statusCode, 303);
  const cat = await pool.query("SELECT unit_id, classify_days, answer_days, warn_days FROM feedback_categories WHERE code = 'trat-tu-xl'");
  assert.deepEqual(cat.rows[0], { unit_id: ward.id, classify_days: 2, answer_days: 7, warn_days: 1 });
  const taken = await leader.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/linh-vuc',
    payload: form({ name: 'Trùng', code: 'trat-tu-xl', unit: ward.code, classifyDays: '2', answerDays: '7', warnDays: '1' }),
  });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /Mã lĩnh vực đã được dùng/);
  // A category without a unit applies everywhere: a city leader may not make one.
  const global = await leader.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/linh-vuc',
    payload: form({ name: 'Toàn tỉnh', code: 'toan-tinh-xl', classifyDays: '3', answerDays: '10', warnDays: '2' }),
  });
  assert.equal(global.statusCode, 403);

  const rule = await leader.request({
    method: 'POST',
    url: '/quan-tri/phan-anh/dieu-phoi',
    payload: form({ target: otherWard.code, keywords: 'kênh xáng', position: '5' }),
  });
  assert.equal(rule.statusCode, 303);
  const routed = await newItem({ description: 'Rác ven kenh xang lại đầy', category: '' }, { unit: '' as string });
  assert.equal((await item(routed)).unit_code, otherWard.code, 'the new rule routes by keyword, without diacritics');
  const ruleId = (await pool.query("SELECT id FROM feedback_routing_rules WHERE keywords = 'kênh xáng'")).rows[0].id;
  assert.equal((await leader.request({ method: 'POST', url: `/quan-tri/phan-anh/dieu-phoi/${ruleId}`, payload: form({ change: 'delete' }) })).statusCode, 303);
  assert.equal((await pool.query('SELECT 1 FROM feedback_routing_rules WHERE id = $1', [ruleId])).rowCount, 0);

  const badLine = await leader.request({
    method: 'POST',
    url: '/quan-tri/duong-day-nong',
    payload: form({ unit: ward.code, name: 'A', title: 'Chủ tịch', phone: 'gọi tôi' }),
    headers: { accept: 'text/html' },
  });
  assert.equal(badLine.statusCode, 400);
  assert.match(badLine.body, /href="#f-name"[\s\S]*href="#f-phone"/);
  const line = await leader.request({
    method: 'POST',
    url: '/quan-tri/duong-day-nong',
    payload: form({ unit: ward.code, name: 'Võ Văn Nóng', title: 'Chủ tịch UBND phường', phone: '0277 3851 999' }),
  });
  assert.equal(line.statusCode, 303);
  const list = await leader.request({ url: `/quan-tri/duong-day-nong?unit=${ward.code}` });
  assert.match(list.body, /Võ Văn Nóng/);
  assert.deepEqual(
    (await pool.query("SELECT action FROM audit_log WHERE action LIKE 'feedback.%.%' AND action NOT LIKE 'feedback.contact%' ORDER BY id")).rows.map(
      (r) => r.action,
    ),
    ['feedback.category.create', 'feedback.rule.create', 'feedback.rule.delete', 'feedback.hotline.create'],
  );
});

test('the deadline job is among the system’s job definitions, every 15 minutes', async () => {
  const { jobDefinitions } = await import('../../src/compose.ts');
  const def = jobDefinitions(sys.database).find((d) => d.name === 'feedback.deadlines');
  assert.equal(def?.cron, '*/15 * * * *');
});
