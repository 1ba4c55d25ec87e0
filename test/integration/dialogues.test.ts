/**
 * Dialogues (models M9, M10): radio dialogues "Chính quyền đồng hành cùng Nhân dân" and business coffee "Cà phê Doanh
 * nhân – Doanh nghiệp". Officials schedule them (API and pages, Vietnam time in forms), the public sends questions
 * beforehand without signing in, answers are published without the asker's name or contact, every issue raised is a
 * commitment with an owner, a deadline and a public outcome, overdue ones are flagged, an iCalendar feed carries the
 * schedule, and the coverage view shows which units have not held this quarter's dialogues.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csrfFrom, form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const province = await makeUnit(sys, { name: 'Tỉnh Đối Thoại' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Đồng Hành' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Cà Phê' });
const dept = await makeUnit(sys, { parent: province, kind: 'department', name: 'Sở Thử' });
const otherProvince = await makeUnit(sys, { name: 'Tỉnh Khác' });
const otherCommune = await makeUnit(sys, { parent: otherProvince, kind: 'commune', name: 'Xã Khác' });
const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', province, { subtree: true })).username);
const communeLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', commune)).username);
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);

const HOUR = 3600_000;
const XSS = '<script>alert(1)</script><b>đậm</b>';
/** How the page shows XSS: every < escaped (preact leaves > as is, which is safe in text). */
const ESCAPED = '&lt;script>alert(1)&lt;/script>&lt;b>đậm&lt;/b>';
let address = 0;
const nextIp = () => `10.7.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

async function apiCreate(body: Record<string, unknown>, s = leader) {
  return s.request({ method: 'POST', url: '/api/v1/dialogues', payload: body });
}

async function schedule(opts: { unit?: string; kind?: string; format?: string; title?: string; start: Date; hours?: number; place?: string }) {
  const res = await apiCreate({
    unit: opts.unit ?? commune.code,
    kind: opts.kind ?? 'radio',
    ...(opts.format ? { format: opts.format } : {}),
    title: opts.title ?? 'Chính quyền đồng hành cùng Nhân dân: đường giao thông nông thôn',
    startsAt: opts.start.toISOString(),
    endsAt: new Date(opts.start.getTime() + (opts.hours ?? 2) * HOUR).toISOString(),
    place: opts.place ?? 'Đài Truyền thanh xã',
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; url: string; status: string };
}

/** An anonymous visitor on a dialogue's page, who can send the question form. */
async function visitor(id: number, ip = nextIp()) {
  const page = await sys.app.inject({ url: `/doi-thoai/${id}`, remoteAddress: ip, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  const cookie = String([page.headers['set-cookie']].flat().find((c) => String(c).startsWith('gd_sid='))).split(';')[0] as string;
  const csrf = csrfFrom(page.body);
  const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1] as string;
  const submit = (fields: Record<string, string>) =>
    sys.app.inject({
      method: 'POST',
      url: `/doi-thoai/${id}/cau-hoi`,
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: csrf, key, website: '', ...fields }),
    });
  return { page, submit, cookie };
}

const pageOf = async (url: string, s = leader) => {
  const res = await s.request({ url, headers: { accept: 'text/html' } });
  return res;
};
const publicPage = (id: number) => sys.app.inject({ url: `/doi-thoai/${id}`, headers: { accept: 'text/html' } });
const auditRows = async (action: string) =>
  (await sys.platform.pool.query('SELECT entity_id, before, after FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows as {
    entity_id: string;
    before: unknown;
    after: unknown;
  }[];

test('an official schedules a dialogue on the staff form in Vietnam time; the public list and the JSON API show it', async () => {
  const form0 = await pageOf(`/quan-tri/doi-thoai/moi?unit=${commune.code}`);
  assert.equal(form0.statusCode, 200);
  assert.match(form0.body, /type="datetime-local"/);
  const res = await leader.request({
    method: 'POST',
    url: '/quan-tri/doi-thoai',
    headers: { accept: 'text/html' },
    payload: form({
      unit: commune.code,
      kind: 'business_coffee',
      format: 'site_visit',
      title: 'Cà phê Doanh nhân – Doanh nghiệp quý IV',
      description: 'Khảo sát thực tế tại Khu công nghiệp',
      startsAt: '2030-10-15T08:00',
      endsAt: '2030-10-15T11:30',
      place: 'Khu công nghiệp Đồng Hành',
    }),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  const id = Number(/\/quan-tri\/doi-thoai\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  const row = (await sys.platform.pool.query('SELECT starts_at, ends_at, format, status FROM dialogues WHERE id = $1', [id])).rows[0];
  assert.equal(new Date(row.starts_at).toISOString(), '2030-10-15T01:00:00.000Z', '08:00 in Vietnam is 01:00 UTC');
  assert.equal(row.format, 'site_visit');
  assert.equal(row.status, 'planned');
  const staff = await pageOf(`/quan-tri/doi-thoai/${id}`);
  assert.match(staff.body, /08:00–11:30/);
  assert.match(staff.body, /Khảo sát thực tế tại doanh nghiệp/);

  const list = await sys.app.inject({ url: `/doi-thoai?unit=${commune.code}&kind=business_coffee`, headers: { accept: 'text/html' } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/doi-thoai/${id}"`));
  const api = (await sys.app.inject({ url: `/api/v1/dialogues?unit=${province.code}&when=upcoming` })).json();
  const item = api.items.find((x: { id: number }) => x.id === id);
  assert.equal(item.kind, 'business_coffee');
  assert.equal(item.acceptsQuestions, true);
  assert.equal(item.unit.code, commune.code);
  assert.equal((await sys.app.inject({ url: `/api/v1/dialogues/${id}` })).json().format, 'site_visit');
  assert.equal(
    (await auditRows('dialogue.create')).some((r) => r.entity_id === String(id)),
    true,
  );
});

test('bad schedules are refused with each field named: inverted or missing times, a format on a radio dialogue, another unit', async () => {
  const start = new Date(Date.now() + 48 * HOUR);
  const inverted = await apiCreate({
    unit: commune.code,
    kind: 'radio',
    title: 'Đối thoại',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() - HOUR).toISOString(),
    place: 'Đài',
  });
  assert.equal(inverted.statusCode, 400);
  assert.equal(inverted.json().code, 'VALIDATION_FAILED');
  assert.deepEqual(
    inverted.json().errors.map((e: { field: string }) => e.field),
    ['endsAt'],
  );
  const radioFormat = await apiCreate({
    unit: commune.code,
    kind: 'radio',
    format: 'meeting',
    title: 'Đối thoại',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + HOUR).toISOString(),
    place: 'Đài',
  });
  assert.equal(radioFormat.statusCode, 400);
  assert.equal(radioFormat.json().errors[0].field, 'format');
  const noOffset = await apiCreate({
    unit: commune.code,
    kind: 'radio',
    title: 'Đối thoại',
    startsAt: '2030-01-01 08:00',
    endsAt: '2030-01-01T09:00:00Z',
    place: 'Đài',
  });
  assert.equal(noOffset.statusCode, 400);

  const page = await leader.request({
    method: 'POST',
    url: '/quan-tri/doi-thoai',
    headers: { accept: 'text/html' },
    payload: form({ unit: commune.code, kind: 'radio', title: 'Đối thoại giữ lại', startsAt: '2030-10-15T10:00', endsAt: '2030-10-15T09:00', place: 'Đài' }),
  });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /class="error-summary"/);
  assert.match(page.body, /Thời gian kết thúc phải sau thời gian bắt đầu/);
  assert.match(page.body, /value="Đối thoại giữ lại"/, 'the form keeps what was typed');
  assert.match(page.body, /value="2030-10-15T10:00"/);

  const elsewhere = await apiCreate(
    {
      unit: otherCommune.code,
      kind: 'radio',
      title: 'Đối thoại',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      place: 'Đài',
    },
    communeLeader,
  );
  assert.equal(elsewhere.statusCode, 403);
  const noPermission = await apiCreate(
    {
      unit: commune.code,
      kind: 'radio',
      title: 'Đối thoại',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      place: 'Đài',
    },
    clerk,
  );
  assert.equal(noPermission.statusCode, 403);
});

test('the public sends questions before the dialogue; answers are published without the asker; contact reads are audited', async () => {
  const d = await schedule({ start: new Date(Date.now() + 72 * HOUR) });
  const v = await visitor(d.id);
  assert.match(v.page.body, /Gửi câu hỏi trước buổi đối thoại/);
  assert.match(v.page.body, /name="website"/, 'the robot trap');
  assert.match(v.page.body, /name="consent"/);
  const noConsent = await v.submit({ question: 'Khi nào đường liên thôn được bê tông hóa?', name: 'Lê Văn Dân', contact: '0912 345 678' });
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Hãy đánh dấu đồng ý/);
  assert.match(noConsent.body, /Lê Văn Dân/, 're-rendered with the input');
  const sent = await v.submit({ question: 'Khi nào đường liên thôn được bê tông hóa?', name: 'Lê Văn Dân', contact: '0912 345 678', consent: 'on' });
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `/doi-thoai/${d.id}`);
  const again = await v.submit({ question: 'Khi nào đường liên thôn được bê tông hóa?', name: 'Lê Văn Dân', contact: '0912 345 678', consent: 'on' });
  assert.equal(again.statusCode, 303, 'a double submit is accepted');
  const bot = await v.submit({ question: 'Mua thuốc giá rẻ tại đây nhé', website: 'http://spam.example' });
  assert.equal(bot.statusCode, 200);
  const stored = (await sys.platform.pool.query('SELECT id, asker_contact FROM dialogue_questions WHERE dialogue_id = $1', [d.id])).rows;
  assert.equal(stored.length, 1, 'one question for one idempotency key, none from the robot');
  assert.equal(stored[0].asker_contact, '0912345678');
  const qid = Number(stored[0].id);

  // Staff: the contact shows only on request, and that read is audited without the data.
  const staff = await pageOf(`/quan-tri/doi-thoai/${d.id}`);
  assert.match(staff.body, /Khi nào đường liên thôn/);
  assert.doesNotMatch(staff.body, /Lê Văn Dân|0912345678/);
  const shown = await pageOf(`/quan-tri/doi-thoai/${d.id}?lien-he=${qid}`);
  assert.match(shown.body, /Lê Văn Dân/);
  const reads = await auditRows('dialogue.question.contact.read');
  assert.equal(reads.length, 1);
  assert.equal(reads[0]?.entity_id, String(qid));
  const allAudit = JSON.stringify((await sys.platform.pool.query('SELECT before, after FROM audit_log')).rows);
  assert.doesNotMatch(allAudit, /Lê Văn Dân|0912345678/, 'no personal data in the audit log');

  const missing = await leader.request({
    method: 'POST',
    url: `/quan-tri/doi-thoai/${d.id}/cau-hoi/${qid}`,
    headers: { accept: 'text/html' },
    payload: form({ action: 'answer' }),
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Hãy ghi câu trả lời/);
  const answered = await leader.request({
    method: 'POST',
    url: `/quan-tri/doi-thoai/${d.id}/cau-hoi/${qid}`,
    headers: { accept: 'text/html' },
    payload: form({ action: 'answer', [`answer-${qid}`]: 'Tuyến đường được bê tông hóa trong quý I năm sau.' }),
  });
  assert.equal(answered.statusCode, 303);
  const pub = await publicPage(d.id);
  assert.match(pub.body, /Câu hỏi đã được trả lời/);
  assert.match(pub.body, /bê tông hóa trong quý I/);
  assert.doesNotMatch(pub.body, /Lê Văn Dân|0912|345 678/);
  const json = (await sys.app.inject({ url: `/api/v1/dialogues/${d.id}` })).json();
  assert.equal(json.answeredQuestions.length, 1);
  assert.doesNotMatch(JSON.stringify(json), /Lê Văn Dân|0912345678/);
});

test('questions close when the dialogue starts; a cancelled dialogue shows its reason and takes no commitments', async () => {
  const started = await schedule({ start: new Date(Date.now() - HOUR) });
  const page = await publicPage(started.id);
  assert.doesNotMatch(page.body, /name="question"/);
  assert.match(page.body, /không nhận thêm câu hỏi/);
  const d = await schedule({ start: new Date(Date.now() + 24 * HOUR) });
  const noReason = await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${d.id}`, payload: { status: 'cancelled' } });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().errors[0].field, 'reason');
  const early = await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${d.id}`, payload: { status: 'held', summary: 'Chưa diễn ra' } });
  assert.equal(early.statusCode, 400, 'not held before it starts');
  const cancelled = await leader.request({
    method: 'PATCH',
    url: `/api/v1/dialogues/${d.id}`,
    payload: { status: 'cancelled', cancelReason: 'Bão số 5 đổ bộ' },
  });
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().status, 'cancelled');
  const pub = await publicPage(d.id);
  assert.match(pub.body, /Đã hủy/);
  assert.match(pub.body, /Bão số 5 đổ bộ/);
  const edit = await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${d.id}`, payload: { place: 'Nơi khác' } });
  assert.equal(edit.statusCode, 409);
  const c = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${d.id}/commitments`,
    payload: { text: 'Sửa đường', ownerUnit: commune.code, deadline: '2030-01-01' },
  });
  assert.equal(c.statusCode, 409);
});

test('participants: officials and businesses by tax code; a wrong check digit is refused; representatives stay internal', async () => {
  const d = await schedule({ kind: 'business_coffee', format: 'meeting', title: 'Cà phê Doanh nhân quý IV', start: new Date(Date.now() + 30 * HOUR) });
  const add = (fields: Record<string, string>) =>
    leader.request({ method: 'POST', url: `/quan-tri/doi-thoai/${d.id}/thanh-phan`, headers: { accept: 'text/html' }, payload: form(fields) });
  const bad = await add({ kind: 'business', name: 'Công ty TNHH Sai Số', taxCode: '0100109107' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /sai chữ số kiểm tra/);
  assert.match(bad.body, /value="Công ty TNHH Sai Số"/);
  const short = await add({ kind: 'business', name: 'Công ty Ngắn', taxCode: '12345' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /10 chữ số/);
  assert.equal(
    (await add({ kind: 'business', name: 'Tập đoàn Viễn thông Thử', taxCode: '0100109106-001', representative: 'Nguyễn Đại Diện' })).statusCode,
    303,
  );
  const dup = await add({ kind: 'business', name: 'Trùng', taxCode: '0100109106001' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /đã có trong danh sách/);
  assert.equal((await add({ kind: 'official', name: 'Trần Chủ Tịch', position: 'Chủ tịch UBND xã' })).statusCode, 303);
  const pub = await publicPage(d.id);
  assert.match(pub.body, /Tập đoàn Viễn thông Thử/);
  assert.match(pub.body, /0100109106-001/);
  assert.match(pub.body, /Trần Chủ Tịch, Chủ tịch UBND xã/);
  assert.doesNotMatch(pub.body, /Nguyễn Đại Diện/);
  const staff = await pageOf(`/quan-tri/doi-thoai/${d.id}`);
  assert.match(staff.body, /Nguyễn Đại Diện/);
});

test('commitments: recorded once the dialogue started, overdue ones flagged publicly and in the staff list, closed with an outcome', async () => {
  const d = await schedule({ unit: ward.code, start: new Date(Date.now() - 2 * HOUR), title: 'Đối thoại về rác thải' });
  const future = await schedule({ unit: ward.code, start: new Date(Date.now() + 10 * HOUR) });
  const tooEarly = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${future.id}/commitments`,
    payload: { text: 'Sửa đường', ownerUnit: ward.code, deadline: '2030-01-01' },
  });
  assert.equal(tooEarly.statusCode, 409);
  const badDay = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${d.id}/commitments`,
    payload: { text: 'Sửa cầu', ownerUnit: ward.code, deadline: '2030-02-30' },
  });
  assert.equal(badDay.statusCode, 400);
  assert.equal(badDay.json().errors[0].field, 'deadline');
  const badOwner = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${d.id}/commitments`,
    payload: { text: 'Sửa cầu', ownerUnit: 'khong-co', deadline: '2030-02-28' },
  });
  assert.equal(badOwner.statusCode, 400);
  assert.deepEqual(
    badOwner.json().errors.map((e: { field: string }) => e.field),
    ['ownerUnit'],
  );
  const late = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${d.id}/commitments`,
    payload: { text: 'Bố trí thêm thùng rác ở chợ phường', ownerUnit: ward.code, deadline: '2026-01-31' },
  });
  assert.equal(late.statusCode, 201, late.body);
  assert.equal(late.json().overdue, true);
  const onTime = await leader.request({
    method: 'POST',
    url: `/quan-tri/doi-thoai/${d.id}/cam-ket`,
    headers: { accept: 'text/html' },
    payload: form({ text: 'Nạo vét kênh thoát nước', ownerUnit: dept.code, deadline: '2099-12-31' }),
  });
  assert.equal(onTime.statusCode, 303);
  const pub = await publicPage(d.id);
  assert.match(pub.body, /Cam kết và kết quả thực hiện/);
  assert.match(pub.body, /1 cam kết đã quá hạn/);
  assert.match(pub.body, /class="tag late">Quá hạn/);
  assert.match(pub.body, /Nạo vét kênh thoát nước/);

  const list = await pageOf(`/quan-tri/doi-thoai/cam-ket?unit=${province.code}&qua-han=1`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Bố trí thêm thùng rác/);
  assert.doesNotMatch(list.body, /Nạo vét kênh/, 'only overdue ones');
  const all = await pageOf(`/quan-tri/doi-thoai/cam-ket?unit=${province.code}`);
  assert.match(all.body, /Nạo vét kênh/);
  assert.equal((await pageOf(`/quan-tri/doi-thoai/cam-ket?unit=${ward.code}`, communeLeader)).statusCode, 403);

  const cid = late.json().id as number;
  const noOutcome = await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${d.id}/commitments/${cid}`, payload: { status: 'done' } });
  assert.equal(noOutcome.statusCode, 400);
  assert.equal(noOutcome.json().errors[0].field, 'outcome');
  const done = await leader.request({
    method: 'PATCH',
    url: `/api/v1/dialogues/${d.id}/commitments/${cid}`,
    payload: { status: 'done', outcome: 'Đã đặt 10 thùng rác.' },
  });
  assert.equal(done.statusCode, 200);
  assert.equal(done.json().overdue, false);
  assert.ok(done.json().closedAt);
  assert.doesNotMatch((await publicPage(d.id)).body, /đã quá hạn/);
  assert.match((await publicPage(d.id)).body, /Đã đặt 10 thùng rác/);
  const rows = await auditRows('dialogue.commitment.update');
  assert.equal((rows.at(-1)?.after as { status?: string } | undefined)?.status, 'done');

  const held = await leader.request({
    method: 'PATCH',
    url: `/api/v1/dialogues/${d.id}`,
    payload: { status: 'held', summary: 'Trả lời 8 câu hỏi, ghi 2 cam kết.' },
  });
  assert.equal(held.statusCode, 200);
  assert.equal(held.json().status, 'held');
  assert.match((await publicPage(d.id)).body, /Trả lời 8 câu hỏi/);
});

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      out.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      const name = line.slice(0, i).split(';')[0] as string;
      cur[name] = line.slice(i + 1);
    }
  }
  return out;
}

test('the iCalendar feed: a stable UID per dialogue, UTC times, Vietnamese titles, cancelled ones marked', async () => {
  const start = new Date('2031-03-05T02:00:00Z'); // 09:00 in Vietnam
  const d = await schedule({ unit: ward.code, title: 'Đối thoại về đường điện, nước sạch', start, hours: 1.5, place: 'Nhà văn hóa khu phố 3' });
  const c = await schedule({ unit: ward.code, title: 'Buổi sẽ bị hủy', start: new Date('2031-03-06T02:00:00Z') });
  await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${c.id}`, payload: { status: 'cancelled', cancelReason: 'Trùng lịch họp' } });
  const res = await sys.app.inject({ url: `/doi-thoai/lich.ics?unit=${ward.code}` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8/);
  assert.match(res.body, /^BEGIN:VCALENDAR\r\n/);
  assert.match(res.body, /\r\nVERSION:2\.0\r\n/);
  assert.match(res.body, /\r\nX-WR-TIMEZONE:Asia\/Ho_Chi_Minh\r\n/);
  assert.ok(
    res.body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75),
    'lines folded at 75 octets',
  );
  const evs = events(res.body);
  const e = evs.find((x) => x.UID === `dialogue-${d.id}@localhost:3000`);
  assert.ok(e, 'the event is found by its UID');
  assert.equal(e.DTSTART, '20310305T020000Z');
  assert.equal(e.DTEND, '20310305T033000Z');
  assert.equal(e.SUMMARY, 'Đối thoại về đường điện\\, nước sạch · Phường Cà Phê'.normalize('NFC'));
  assert.equal(e.SUMMARY, e.SUMMARY?.normalize('NFC'));
  assert.equal(e.LOCATION, 'Nhà văn hóa khu phố 3');
  assert.equal(e.STATUS, 'CONFIRMED');
  assert.equal(e.URL, `http://localhost:3000/doi-thoai/${d.id}`);
  const ce = evs.find((x) => x.UID === `dialogue-${c.id}@localhost:3000`);
  assert.equal(ce?.STATUS, 'CANCELLED');
  assert.equal(ce?.SEQUENCE, '1', 'the sequence rose with the cancellation');
  // Moving the dialogue keeps its UID and raises SEQUENCE.
  await leader.request({
    method: 'PATCH',
    url: `/api/v1/dialogues/${d.id}`,
    payload: { startsAt: '2031-03-05T10:00:00+07:00', endsAt: '2031-03-05T11:00:00+07:00' },
  });
  const moved = events((await sys.app.inject({ url: '/doi-thoai/lich.ics' })).body).find((x) => x.UID === `dialogue-${d.id}@localhost:3000`);
  assert.equal(moved?.DTSTART, '20310305T030000Z');
  assert.equal(moved?.SEQUENCE, '1');
  const other = events((await sys.app.inject({ url: `/doi-thoai/lich.ics?unit=${otherProvince.code}` })).body);
  assert.equal(other.length, 0, 'another province’s feed does not carry it');
  assert.equal((await sys.app.inject({ url: '/doi-thoai/lich.ics?unit=khong-co-don-vi' })).statusCode, 404);
});

test('coverage: which units have not held the radio dialogue (monthly at the province) and the business coffee this quarter', async () => {
  const cov = await makeUnit(sys, { name: 'Tỉnh Bao Phủ' });
  const c1 = await makeUnit(sys, { parent: cov, kind: 'commune', name: 'Xã Đủ' });
  const c2 = await makeUnit(sys, { parent: cov, kind: 'ward', name: 'Phường Thiếu' });
  await makeUnit(sys, { parent: cov, kind: 'police', name: 'Công an Không Tính' });
  const lead = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', cov, { subtree: true })).username);
  const holdAt = async (unit: string, kind: string, startIso: string) => {
    const r = await lead.request({
      method: 'POST',
      url: '/api/v1/dialogues',
      payload: {
        unit,
        kind,
        ...(kind === 'business_coffee' ? { format: 'meeting' } : {}),
        title: 'Đối thoại quý III',
        startsAt: startIso,
        endsAt: new Date(new Date(startIso).getTime() + HOUR).toISOString(),
        place: 'Hội trường',
      },
    });
    assert.equal(r.statusCode, 201, r.body);
    const held = await lead.request({ method: 'PATCH', url: `/api/v1/dialogues/${r.json().id}`, payload: { status: 'held', summary: 'Đã tổ chức.' } });
    assert.equal(held.statusCode, 200, held.body);
  };
  await holdAt(cov.code, 'radio', '2026-07-10T01:00:00Z');
  await holdAt(cov.code, 'radio', '2026-09-30T16:30:00Z'); // 23:30 on 30 September in Vietnam
  await holdAt(cov.code, 'business_coffee', '2026-08-01T01:00:00Z');
  await holdAt(c1.code, 'radio', '2026-08-15T01:00:00Z');
  await holdAt(c1.code, 'business_coffee', '2026-09-01T01:00:00Z');
  await holdAt(c2.code, 'radio', '2026-06-30T01:00:00Z'); // the quarter before
  await holdAt(c2.code, 'business_coffee', '2026-09-30T17:30:00Z'); // 00:30 on 1 October in Vietnam: next quarter
  const res = await pageOf(`/quan-tri/doi-thoai/bao-phu?unit=${cov.code}&quarter=2026-Q3`, lead);
  assert.equal(res.statusCode, 200);
  const rowOf = (code: string) => new RegExp(`<tr data-unit="${code}">([\\s\\S]*?)</tr>`).exec(res.body)?.[1] ?? '';
  assert.match(rowOf(cov.code), /"tag done">Tháng 7: đã tổ chức/);
  assert.match(rowOf(cov.code), /"tag late">Tháng 8: chưa tổ chức/);
  assert.match(rowOf(cov.code), /"tag done">Tháng 9: đã tổ chức/);
  assert.doesNotMatch(rowOf(c1.code), /chưa tổ chức/);
  assert.equal((rowOf(c2.code).match(/tag late/g) ?? []).length, 2, 'both kinds missing at the ward');
  assert.doesNotMatch(res.body, /<th scope="row">Công an Không Tính/, 'units that hold no dialogues are left out');
  assert.match(res.body, /2\/3 đơn vị chưa tổ chức đủ/);
  const bad = await pageOf(`/quan-tri/doi-thoai/bao-phu?unit=${cov.code}&quarter=2026-Q9`, lead);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Quý có dạng 2026-Q4/);
  assert.equal((await pageOf(`/quan-tri/doi-thoai/bao-phu?unit=${cov.code}`, communeLeader)).statusCode, 403);
});

test('script and HTML typed in every text field are shown as text', async () => {
  const d = await schedule({ unit: commune.code, start: new Date(Date.now() - HOUR), title: `Chủ đề ${XSS}`, place: `Nơi ${XSS}` });
  await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${d.id}`, payload: { status: 'held', summary: `Tóm tắt ${XSS}` } });
  await sys.platform.pool.query('UPDATE dialogues SET description = $2 WHERE id = $1', [d.id, `Nội dung ${XSS}`]);
  const add = (fields: Record<string, string>) =>
    leader.request({ method: 'POST', url: `/quan-tri/doi-thoai/${d.id}/thanh-phan`, headers: { accept: 'text/html' }, payload: form(fields) });
  assert.equal((await add({ kind: 'official', name: `Cán bộ ${XSS}`, position: `Chức vụ ${XSS}` })).statusCode, 303);
  assert.equal((await add({ kind: 'business', name: `Công ty ${XSS}`, taxCode: '0300588569', representative: `Đại diện ${XSS}` })).statusCode, 303);
  const q = await sys.platform.pool.query<{ id: string }>(
    'INSERT INTO dialogue_questions (dialogue_id, question, asker_name) VALUES ($1, $2, $3) RETURNING id',
    [d.id, `Câu hỏi ${XSS}`, `Tên ${XSS}`],
  );
  const qid = q.rows[0]?.id as string;
  await leader.request({
    method: 'POST',
    url: `/quan-tri/doi-thoai/${d.id}/cau-hoi/${qid}`,
    headers: { accept: 'text/html' },
    payload: form({ action: 'answer', [`answer-${qid}`]: `Trả lời ${XSS}` }),
  });
  const c = await leader.request({
    method: 'POST',
    url: `/api/v1/dialogues/${d.id}/commitments`,
    payload: { text: `Cam kết ${XSS}`, ownerUnit: commune.code, deadline: '2030-01-01' },
  });
  await leader.request({
    method: 'PATCH',
    url: `/api/v1/dialogues/${d.id}/commitments/${c.json().id}`,
    payload: { status: 'dropped', outcome: `Kết quả ${XSS}` },
  });
  const cancelled = await schedule({ unit: commune.code, start: new Date(Date.now() + 5 * HOUR) });
  await leader.request({ method: 'PATCH', url: `/api/v1/dialogues/${cancelled.id}`, payload: { status: 'cancelled', cancelReason: `Lý do ${XSS}` } });

  const pages = [
    (await publicPage(d.id)).body,
    (await publicPage(cancelled.id)).body,
    (await pageOf(`/quan-tri/doi-thoai/${d.id}?lien-he=${qid}`)).body,
    (await sys.app.inject({ url: `/doi-thoai?unit=${commune.code}`, headers: { accept: 'text/html' } })).body,
    (await pageOf(`/quan-tri/doi-thoai?unit=${commune.code}`)).body,
  ];
  for (const body of pages) assert.doesNotMatch(body, /<script>alert|<b>đậm/);
  const pub = pages[0] as string;
  for (const label of ['Chủ đề', 'Nơi', 'Tóm tắt', 'Nội dung', 'Cán bộ', 'Chức vụ', 'Công ty', 'Câu hỏi', 'Trả lời', 'Cam kết', 'Kết quả']) {
    assert.ok(pub.includes(`${label} ${ESCAPED}`), `${label} shown as text`);
  }
  assert.ok((pages[1] as string).includes(`Lý do ${ESCAPED}`));
  assert.ok((pages[2] as string).includes(`Đại diện ${ESCAPED}`));
  assert.ok((pages[2] as string).includes(`Tên ${ESCAPED}`));
});

test('an unknown dialogue is a 404 page in Vietnamese, and a problem in the API', async () => {
  for (const url of ['/doi-thoai/999999999', '/doi-thoai/abc', '/doi-thoai/0']) {
    const res = await sys.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /Không có buổi đối thoại này/);
  }
  const api = await sys.app.inject({ url: '/api/v1/dialogues/999999999' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().code, 'NOT_FOUND');
  assert.equal((await pageOf('/quan-tri/doi-thoai/999999999')).statusCode, 404);
  const patch = await leader.request({ method: 'PATCH', url: '/api/v1/dialogues/999999999/commitments/1', payload: { status: 'done' } });
  assert.equal(patch.statusCode, 404);
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/dialogues'].post);
  assert.ok(doc.paths['/api/v1/dialogues/{id}/commitments/{commitmentId}'].patch);
});
