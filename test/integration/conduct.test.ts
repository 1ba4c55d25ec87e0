/**
 * Friendly conduct (model M13, seed 004): officials sign the commitment "4 xin, 4 luôn, 5 không" online (one signature
 * per version, a new version needs signing again), leaders see who has not signed; citizens and businesses answer
 * satisfaction surveys online or on a printed form with a QR code that staff type in; results per unit, service and
 * official are checked against a small hand-computed data set, in the page, the Excel export and surveyResults().
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { commitmentSignatures, surveyResults } from '../../src/modules/conduct/index.ts';
import { csrfFrom, form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { decodeQr, pdfInfo, pdfText } from '../pdf.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
const db = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Thân Thiện' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Mỉm Cười' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Lắng Nghe' });
const otherProvince = await makeUnit(sys, { name: 'Tỉnh Khác' });

const leaderUser = await makeUser(sys, 'unit_leader', province, { subtree: true });
const homeAffairsUser = await makeUser(sys, 'home_affairs_officer', province, { subtree: true });
const clerkUser = await makeUser(sys, 'one_stop_clerk', commune);
const specialistUser = await makeUser(sys, 'specialist', commune);
const volunteerUser = await makeUser(sys, 'support_volunteer', commune);
const wardSpecialist = await makeUser(sys, 'specialist', ward);
const wardLeaderUser = await makeUser(sys, 'unit_leader', ward);
const otherLeaderUser = await makeUser(sys, 'unit_leader', otherProvince, { subtree: true });

const leader = await signIn(sys, leaderUser.username);
const homeAffairs = await signIn(sys, homeAffairsUser.username);
const clerk = await signIn(sys, clerkUser.username);
const specialist = await signIn(sys, specialistUser.username);
const wardLeader = await signIn(sys, wardLeaderUser.username);
const otherLeader = await signIn(sys, otherLeaderUser.username);

const idOf = async (username: string) => Number((await db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id);
const nameOf = (u: { username: string }) => `Cán bộ ${u.username}`;
const clerkId = await idOf(clerkUser.username);
const specialistId = await idOf(specialistUser.username);
const wardSpecialistId = await idOf(wardSpecialist.username);

const XSS = '<script>alert(1)</script><b>đậm</b>';
const ESCAPED = '&lt;script>alert(1)&lt;/script>&lt;b>đậm&lt;/b>';
const vnDay = (offset = 0) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const today = vnDay();
const html = { accept: 'text/html' };
let address = 0;
const nextIp = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

const p1 = await makeProcedure(sys, { name: 'Đăng ký khai sinh thử' });
const p2 = await makeProcedure(sys, { name: 'Chứng thực bản sao thử' });
const p3 = await makeProcedure(sys, { name: 'Thủ tục phường thử' });
for (const [unit, code] of [
  [commune, p1],
  [commune, p2],
  [ward, p3],
] as const) {
  await db.query('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [unit.id, code]);
}

// ---------- the commitment ----------

test('an official reads the commitment in force and signs it once; signing again changes nothing', async () => {
  const page = await clerk.request({ url: '/ca-nhan/cam-ket', headers: html });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Xin chào, xin lỗi, xin cảm ơn, xin phép/);
  assert.match(page.body, /Luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ/);
  assert.match(page.body, /không lợi dụng chức vụ, quyền hạn trong thực thi công vụ/);
  assert.match(page.body, /Tôi cam kết thực hiện/);
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] as string;
  assert.equal(version, '1');

  const first = await clerk.request({
    method: 'POST',
    url: '/ca-nhan/cam-ket',
    payload: form({ version }),
    headers: { ...html, 'x-forwarded-for': '203.0.113.7' },
  });
  assert.equal(first.statusCode, 303);
  const after = await clerk.request({ url: '/ca-nhan/cam-ket', headers: html });
  assert.match(after.body, /Đã ký cam kết phiên bản 1/);
  assert.doesNotMatch(after.body, /Tôi cam kết thực hiện/);
  const again = await clerk.request({ method: 'POST', url: '/ca-nhan/cam-ket', payload: form({ version }), headers: html });
  assert.equal(again.statusCode, 303);
  const flash = await clerk.request({ url: '/ca-nhan/cam-ket', headers: html });
  assert.match(flash.body, /đã ký phiên bản 1 trước đó/);

  const rows = (await db.query('SELECT version, signed_at, ip FROM conduct_commitment_signatures WHERE user_id = $1', [clerkId])).rows;
  assert.equal(rows.length, 1);
  assert.equal(rows[0].version, 1);
  assert.ok(rows[0].ip, 'the address is kept');
  const audit = (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'conduct.commitment.sign' AND actor_user_id = $1", [clerkId])).rows[0];
  assert.equal(audit.n, 1);
});

test('leaders see who in their unit and the units below has not signed; volunteers are not officials', async () => {
  const page = await leader.request({ url: `/quan-tri/cam-ket?unit=${province.code}&subtree=1`, headers: html });
  assert.equal(page.statusCode, 200);
  const unsigned = page.body.slice(page.body.indexOf('unsigned-list'));
  assert.match(unsigned, new RegExp(nameOf(specialistUser)));
  assert.match(unsigned, new RegExp(nameOf(wardSpecialist)));
  assert.doesNotMatch(unsigned, new RegExp(nameOf(clerkUser)), 'the clerk has signed');
  assert.doesNotMatch(page.body, new RegExp(nameOf(volunteerUser)), 'a support volunteer is no official');

  const figures = await commitmentSignatures(sys.platform.db, { unitIds: [commune.id, ward.id] });
  assert.deepEqual(
    { version: figures.version, officials: figures.officials, signed: figures.signed, unsigned: figures.unsigned },
    { version: 1, officials: 4, signed: 1, unsigned: 3 }, // clerk (signed), specialist, ward specialist, ward leader
  );
  assert.deepEqual(
    figures.byUnit.map((u) => [u.unitId, u.officials, u.signed, u.unsigned]),
    [
      [commune.id, 2, 1, 1],
      [ward.id, 2, 0, 2],
    ],
  );

  // Only the unit itself without the subtree box; a leader of another province is refused; a clerk has no conduct.read.
  const own = await leader.request({ url: `/quan-tri/cam-ket?unit=${province.code}`, headers: html });
  assert.doesNotMatch(own.body.slice(own.body.indexOf('<main')), new RegExp(nameOf(specialistUser)));
  assert.equal((await otherLeader.request({ url: `/quan-tri/cam-ket?unit=${commune.code}`, headers: html })).statusCode, 403);
  assert.equal((await wardLeader.request({ url: `/quan-tri/cam-ket?unit=${commune.code}`, headers: html })).statusCode, 403);
  assert.equal((await clerk.request({ url: '/quan-tri/cam-ket', headers: html })).statusCode, 403);
});

test('a new version binds from its date: everyone signs again; a stale form is refused; bad versions are named', async () => {
  // Bad input first: a date in the past, a short text.
  const bad = await homeAffairs.request({
    method: 'POST',
    url: '/quan-tri/cam-ket/phien-ban',
    payload: form({ title: 'Bản cam kết 2', effectiveOn: '2020-01-01', body: 'ngắn' }),
    headers: html,
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ngày hiệu lực không được ở quá khứ/);
  assert.match(bad.body, /Nội dung cam kết dài 20–20.000 ký tự/);
  // A ward leader cannot publish versions (conduct.manage is the province's Home Affairs).
  assert.equal((await wardLeader.request({ url: '/quan-tri/cam-ket/phien-ban', headers: html })).statusCode, 403);

  const body = `Tôi cam kết thực hiện “4 xin”, “4 luôn” và “5 không”.\n${XSS}`;
  const made = await homeAffairs.request({
    method: 'POST',
    url: '/quan-tri/cam-ket/phien-ban',
    payload: form({ title: 'Bản cam kết thực hiện “4 xin, 4 luôn, 5 không” (sửa đổi)', effectiveOn: today, body }),
    headers: html,
  });
  assert.equal(made.statusCode, 303, made.body);
  const versions = await homeAffairs.request({ url: '/quan-tri/cam-ket/phien-ban', headers: html });
  assert.match(versions.body, /Phiên bản 2/);
  assert.ok(versions.body.includes(ESCAPED), 'script in the text is shown as text');
  assert.ok(!versions.body.includes(XSS));

  const page = await clerk.request({ url: '/ca-nhan/cam-ket', headers: html });
  assert.match(page.body, /Tôi cam kết thực hiện/, 'the clerk must sign version 2');
  assert.ok(page.body.includes(ESCAPED));
  assert.equal((await commitmentSignatures(sys.platform.db, { unitIds: [commune.id] })).signed, 0);

  // A form still showing version 1 is refused and the new text shown.
  const stale = await clerk.request({ method: 'POST', url: '/ca-nhan/cam-ket', payload: form({ version: '1' }), headers: html });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Bản cam kết vừa được thay bằng phiên bản mới/);
  const signed = await clerk.request({ method: 'POST', url: '/ca-nhan/cam-ket', payload: form({ version: '2' }), headers: html });
  assert.equal(signed.statusCode, 303);
  const sp = await specialist.request({ method: 'POST', url: '/ca-nhan/cam-ket', payload: form({ version: '2' }), headers: html });
  assert.equal(sp.statusCode, 303);
  const figures = await commitmentSignatures(sys.platform.db, { unitIds: [commune.id] });
  assert.deepEqual([figures.version, figures.officials, figures.signed, figures.unsigned], [2, 2, 2, 0]);
  // Yesterday, version 1 was in force, and only the clerk had signed it.
  const yesterday = await commitmentSignatures(sys.platform.db, { unitIds: [commune.id], today: vnDay(-1) });
  assert.deepEqual([yesterday.version, yesterday.signed], [1, 1]);
  // Garbage in the version field is the same refusal, never a 500.
  assert.equal((await clerk.request({ method: 'POST', url: '/ca-nhan/cam-ket', payload: form({ version: 'abc' }), headers: html })).statusCode, 409);
});

// ---------- surveys ----------

async function createSurvey(s: typeof clerk, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return s.request({ method: 'POST', url: '/quan-tri/khao-sat', payload: params.toString(), headers: html });
}

const idFrom = (location: unknown) => Number(/\/quan-tri\/khao-sat\/(\d+)$/.exec(String(location))?.[1]);

/** An anonymous visitor on a survey's page, who can send the form (same key on every send: a double submit). */
async function visitor(id: number, ip = nextIp()) {
  const page = await sys.app.inject({ url: `/khao-sat/${id}`, remoteAddress: ip, headers: html });
  assert.equal(page.statusCode, 200);
  const cookie = String([page.headers['set-cookie']].flat().find((c) => String(c).startsWith('gd_sid='))).split(';')[0] as string;
  const csrf = csrfFrom(page.body);
  const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1] as string;
  const submit = (fields: Record<string, string>) =>
    sys.app.inject({
      method: 'POST',
      url: `/khao-sat/${id}`,
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...html },
      payload: form({ _csrf: csrf, key, website: '', ...fields }),
    });
  return { page, submit };
}

let surveyA = 0;
let surveyB = 0;

test('staff create surveys; bad drafts are named', async () => {
  const bad = await createSurvey(clerk, { unit: commune.code, title: 'KS', opensOn: vnDay(5), closesOn: vnDay(1) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Tên cuộc khảo sát dài 5–200 ký tự/);
  assert.match(bad.body, /Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/);
  assert.match(bad.body, /Hãy chọn ít nhất một nội dung đánh giá/);
  // A clerk of the commune cannot run a survey for the ward.
  assert.equal((await createSurvey(clerk, { unit: ward.code, title: 'Khảo sát phường', opensOn: today, closesOn: today, aspects: 'service' })).statusCode, 403);

  const a = await createSurvey(clerk, {
    unit: commune.code,
    title: 'Khảo sát sự hài lòng quý này',
    opensOn: vnDay(-5),
    closesOn: vnDay(25),
    aspects: ['service', 'official', 'time'],
    q_official: 'Cán bộ tiếp ông/bà có “4 xin, 4 luôn” không?',
    text_1: 'Ông/bà có góp ý gì để cơ quan phục vụ tốt hơn?',
    askOfficial: 'on',
    askProcedure: 'on',
  });
  assert.equal(a.statusCode, 303, a.body);
  surveyA = idFrom(a.headers.location);
  const b = await createSurvey(leader, {
    unit: ward.code,
    title: 'Khảo sát phường Lắng Nghe',
    opensOn: vnDay(-5),
    closesOn: vnDay(25),
    aspects: 'service',
    askProcedure: 'on',
  });
  assert.equal(b.statusCode, 303, b.body);
  surveyB = idFrom(b.headers.location);
  const questions = (await db.query('SELECT position, kind, aspect, label FROM survey_questions WHERE survey_id = $1 ORDER BY position', [surveyA])).rows;
  assert.deepEqual(
    questions.map((q) => [q.position, q.kind, q.aspect]),
    [
      [1, 'rating', 'service'],
      [2, 'rating', 'official'],
      [3, 'rating', 'time'],
      [4, 'text', null],
    ],
  );
  assert.equal(questions[1].label, 'Cán bộ tiếp ông/bà có “4 xin, 4 luôn” không?');
  const list = await clerk.request({ url: `/quan-tri/khao-sat?unit=${commune.code}`, headers: html });
  assert.match(list.body, /Khảo sát sự hài lòng quý này/);
  const pub = await sys.app.inject({ url: '/khao-sat', headers: html });
  assert.match(pub.body, /Khảo sát sự hài lòng quý này/);
  assert.match(pub.body, /href="\/hop-thu-gop-y"/);
  assert.match(pub.body, /href="\/duong-day-nong"/);
});

test('a citizen answers online: officials by name only, the unit’s procedures, a double submit is one response', async () => {
  const v = await visitor(surveyA);
  assert.match(v.page.body, /Cán bộ tiếp ông\/bà có “4 xin, 4 luôn” không\?/);
  assert.match(v.page.body, new RegExp(nameOf(specialistUser)));
  assert.doesNotMatch(v.page.body, new RegExp(nameOf(volunteerUser)));
  assert.doesNotMatch(v.page.body, new RegExp(nameOf(wardSpecialist)));
  assert.match(v.page.body, /Đăng ký khai sinh thử/);
  assert.doesNotMatch(v.page.body, /Thủ tục phường thử/);
  assert.match(v.page.body, /href="\/hop-thu-gop-y"/);

  // R1: rất hài lòng, rất hài lòng, hài lòng; P1; the specialist; a written answer with script in it.
  const r1 = await v.submit({
    r_1: 'rat_hai_long',
    r_2: 'rat_hai_long',
    r_3: 'hai_long',
    procedure: p1,
    official: String(specialistId),
    t_4: `${XSS} rất tốt`,
    respondentKind: 'citizen',
  });
  assert.equal(r1.statusCode, 303, r1.body);
  assert.equal(r1.headers.location, `/khao-sat/${surveyA}/da-gui`);
  const again = await v.submit({
    r_1: 'rat_hai_long',
    r_2: 'rat_hai_long',
    r_3: 'hai_long',
    procedure: p1,
    official: String(specialistId),
    t_4: `${XSS} rất tốt`,
  });
  assert.equal(again.statusCode, 303, 'a double submit gets the same answer');
  // R2: hài lòng, bình thường; P1; the clerk; a business, with a contact and consent.
  const r2 = await (await visitor(surveyA)).submit({
    r_1: 'hai_long',
    r_2: 'binh_thuong',
    procedure: p1,
    official: String(clerkId),
    respondentKind: 'business',
    name: 'Công ty Thử',
    contact: '0912 345 678',
    consent: 'on',
  });
  assert.equal(r2.statusCode, 303, r2.body);
  // R4: hài lòng on the official; P2.
  const r4 = await (await visitor(surveyA)).submit({ r_2: 'hai_long', procedure: p2 });
  assert.equal(r4.statusCode, 303, r4.body);
  // R5 at the ward: hài lòng.
  const r5 = await (await visitor(surveyB)).submit({ r_1: 'hai_long', procedure: p3 });
  assert.equal(r5.statusCode, 303, r5.body);

  const count = (await db.query('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [surveyA])).rows[0].n;
  assert.equal(count, 3);
  const kept = (await db.query("SELECT contact, contact_kind, contact_consent FROM survey_responses WHERE respondent_name = 'Công ty Thử'")).rows[0];
  assert.deepEqual(kept, { contact: '0912345678', contact_kind: 'phone', contact_consent: true });
  const audit = (await db.query("SELECT after FROM audit_log WHERE action = 'survey.response.submit' ORDER BY id")).rows;
  assert.equal(audit.length, 4);
  assert.ok(!JSON.stringify(audit).includes('0912345678') && !JSON.stringify(audit).includes('Công ty Thử'), 'no personal data in the audit log');
});

test('bad online answers are named and nothing is kept; robots, closed surveys and unknown ids are refused', async () => {
  const before = (await db.query('SELECT count(*)::int AS n FROM survey_responses')).rows[0].n;
  const v = await visitor(surveyA);
  const empty = await v.submit({});
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Hãy trả lời ít nhất một câu hỏi/);
  const wrong = await v.submit({ r_1: 'tuyet_voi', t_4: 'x'.repeat(2001), contact: 'không phải số', official: String(wardSpecialistId) });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Hãy chọn một trong bốn mức đánh giá/);
  assert.match(wrong.body, /Câu trả lời dài tối đa 2000 ký tự/);
  assert.match(wrong.body, /Số điện thoại không đúng/);
  assert.match(wrong.body, /Hãy đánh dấu đồng ý/);
  const foreign = await v.submit({ r_1: 'hai_long', official: String(wardSpecialistId), procedure: p3 });
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /Hãy chọn cán bộ trong danh sách/);
  assert.match(foreign.body, /Hãy chọn thủ tục trong danh sách/);
  // The form comes back with what was typed, escaped.
  const typed = await v.submit({ t_4: XSS, contact: '0912' });
  assert.equal(typed.statusCode, 400);
  assert.ok(typed.body.includes(ESCAPED) && !typed.body.includes(XSS));
  // The honeypot: answered as if all went well, nothing kept.
  const robot = await v.submit({ r_1: 'hai_long', website: 'http://spam.example' });
  assert.equal(robot.statusCode, 200);
  assert.match(robot.body, /Cảm ơn ông\/bà/);
  assert.equal((await db.query('SELECT count(*)::int AS n FROM survey_responses')).rows[0].n, before);

  await db.query('INSERT INTO surveys (unit_id, title, opens_on, closes_on) VALUES ($1, $2, $3, $4)', [
    commune.id,
    'Khảo sát đã kết thúc',
    vnDay(-30),
    vnDay(-1),
  ]);
  const closedId = Number((await db.query("SELECT id FROM surveys WHERE title = 'Khảo sát đã kết thúc'")).rows[0].id);
  await db.query("INSERT INTO survey_questions (survey_id, position, kind, aspect, label) VALUES ($1, 1, 'rating', 'service', 'Hài lòng không?')", [closedId]);
  const closed = await sys.app.inject({ url: `/khao-sat/${closedId}`, headers: html });
  assert.equal(closed.statusCode, 200);
  assert.match(closed.body, /Hiện không nhận ý kiến trực tuyến/);
  const late = await sys.app.inject({
    method: 'POST',
    url: `/khao-sat/${closedId}`,
    headers: { cookie: String([v.page.headers['set-cookie']].flat()[0]).split(';')[0] as string, 'content-type': 'application/x-www-form-urlencoded', ...html },
    payload: form({ _csrf: csrfFrom(v.page.body), r_1: 'hai_long' }),
  });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /Cuộc khảo sát không nhận ý kiến vào lúc này/);
  for (const bad of ['999999', 'abc', '0', '1e3']) assert.equal((await sys.app.inject({ url: `/khao-sat/${bad}`, headers: html })).statusCode, 404, bad);
});

test('the paper form prints on A4 with tick boxes and a QR code to the online form; staff type filled forms in', async () => {
  const res = await clerk.request({ url: `/quan-tri/khao-sat/${surveyA}/phieu.pdf` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const pdf = res.rawPayload;
  assert.match(pdfInfo(pdf)['Page size'] ?? '', /595\.\d* x 841\.\d*/);
  assert.equal(pdfInfo(pdf).Pages, '1', 'one sheet of A4');
  const text = pdfText(pdf);
  for (const s of [
    'PHIẾU KHẢO SÁT SỰ HÀI LÒNG',
    'Khảo sát sự hài lòng quý này',
    'XÃ MỈM CƯỜI',
    'Cán bộ tiếp ông/bà có “4 xin, 4 luôn” không?',
    'Rất hài lòng',
    'Không hài lòng',
    'Ông/bà có góp ý gì để cơ quan phục vụ tốt hơn?',
    'Thủ tục hành chính ông/bà đã thực hiện',
    'Quét mã để trả lời',
  ]) {
    assert.ok(text.includes(s), `PDF has “${s}”`);
  }
  assert.equal(decodeQr(pdf), `http://localhost:3000/khao-sat/${surveyA}`);

  const entry = await clerk.request({ url: `/quan-tri/khao-sat/${surveyA}/nhap`, headers: html });
  assert.equal(entry.statusCode, 200);
  const key = /name="key" value="([^"]+)"/.exec(entry.body)?.[1] as string;
  const outside = await clerk.request({
    method: 'POST',
    url: `/quan-tri/khao-sat/${surveyA}/nhap`,
    payload: form({ key, answeredOn: vnDay(-6), r_1: 'hai_long' }),
    headers: html,
  });
  assert.equal(outside.statusCode, 400);
  assert.match(outside.body, /Ngày trên phiếu phải trong thời gian khảo sát/);
  // R3 on paper: không hài lòng (service), bình thường (time); the specialist; dated yesterday.
  const fields = { key, answeredOn: vnDay(-1), r_1: 'khong_hai_long', r_3: 'binh_thuong', official: String(specialistId) };
  const saved = await clerk.request({ method: 'POST', url: `/quan-tri/khao-sat/${surveyA}/nhap`, payload: form(fields), headers: html });
  assert.equal(saved.statusCode, 303, saved.body);
  const twice = await clerk.request({ method: 'POST', url: `/quan-tri/khao-sat/${surveyA}/nhap`, payload: form(fields), headers: html });
  assert.equal(twice.statusCode, 303);
  const paper = (await db.query("SELECT answered_on::text AS d, entered_by FROM survey_responses WHERE channel = 'paper'")).rows;
  assert.deepEqual(
    paper.map((r) => [r.d, Number(r.entered_by)]),
    [[vnDay(-1), clerkId]],
  );
  // The ward's leader cannot type forms in for the commune.
  assert.equal((await wardLeader.request({ url: `/quan-tri/khao-sat/${surveyA}/nhap`, headers: html })).statusCode, 403);
});

// Hand-computed from the five responses above (R1–R4 at the commune, R5 at the ward):
//   R1 online  service rất hài lòng, official rất hài lòng, time hài lòng   P1  specialist
//   R2 online  service hài lòng,     official bình thường                  P1  clerk
//   R3 paper   service không hài lòng,                   time bình thường      specialist
//   R4 online                        official hài lòng                     P2
//   R5 online  service hài lòng (ward)                                     P3
const expected = {
  commune: { responses: 4, ratings: 8, levels: { rat_hai_long: 2, hai_long: 3, binh_thuong: 2, khong_hai_long: 1 }, share: 5 / 8 },
  ward: { responses: 1, ratings: 1, levels: { rat_hai_long: 0, hai_long: 1, binh_thuong: 0, khong_hai_long: 0 }, share: 1 },
  all: { responses: 5, ratings: 9, levels: { rat_hai_long: 2, hai_long: 4, binh_thuong: 2, khong_hai_long: 1 }, share: 6 / 9 },
};

test('results per unit, service, official and aspect match the hand-computed figures', async () => {
  const r = await surveyResults(sys.platform.db, { unitIds: [commune.id, ward.id], from: vnDay(-5), to: today });
  assert.deepEqual([r.responses, r.ratings, r.levels], [expected.all.responses, expected.all.ratings, expected.all.levels]);
  assert.ok(Math.abs((r.satisfiedShare ?? -1) - expected.all.share) < 1e-9);
  const byUnit = Object.fromEntries(r.byUnit.map((u) => [u.unitCode, u]));
  assert.deepEqual([byUnit[commune.code]?.responses, byUnit[commune.code]?.levels], [expected.commune.responses, expected.commune.levels]);
  assert.equal(byUnit[commune.code]?.satisfiedShare, 0.625);
  assert.deepEqual([byUnit[ward.code]?.responses, byUnit[ward.code]?.satisfiedShare], [1, 1]);
  assert.deepEqual(
    r.byProcedure.map((x) => [x.procedureCode, x.procedureName, x.responses, x.ratings, x.satisfiedShare]),
    [
      [p1, 'Đăng ký khai sinh thử', 2, 5, 4 / 5],
      [p2, 'Chứng thực bản sao thử', 1, 1, 1],
      [p3, 'Thủ tục phường thử', 1, 1, 1],
    ],
  );
  const byOfficial = Object.fromEntries(r.byOfficial.map((x) => [x.userId, x]));
  assert.deepEqual(byOfficial[specialistId]?.levels, { rat_hai_long: 2, hai_long: 1, binh_thuong: 1, khong_hai_long: 1 });
  assert.equal(byOfficial[specialistId]?.satisfiedShare, 3 / 5);
  assert.equal(byOfficial[specialistId]?.name, nameOf(specialistUser));
  assert.equal(byOfficial[clerkId]?.satisfiedShare, 1 / 2);
  assert.equal(r.byOfficial.length, 2);
  const byAspect = Object.fromEntries(r.byAspect.map((x) => [x.aspect, [x.ratings, x.satisfiedShare]]));
  assert.deepEqual(byAspect, { official: [3, 2 / 3], service: [4, 3 / 4], time: [2, 1 / 2] });

  // The paper form counts on its own date: a period of today only leaves it out.
  const todayOnly = await surveyResults(sys.platform.db, { unitIds: [commune.id], from: today, to: today });
  assert.deepEqual([todayOnly.responses, todayOnly.ratings], [3, 6]);
  // No survey at all: "no data", never 0 %.
  const none = await surveyResults(sys.platform.db, { unitIds: [province.id], from: vnDay(-5), to: today });
  assert.deepEqual([none.responses, none.ratings, none.satisfiedShare, none.byUnit], [0, 0, null, []]);
});

test('the results page and its Excel export show the same figures; written answers appear as text', async () => {
  const page = await leader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${province.code}&subtree=1&from=${vnDay(-5)}&to=${today}`, headers: html });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /class="satisfied-share">66,7 %/);
  assert.match(page.body, /62,5 %/);
  assert.match(page.body, /80,0 %/);
  assert.match(page.body, /60,0 %/);
  assert.ok(page.body.includes(`${ESCAPED} rất tốt`), 'a written answer with script shows as text');
  assert.ok(!page.body.includes(XSS));
  assert.doesNotMatch(page.body, /Công ty Thử|0912345678/, 'no respondent names or contacts in the results');

  const empty = await leader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${province.code}&from=${vnDay(-5)}&to=${today}`, headers: html });
  assert.match(empty.body, /class="satisfied-share">Không có dữ liệu/);
  assert.doesNotMatch(empty.body, /0,0 %/);

  const xlsx = await leader.request({ url: `/quan-tri/khao-sat/ket-qua.xlsx?unit=${province.code}&subtree=1&from=${vnDay(-5)}&to=${today}` });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  assert.ok(rows.some((r) => r[0]?.includes('KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG')));
  const find = (group: string, label: string) => rows.find((r) => r[0] === group && r[1]?.startsWith(label));
  assert.deepEqual(find('Tổng hợp', province.name)?.slice(2), ['5', '2', '4', '2', '1', '66,7 %']);
  assert.deepEqual(find('Đơn vị', commune.name)?.slice(2), ['4', '2', '3', '2', '1', '62,5 %']);
  assert.deepEqual(find('Thủ tục', 'Đăng ký khai sinh thử')?.slice(2), ['2', '2', '2', '1', '0', '80,0 %']);
  assert.deepEqual(find('Cán bộ', nameOf(specialistUser))?.slice(2), ['2', '2', '1', '1', '1', '60,0 %']);
  assert.ok(
    rows.some((r) => r[0] === 'Ý kiến' && r[1]?.includes(`${XSS} rất tốt`)),
    'the written answer as typed, plain text in a cell',
  );
});

test('bad result queries: inverted or future periods are named, units outside the grants refused', async () => {
  const inverted = await leader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${commune.code}&from=${today}&to=${vnDay(-3)}`, headers: html });
  assert.equal(inverted.statusCode, 400);
  assert.match(inverted.body, /Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/);
  const future = await leader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${commune.code}&from=${vnDay(10)}&to=${vnDay(20)}`, headers: html });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /ngày bắt đầu ở tương lai/);
  const garbage = await leader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${commune.code}&from=hôm-qua&to=2025-02-30`, headers: html });
  assert.equal(garbage.statusCode, 400);
  assert.equal((await leader.request({ url: `/quan-tri/khao-sat/ket-qua.xlsx?unit=${commune.code}&from=${vnDay(10)}&to=${vnDay(20)}` })).statusCode, 400);
  assert.equal((await otherLeader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${commune.code}`, headers: html })).statusCode, 403);
  assert.equal((await wardLeader.request({ url: `/quan-tri/khao-sat/ket-qua?unit=${commune.code}`, headers: html })).statusCode, 403);
  assert.equal((await leader.request({ url: '/quan-tri/khao-sat/ket-qua?unit=khong-co-don-vi-nay', headers: html })).statusCode, 404);
});
