/**
 * "Touch to know" (Chạm để biết): citizens ask without signing in, officials of the unit answer and publish, everyone
 * reads and searches the answers without diacritics; the asker's name and contact never leave the unit's staff, and
 * every staff read of them is in the audit log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csrfFrom, form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { loadDemo } from './procedures-support.ts';

const sys = await startSystem();
await loadDemo(sys);
const province = await makeUnit(sys, { name: 'Tỉnh Hỏi Đáp' });
const unitA = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Hỏi Một' });
const unitB = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Hỏi Hai' });
const clerkA = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unitA)).username);
const clerkB = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', unitB)).username);

function cookieOf(setCookie: string | string[] | undefined): string {
  const sid = [setCookie ?? []].flat().find((c) => c.startsWith('gd_sid='));
  if (!sid) throw new Error('no session cookie');
  return sid.split(';')[0] as string;
}

const NAME = 'Trần Thị Bí Mật';
const PHONE = '0912 345 678';
let address = 0;
/** A fresh client address per visitor, so the 5-a-minute limit only bites where a test means it to. */
const nextIp = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

/** An anonymous visitor: opens the ask form (getting a session and a CSRF token) and can submit it. */
async function visitor(ip = nextIp(), query = '') {
  const page = await sys.app.inject({ method: 'GET', url: `/hoi-dap/hoi${query}`, remoteAddress: ip, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  const cookie = cookieOf(page.headers['set-cookie']);
  const csrf = csrfFrom(page.body);
  const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1] as string;
  const submit = (fields: Record<string, string>) =>
    sys.app.inject({
      method: 'POST',
      url: '/hoi-dap/hoi',
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: csrf, key, website: '', ...fields }),
    });
  return { page, submit, key, cookie };
}

const count = async () => Number((await sys.platform.pool.query('SELECT count(*) AS n FROM questions')).rows[0].n);
const codeOf = (location: unknown) => /\/hoi-dap\/c\/([A-Z2-9]{8})$/.exec(String(location))?.[1] as string;

async function ask(fields: Record<string, string>) {
  const v = await visitor();
  const res = await v.submit(fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return codeOf(res.headers.location);
}

test('a citizen asks without signing in, from a procedure page, and gets a short code to look the question up', async () => {
  const v = await visitor(nextIp(), `?unit=${unitA.code}&thu-tuc=1.001193`);
  assert.match(v.page.body, /<h1>Đặt câu hỏi<\/h1>/);
  assert.match(v.page.body, new RegExp(`<option value="${unitA.code}" selected`));
  assert.match(v.page.body, /value="1.001193"/);
  assert.match(v.page.body, /Đăng ký khai sinh/, 'the procedure is named');
  const res = await v.submit({
    unit: unitA.code,
    procedure: '1.001193',
    question: 'Đăng ký khai sinh cho con cần mang theo giấy tờ gì?',
    name: NAME,
    contact: PHONE,
    consent: 'on',
  });
  assert.equal(res.statusCode, 303);
  const code = codeOf(res.headers.location);
  assert.match(code, /^[A-HJKMNP-Z2-9]{8}$/);
  const page = await sys.app.inject({ url: `/hoi-dap/c/${code}`, headers: { cookie: v.cookie, accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`Mã tra cứu của ông/bà là ${code}`));
  assert.match(page.body, /Đang chờ trả lời/);
  assert.doesNotMatch(page.body, /Bí Mật|0912|345 678/);
  // The code typed with spaces or in lower case on the list page finds it.
  const lookup = await sys.app.inject({ url: `/hoi-dap?ma=${encodeURIComponent(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)}` });
  assert.equal(lookup.statusCode, 303);
  assert.equal(lookup.headers.location, `/hoi-dap/c/${code}`);
  assert.equal((await sys.app.inject({ url: '/hoi-dap/c/ZZZZZZZZ', headers: { accept: 'text/html' } })).statusCode, 404);
  assert.match((await sys.app.inject({ url: '/hoi-dap/c/ZZZZZZZZ', headers: { accept: 'text/html' } })).body, /Không tìm thấy câu hỏi/);
});

test('bad input re-renders the form with every bad field named, keeping what was typed', async () => {
  const v = await visitor();
  const before = await count();
  const res = await v.submit({ unit: '', question: 'ngắn', contact: 'khong-phai-email@', procedure: '9.999999' });
  assert.equal(res.statusCode, 400);
  for (const f of ['unit', 'question', 'contact', 'consent', 'procedure']) assert.match(res.body, new RegExp(`href="#f-${f}"`), f);
  assert.match(res.body, /Câu hỏi cần ít nhất 10 ký tự/);
  assert.match(res.body, /khong-phai-email@/);
  assert.equal(await count(), before);
});

test('a filled honeypot is dropped silently; the same idempotency key makes one question', async () => {
  const before = await count();
  const v = await visitor();
  const bot = await v.submit({ unit: unitA.code, question: 'Mua thuốc giá rẻ tại đây nhé bạn', website: 'http://spam.example' });
  assert.equal(bot.statusCode, 200);
  assert.match(bot.body, /Đã nhận câu hỏi/);
  assert.equal(await count(), before, 'nothing kept');

  const fields = { unit: unitA.code, question: 'Làm căn cước cho trẻ em dưới 6 tuổi ở đâu?' };
  const first = await v.submit(fields);
  const second = await v.submit(fields);
  assert.equal(first.statusCode, 303);
  assert.equal(second.statusCode, 303);
  assert.equal(first.headers.location, second.headers.location);
  assert.equal(await count(), before + 1);
});

test('more than 5 questions a minute from one address get a Vietnamese 429 page', async () => {
  const ip = nextIp();
  const v = await visitor(ip);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await v.submit({ unit: '', question: 'x' })).statusCode);
  assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
  const limited = await v.submit({ unit: unitA.code, question: 'Câu hỏi thứ bảy trong một phút' });
  assert.equal(limited.statusCode, 429);
  assert.match(String(limited.headers['content-type']), /text\/html/);
  assert.match(limited.body, /<html lang="vi"/);
  assert.match(limited.body, /Quá nhiều yêu cầu, hãy thử lại sau ít phút/);
});

test('script and HTML in any field are shown as text, to the public and to staff', async () => {
  const code = await ask({ unit: unitA.code, question: '<script>alert(1)</script> <b>đậm</b> có được không?', name: '<img src=x onerror=alert(2)>' });
  const pub = await sys.app.inject({ url: `/hoi-dap/c/${code}` });
  assert.doesNotMatch(pub.body, /<script>alert|<b>đậm/);
  assert.match(pub.body, /&lt;script>alert\(1\)&lt;\/script> &lt;b>đậm&lt;\/b>/);
  const staff = await clerkA.request({ url: `/quan-tri/hoi-dap/${code}?lien-he=1`, headers: { accept: 'text/html' } });
  assert.equal(staff.statusCode, 200);
  assert.doesNotMatch(staff.body, /<img src=x|<script>alert/);
  assert.match(staff.body, /&lt;img src=x onerror=alert\(2\)>/);
});

test('the JSON twin asks once per Idempotency-Key and checks contact and consent', async () => {
  const body = { unit: unitB.code, question: 'Hỏi qua API: lệ phí chứng thực bản sao là bao nhiêu?', contact: 'lan@example.vn', consent: true };
  const headers = { 'idempotency-key': 'api-key-123456' };
  const a = await sys.app.inject({ method: 'POST', url: '/api/v1/questions', payload: body, headers, remoteAddress: nextIp() });
  const b = await sys.app.inject({ method: 'POST', url: '/api/v1/questions', payload: body, headers, remoteAddress: nextIp() });
  assert.equal(a.statusCode, 201);
  assert.equal(b.statusCode, 200);
  assert.equal(a.json().code, b.json().code);
  assert.equal(a.json().url, `/hoi-dap/c/${a.json().code}`);
  const noConsent = await sys.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...body, consent: false }, remoteAddress: nextIp() });
  assert.equal(noConsent.statusCode, 400);
  assert.deepEqual(
    noConsent.json().errors.map((e: { field: string }) => e.field),
    ['consent'],
  );
  const unknown = await sys.app.inject({ method: 'POST', url: '/api/v1/questions', payload: { ...body, unit: 'khong-co' }, remoteAddress: nextIp() });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().code, 'UNIT_NOT_FOUND');
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/questions'].post, 'documented');
  const read = (await sys.app.inject({ url: `/api/v1/questions/${a.json().code}` })).json();
  assert.equal(read.status, 'pending');
  assert.doesNotMatch(JSON.stringify(read), /lan@example/);
});

test('staff of the unit answer and publish; other units’ staff are refused; the public list and search show it', async () => {
  const code = await ask({
    unit: unitA.code,
    procedure: '1.001193',
    question: 'Đăng ký khai sinh quá hạn có bị phạt không?',
    name: NAME,
    contact: PHONE,
    consent: 'on',
  });
  // Unanswered questions come first in the unit's list.
  const list = await clerkA.request({ url: `/quan-tri/hoi-dap?unit=${unitA.code}`, headers: { accept: 'text/html' } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(code));
  assert.match(list.body, /Có để lại liên hệ/);
  assert.doesNotMatch(list.body, /Bí Mật|0912/, 'the list shows no contact');
  assert.equal((await clerkB.request({ url: `/quan-tri/hoi-dap?unit=${unitA.code}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal((await clerkB.request({ url: `/quan-tri/hoi-dap/${code}`, headers: { accept: 'text/html' } })).statusCode, 403);
  const foreign = await clerkB.request({
    method: 'POST',
    url: `/quan-tri/hoi-dap/${code}`,
    payload: form({ action: 'publish', answer: 'Không phải việc của tôi' }),
  });
  assert.equal(foreign.statusCode, 403);

  // Publishing needs an answer.
  const empty = await clerkA.request({ method: 'POST', url: `/quan-tri/hoi-dap/${code}`, payload: form({ action: 'publish', answer: '' }) });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Hãy viết câu trả lời/);
  const answer = 'Theo Nghị định 82/2020/NĐ-CP, không đăng ký khai sinh đúng hạn bị cảnh cáo. Ông/bà mang giấy chứng sinh đến Bộ phận Một cửa để đăng ký.';
  const ok = await clerkA.request({
    method: 'POST',
    url: `/quan-tri/hoi-dap/${code}`,
    payload: form({ action: 'publish', answer, note: 'Đã gọi điện báo người hỏi' }),
  });
  assert.equal(ok.statusCode, 303);

  const pub = await sys.app.inject({ url: `/hoi-dap/c/${code}` });
  assert.match(pub.body, /Trả lời của cơ quan/);
  assert.match(pub.body, /Nghị định 82\/2020/);
  assert.match(pub.body, /Phường Hỏi Một/);
  assert.doesNotMatch(pub.body, /Đã gọi điện báo/, 'the internal note stays internal');

  // Found without diacritics, by unit and by procedure, and beside the procedure.
  const search = await sys.app.inject({ url: '/hoi-dap?q=dang+ky+khai+sinh+qua+han' });
  assert.match(search.body, new RegExp(`/hoi-dap/c/${code}`));
  const byUnit = await sys.app.inject({ url: `/hoi-dap?unit=${unitA.code}&procedure=1.001193` });
  assert.match(byUnit.body, new RegExp(`/hoi-dap/c/${code}`));
  const otherUnit = await sys.app.inject({ url: `/hoi-dap?unit=${unitB.code}` });
  assert.doesNotMatch(otherUnit.body, new RegExp(`/hoi-dap/c/${code}`));
  const block = await sys.app.inject({ url: '/hoi-dap/thu-tuc/1.001193' });
  assert.equal(block.statusCode, 200);
  assert.match(block.body, /Hỏi đáp về thủ tục này/);
  assert.match(block.body, new RegExp(`/hoi-dap/c/${code}`));
  assert.equal((await sys.app.inject({ url: '/hoi-dap/thu-tuc/9.999999', headers: { accept: 'text/html' } })).statusCode, 404);
  const api = (await sys.app.inject({ url: '/api/v1/questions?q=khai%20sinh%20qua%20han' })).json();
  assert.ok(api.items.some((i: { code: string }) => i.code === code));

  // Public pages never show the asker's name or contact.
  for (const url of ['/hoi-dap', `/hoi-dap/c/${code}`, '/hoi-dap/thu-tuc/1.001193', '/api/v1/questions', `/api/v1/questions/${code}`]) {
    const body = (await sys.app.inject({ url })).body;
    assert.doesNotMatch(body, /Bí Mật|0912|345 678/, url);
  }

  // Hidden: off the list, still readable with the code.
  assert.equal((await clerkA.request({ method: 'POST', url: `/quan-tri/hoi-dap/${code}`, payload: form({ action: 'hide', answer }) })).statusCode, 303);
  assert.doesNotMatch((await sys.app.inject({ url: '/hoi-dap?q=dang+ky+khai+sinh+qua+han' })).body, new RegExp(`/hoi-dap/c/${code}`));
  assert.match((await sys.app.inject({ url: `/hoi-dap/c/${code}` })).body, /không đăng công khai/);

  // The asker left a phone with consent: one SMS says the question was answered, however often the answer is edited.
  const told = await sys.platform.pool.query(`SELECT channel, recipient, body FROM notifications WHERE about = $1`, [`question:${code}`]);
  assert.equal(told.rowCount, 1);
  assert.equal(told.rows[0].channel, 'sms');
  assert.equal(told.rows[0].recipient, '0912345678');
  assert.match(told.rows[0].body, new RegExp(`Cau hoi ${code} da co tra loi.*/hoi-dap/c/${code}`));
});

test('a question asked without a contact is answered without any message queued', async () => {
  const code = await ask({ unit: unitA.code, question: 'Giờ làm việc của Bộ phận Một cửa vào thứ Bảy thế nào?' });
  const res = await clerkA.request({
    method: 'POST',
    url: `/quan-tri/hoi-dap/${code}`,
    payload: form({ action: 'publish', answer: 'Sáng thứ Bảy từ 7 giờ đến 11 giờ 30.' }),
  });
  assert.equal(res.statusCode, 303);
  assert.equal((await sys.platform.pool.query(`SELECT 1 FROM notifications WHERE about = $1`, [`question:${code}`])).rowCount, 0);
});

test('a question may be rejected with a reason the asker reads', async () => {
  const code = await ask({ unit: unitA.code, question: 'Bán đất nền giá rẻ, liên hệ ngay hôm nay!' });
  const noReason = await clerkA.request({ method: 'POST', url: `/quan-tri/hoi-dap/${code}`, payload: form({ action: 'reject' }) });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Hãy chọn lý do từ chối/);
  const res = await clerkA.request({ method: 'POST', url: `/quan-tri/hoi-dap/${code}`, payload: form({ action: 'reject', rejectReason: 'spam' }) });
  assert.equal(res.statusCode, 303);
  const pub = await sys.app.inject({ url: `/hoi-dap/c/${code}` });
  assert.match(pub.body, /Cơ quan không trả lời câu hỏi này/);
  assert.match(pub.body, /Tin rác, quảng cáo/);
  assert.doesNotMatch((await sys.app.inject({ url: '/hoi-dap?q=dat+nen' })).body, new RegExp(code));
});

test('the staff read of contact data is audited, and no audit row holds contact data', async () => {
  const code = await ask({ unit: unitA.code, question: 'Xin hỏi giờ làm việc của Bộ phận Một cửa?', name: NAME, contact: PHONE, consent: 'on' });
  const page = await clerkA.request({ url: `/quan-tri/hoi-dap/${code}`, headers: { accept: 'text/html' } });
  assert.doesNotMatch(page.body, /Bí Mật|0912/, 'hidden until asked for');
  assert.match(page.body, /Xem họ tên và liên hệ/);
  const reads = async () =>
    Number((await sys.platform.pool.query("SELECT count(*) AS n FROM audit_log WHERE action = 'question.contact.read' AND entity_id = $1", [code])).rows[0].n);
  assert.equal(await reads(), 0);
  const shown = await clerkA.request({ url: `/quan-tri/hoi-dap/${code}?lien-he=1`, headers: { accept: 'text/html' } });
  assert.match(shown.body, /Trần Thị Bí Mật/);
  assert.match(shown.body, /href="tel:0912345678"/);
  assert.equal(await reads(), 1);
  const row = (await sys.platform.pool.query("SELECT actor_label, unit_id FROM audit_log WHERE action = 'question.contact.read' AND entity_id = $1", [code]))
    .rows[0];
  assert.equal(row.unit_id, unitA.id);
  assert.notEqual(row.actor_label, 'anonymous');

  const audit = await sys.platform.pool.query("SELECT action, before::text AS b, after::text AS a FROM audit_log WHERE entity_type = 'question'");
  assert.ok(audit.rows.some((r) => r.action === 'question.ask'));
  assert.ok(audit.rows.some((r) => r.action === 'question.publish'));
  for (const r of audit.rows) assert.doesNotMatch(`${r.b} ${r.a}`, /Bí Mật|0912|345 678|lan@example/, r.action);
});
