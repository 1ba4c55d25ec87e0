/**
 * The public side of feedback (phản ánh, kiến nghị), through the real door: the web form without JavaScript (photos,
 * place, anonymous or with consent), every bad field named, oversize and disguised photos refused by content, the
 * honeypot, the rate limit's Vietnamese page, one item per idempotency key; the suggestion box; the JSON intake;
 * tracking by code with the sender's rating and one request for review; the published answers searched without
 * diacritics, their Atom feed parsed back; the leaders' hotline numbers. No public page or feed shows the sender's
 * description, name, phone, e-mail or address, and script typed in any box comes back as text.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { makeUnit, startSystem } from '../helpers.ts';

const sys = await startSystem();
const db = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Công Khai' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Ổ Gà' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Hòa Bình' });
const police = await makeUnit(sys, { parent: province, kind: 'police', name: 'Công an tỉnh' });
await db.query(
  `INSERT INTO feedback_categories (code, name, name_en, position) VALUES ('giao-thong', 'Giao thông', 'Roads and traffic', 1), ('moi-truong', 'Môi trường', NULL, 2)`,
);

const PNG_BYTES = (() => {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(120);
  return PNG.sync.write(png);
})();

let ipCounter = 0;
/** A fresh address per visitor: the form takes 5 posts a minute from one address. */
const nextIp = () => `10.71.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

interface Visitor {
  ip: string;
  cookie: string;
}
const visitor = (): Visitor => ({ ip: nextIp(), cookie: '' });

function cookieOf(setCookie: string | string[] | undefined, previous: string): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const sid = list.find((c) => c.startsWith('gd_sid='));
  return sid ? (sid.split(';')[0] as string) : previous;
}

async function get(v: Visitor, url: string, headers: Record<string, string> = {}) {
  const res = await sys.app.inject({ method: 'GET', url, remoteAddress: v.ip, headers: { cookie: v.cookie, accept: 'text/html', ...headers } });
  v.cookie = cookieOf(res.headers['set-cookie'], v.cookie);
  return res;
}

async function postForm(v: Visitor, url: string, fields: Record<string, string>) {
  const res = await sys.app.inject({
    method: 'POST',
    url,
    remoteAddress: v.ip,
    headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: new URLSearchParams(fields).toString(),
  });
  v.cookie = cookieOf(res.headers['set-cookie'], v.cookie);
  return res;
}

const decode = (s: string) => s.replace(/&amp;/g, '&');

/** Opens the form; returns its action (with the CSRF token) and idempotency key. */
async function openForm(v: Visitor, path = '/phan-anh/gui') {
  const page = await get(v, path);
  assert.equal(page.statusCode, 200, page.body.slice(0, 500));
  const action = page.body.match(/<form method="post" action="([^"]+)" enctype="multipart\/form-data"/)?.[1];
  const key = page.body.match(/name="key" value="([^"]+)"/)?.[1];
  assert.ok(action && key, 'the form has an action and an idempotency key');
  return { page, action: decode(action), key };
}

type File = { filename: string; type: string; content: Buffer };

function multipart(fields: Record<string, string>, files: File[]): { body: Buffer; type: string } {
  const boundary = `----gandan${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

async function send(v: Visitor, action: string, fields: Record<string, string>, files: File[] = []) {
  const { body, type } = multipart(fields, files);
  const res = await sys.app.inject({
    method: 'POST',
    url: action,
    payload: body,
    remoteAddress: v.ip,
    headers: { cookie: v.cookie, 'content-type': type, accept: 'text/html' },
  });
  v.cookie = cookieOf(res.headers['set-cookie'], v.cookie);
  return res;
}

const count = async (where = 'true') => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE ${where}`)).rows[0]?.n ?? -1;

const sender = {
  kind: 'report',
  category: 'giao-thong',
  title: 'Ổ gà lớn trước chợ',
  description: 'Ổ gà sâu giữa đường Lê Lợi trước chợ, nhiều xe máy té ngã vào ban đêm.',
  place: ward.code,
  address: 'Trước số 12 đường Lê Lợi',
  lat: '10.4602',
  lng: '105.6329',
  name: 'Nguyễn Văn Bí Mật',
  phone: '0912 345 678',
  email: 'bimat@example.vn',
  consent: 'on',
};

/** Files one item through the form and returns its code. */
async function fileOne(fields: Record<string, string> = sender, files: File[] = []): Promise<string> {
  const v = visitor();
  const { action, key } = await openForm(v);
  const res = await send(v, action, { ...fields, key }, files);
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  return (res.headers.location as string).split('/').pop() as string;
}

test('the form without JavaScript: a report with a photo and contact, then the code, unit and deadline', async () => {
  const v = visitor();
  const { page, action, key } = await openForm(v, `/phan-anh/gui?unit=${ward.code}`);
  assert.match(page.body, /Gửi đến: <strong>Phường Ổ Gà<\/strong>/);
  assert.match(page.body, new RegExp(`<option value="${ward.code}" selected`), 'a ward addressed is also the place');
  assert.doesNotMatch(page.body, new RegExp(`<option value="${police.code}"`), 'only territorial units are places');
  assert.match(page.body, /<option value="giao-thong">Giao thông<\/option>/);
  assert.match(page.body, /<script src="\/static\/feedback-form.js" defer/);
  assert.match(page.body, /accept="image\/jpeg,image\/png,application\/pdf/);
  assert.match(page.body, /<button type="button" class="secondary" id="fb-locate" hidden/);
  const js = await get(v, '/static/feedback-form.js');
  assert.equal(js.statusCode, 200);
  assert.match(js.body, /navigator\.geolocation/);

  const res = await send(v, action, { ...sender, unit: ward.code, key }, [{ filename: 'o-ga.png', type: 'image/png', content: PNG_BYTES }]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const location = res.headers.location as string;
  assert.match(location, /^\/phan-anh\/da-gui\/[A-HJKMNP-Z2-9]{8}$/);
  const code = location.split('/').pop() as string;
  const done = await get(v, location);
  assert.equal(done.statusCode, 200);
  assert.match(done.body, new RegExp(`<p class="sub-code fb-code">${code}</p>`));
  assert.match(done.body, /<dd class="fb-unit">Phường Ổ Gà<\/dd>/);
  assert.match(done.body, /<strong class="fb-due">\d{2}\/\d{2}\/\d{4}<\/strong>/);
  assert.match(done.body, new RegExp(`href="/phan-anh/c/${code}"`));

  const row = (
    await db.query(
      `SELECT f.channel, f.kind, f.contact_name, f.contact_phone, f.contact_consent, f.lat, u.code AS unit, a.mime, a.name FROM feedback f
       JOIN units u ON u.id = f.unit_id JOIN feedback_attachments a ON a.feedback_id = f.id WHERE f.code = $1`,
      [code],
    )
  ).rows[0];
  assert.deepEqual(
    { ...row },
    {
      channel: 'web',
      kind: 'report',
      contact_name: 'Nguyễn Văn Bí Mật',
      contact_phone: '0912345678',
      contact_consent: true,
      lat: 10.4602,
      unit: ward.code,
      mime: 'image/png',
      name: 'o-ga.png',
    },
  );
});

test('each bad field is named, the typed text comes back, and nothing is written', async () => {
  const before = await count();
  const v = visitor();
  const { action, key } = await openForm(v);
  const res = await send(v, action, {
    kind: 'report',
    category: '',
    title: 'T'.repeat(201),
    description: 'ngắn',
    place: '',
    address: 'Hẻm 5 <b>đậm</b>',
    lat: '91',
    lng: '200',
    name: 'Trần Thị Có Tên',
    phone: '12345',
    email: 'khong-phai-thu',
    key,
  });
  assert.equal(res.statusCode, 400);
  for (const field of ['title', 'description', 'lat', 'lng', 'phone', 'email', 'consent']) {
    assert.match(res.body, new RegExp(`<a href="#f-${field}">`), `${field} is named in the summary`);
    assert.match(res.body, new RegExp(`id="f-${field}-error"`), `${field} has its message`);
  }
  assert.match(res.body, /Nội dung cần ít nhất 10 ký tự/);
  assert.match(res.body, /Hãy đánh dấu đồng ý/);
  assert.match(res.body, /value="Hẻm 5 &lt;b>đậm&lt;\/b>"/, 'the typed address is kept, escaped');
  assert.match(res.body, /value="Trần Thị Có Tên"/);
  assert.match(res.body, new RegExp(`name="key" value="${key}"`), 'the same key is kept for the retry');
  assert.equal(await count(), before);

  // An unknown category and an unknown place are named too (found by the intake, not the form rules).
  const unknown = await send(v, action, { ...sender, category: 'khong-co-linh-vuc', key });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /<a href="#f-category">Không có lĩnh vực phản ánh này<\/a>/);
  const place = await send(v, action, { ...sender, place: 'khong-co-xa', key });
  assert.equal(place.statusCode, 400);
  assert.match(place.body, /<a href="#f-place">Không có xã, phường này<\/a>/);
  assert.equal(await count(), before);
});

test('oversize, disguised and too many photos are refused by content with the form kept', async () => {
  const before = await count();
  const v = visitor();
  const { action, key } = await openForm(v);
  const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
  PNG_BYTES.copy(big);
  const over = await send(v, action, { ...sender, key }, [{ filename: 'to.png', type: 'image/png', content: big }]);
  assert.equal(over.statusCode, 413);
  assert.match(over.body, /<a href="#f-photos">Tệp “to.png” lớn hơn 5 MB<\/a>/);
  assert.match(over.body, /Ổ gà sâu giữa đường Lê Lợi/, 'the description comes back');
  const disguised = await send(v, action, { ...sender, key }, [
    { filename: 'anh.jpg', type: 'image/jpeg', content: Buffer.from('<html><script>alert(1)</script></html>') },
  ]);
  assert.equal(disguised.statusCode, 415);
  assert.match(disguised.body, /Tệp “anh.jpg” không phải ảnh JPEG, PNG hoặc tệp PDF/);
  const png = { filename: 'a.png', type: 'image/png', content: PNG_BYTES };
  const four = await send(v, action, { ...sender, key }, [png, png, png, png]);
  assert.equal(four.statusCode, 400);
  assert.match(four.body, /Chỉ gửi tối đa 3 tệp/);
  assert.equal(await count(), before);
});

test('the honeypot drops a robot quietly; the same key makes one item; a flood gets a Vietnamese 429 page', async () => {
  const before = await count();
  const v = visitor();
  const { action, key } = await openForm(v);
  const robot = await send(v, action, { ...sender, website: 'http://spam.example', key });
  assert.equal(robot.statusCode, 200);
  assert.match(robot.body, /Đã nhận/);
  assert.equal(await count(), before);

  const first = await send(v, action, { ...sender, key });
  const again = await send(v, action, { ...sender, key });
  assert.equal(first.statusCode, 303);
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, first.headers.location, 'a double click lands on the same item');
  assert.equal(await count(), before + 1);

  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await send(v, action, { ...sender, description: 'x', key })).statusCode);
  const limited = await send(v, action, { ...sender, key });
  // Five posts a minute from one address: the honeypot, the two above and two bad forms; the sixth is refused.
  assert.deepEqual(statuses, [400, 400, 429]);
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, /Quá nhiều yêu cầu, hãy thử lại sau ít phút/);
  assert.match(limited.body, /<html lang="vi"/);
});

test('the suggestion box files a suggestion on its own channel', async () => {
  const v = visitor();
  const { page, action, key } = await openForm(v, '/hop-thu-gop-y');
  assert.match(page.body, /<h1>Hộp thư góp ý điện tử<\/h1>/);
  assert.match(page.body, /<option value="suggestion" selected/);
  assert.match(action, /^\/hop-thu-gop-y\?_csrf=/);
  const res = await send(v, action, { kind: 'suggestion', description: 'Nên bố trí thêm ghế ngồi chờ ở Bộ phận Một cửa.', unit: commune.code, key });
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  const code = (res.headers.location as string).split('/').pop();
  const row = (await db.query(`SELECT channel, kind, contact_consent FROM feedback WHERE code = $1`, [code])).rows[0];
  assert.deepEqual({ ...row }, { channel: 'suggestion_box', kind: 'suggestion', contact_consent: false });
});

test('the JSON intake: 201 with code, unit, deadline and tracking address; 200 for a repeated key; bad fields named', async () => {
  const key = `api-${randomUUID()}`;
  const body = { kind: 'proposal', description: 'Kiến nghị mở rộng giờ tiếp nhận hồ sơ vào sáng thứ Bảy.', unit: commune.code, name: 'Ẩn', consent: true };
  const a = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/public',
    payload: body,
    headers: { 'idempotency-key': key },
    remoteAddress: nextIp(),
  });
  assert.equal(a.statusCode, 201, a.body);
  const out = a.json();
  assert.match(out.code, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.deepEqual(out.unit, { code: commune.code, name: 'Xã Hòa Bình' });
  assert.match(out.answerDueAt, /^\d{4}-\d{2}-\d{2}T17:00:00\+07:00$/, 'the end of office hours, Vietnam time');
  assert.equal(out.trackUrl, `http://localhost:3000/phan-anh/c/${out.code}`);
  const b = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/public',
    payload: body,
    headers: { 'idempotency-key': key },
    remoteAddress: nextIp(),
  });
  assert.equal(b.statusCode, 200);
  assert.deepEqual(b.json(), out);
  assert.equal(await count(`idempotency_key = '${key}'`), 1);

  const bad = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/public',
    payload: { description: 'ngắn', phone: '123', name: 'Ai đó' },
    headers: { 'accept-language': 'en' },
    remoteAddress: nextIp(),
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['consent', 'description', 'phone'],
  );
  assert.match(bad.body, /The description needs at least 10 characters/);
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/feedback/public']?.post, 'the route is in the OpenAPI document');
});

test('tracking shows status, unit, dates and public steps, never the sender’s text, contact or internal notes', async () => {
  const code = await fileOne();
  const { rows } = await db.query(`SELECT id FROM feedback WHERE code = $1`, [code]);
  const id = rows[0].id;
  await db.query(
    `INSERT INTO feedback_events (feedback_id, kind, status, note, public) VALUES ($1, 'note', 'received', 'GHI CHÚ NỘI BỘ BÍ MẬT', false);
     INSERT INTO feedback_events (feedback_id, kind, status, from_unit_id, to_unit_id, note, public_text, public)
       VALUES ($1, 'transferred', 'received', ${ward.id}, ${commune.id}, 'LÝ DO CHUYỂN NỘI BỘ', 'LÝ DO CHUYỂN GHI NHẦM', true);
     INSERT INTO feedback_events (feedback_id, kind, status, public_text, public) VALUES ($1, 'accepted', 'accepted', 'Đã phân loại: giao thông', true)`.replace(
      /\$1/g,
      String(id),
    ),
  );
  const v = visitor();
  const page = await get(v, `/phan-anh/c/${code.toLowerCase()}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<dd class="fb-status">Mới tiếp nhận, chờ phân loại<\/dd>/);
  assert.match(page.body, /Phường Ổ Gà/);
  assert.match(page.body, /<dd class="fb-due">\d{2}\/\d{2}\/\d{4}<\/dd>/);
  assert.match(page.body, /Đã tiếp nhận/);
  assert.match(page.body, /Chuyển đơn vị có thẩm quyền xử lý/);
  assert.match(page.body, /Đã phân loại: giao thông/);
  for (const secret of ['GHI CHÚ NỘI BỘ', 'LÝ DO CHUYỂN', 'Bí Mật', '0912', 'bimat@', 'Ổ gà sâu giữa đường', 'Trước số 12', '10.4602']) {
    assert.ok(!page.body.includes(secret), `tracking must not show "${secret}"`);
  }
  assert.doesNotMatch(page.body, /Đánh giá câu trả lời/, 'no rating before the answer');

  const lookup = await get(v, `/phan-anh/tra-cuu?ma=${code.slice(0, 4)}-${code.slice(4)}`);
  assert.equal(lookup.statusCode, 303);
  assert.equal(lookup.headers.location, `/phan-anh/c/${code}`);
  const badLookup = await get(v, '/phan-anh/tra-cuu?ma=O0I1');
  assert.equal(badLookup.statusCode, 400);
  assert.match(badLookup.body, /Mã phản ánh gồm 8 chữ cái và chữ số/);
});

test('an unknown or malformed code gets a clear 404 page', async () => {
  for (const url of ['/phan-anh/c/ABCDEFGH', '/phan-anh/c/%3Cscript%3E', '/phan-anh/p/ABCDEFGH', '/phan-anh/da-gui/ZZZZZZZZ']) {
    const res = await get(visitor(), url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /Không tìm thấy phản ánh, kiến nghị/);
    assert.doesNotMatch(res.body, /<script>/);
  }
  const en = await get(visitor(), '/phan-anh/c/ABCDEFGH?lang=en');
  assert.match(en.body, /Feedback not found/);
});

async function answer(code: string, text: string) {
  await db.query(`UPDATE feedback SET status = 'answered', answer = $2, answered_at = now() WHERE code = $1`, [code, text]);
}

test('the sender rates the answer once, asks for a review once when not satisfied, and is refused a second time', async () => {
  const code = await fileOne();
  await answer(code, 'Đã vá ổ gà ngày 20/11; cảm ơn ông/bà đã phản ánh.');
  const v = visitor();
  let page = await get(v, `/phan-anh/c/${code}`);
  assert.match(page.body, /<p class="qa-text fb-answer">Đã vá ổ gà ngày 20\/11; cảm ơn ông\/bà đã phản ánh.<\/p>/);
  for (const label of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']) assert.match(page.body, new RegExp(`>${label}</label>`));
  assert.doesNotMatch(page.body, /Lý do chưa hài lòng/, 'no review form before an unsatisfied rating');
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;

  const none = await postForm(v, `/phan-anh/c/${code}/danh-gia`, { _csrf: csrf });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /<a href="#f-rating">Hãy chọn một mức đánh giá<\/a>/);

  const rated = await postForm(v, `/phan-anh/c/${code}/danh-gia`, { _csrf: csrf, rating: 'khong_hai_long' });
  assert.equal(rated.statusCode, 303);
  page = await get(v, `/phan-anh/c/${code}`);
  assert.match(page.body, /Ông\/bà đã đánh giá: <strong>Không hài lòng<\/strong>/);
  assert.match(page.body, /Lý do chưa hài lòng/);
  const twice = await postForm(v, `/phan-anh/c/${code}/danh-gia`, { _csrf: csrf, rating: 'hai_long' });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /Câu trả lời này đã được đánh giá/);

  const short = await postForm(v, `/phan-anh/c/${code}/xem-xet-lai`, { _csrf: csrf, reason: 'chưa' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /<a href="#f-reason">Hãy nêu lý do chưa hài lòng/);
  assert.match(short.body, />chưa<\/textarea>/);

  const before = (await db.query(`SELECT answer_due_at FROM feedback WHERE code = $1`, [code])).rows[0].answer_due_at as Date;
  await db.query(`UPDATE feedback SET answer_due_at = now() - interval '30 days', warned_at = now() WHERE code = $1`, [code]);
  const reopened = await postForm(v, `/phan-anh/c/${code}/xem-xet-lai`, { _csrf: csrf, reason: 'Ổ gà vẫn còn, chỉ đổ đất tạm <script>x</script>' });
  assert.equal(reopened.statusCode, 303);
  const row = (await db.query(`SELECT status, reopen_count, reopen_reason, rating, answer_due_at, warned_at FROM feedback WHERE code = $1`, [code])).rows[0];
  assert.equal(row.status, 'in_progress');
  assert.equal(row.reopen_count, 1);
  assert.equal(row.rating, null, 'the next answer can be rated');
  assert.equal(row.warned_at, null);
  assert.ok(row.answer_due_at.getTime() >= before.getTime() - 60_000, 'the deadline is counted again from now');
  const events = (
    await db.query(
      `SELECT e.kind, e.public, e.note, e.public_text FROM feedback_events e JOIN feedback f ON f.id = e.feedback_id WHERE f.code = $1 AND e.kind IN ('rated', 'reopened') ORDER BY e.id`,
      [code],
    )
  ).rows;
  assert.deepEqual(
    events.map((e) => [e.kind, e.public]),
    [
      ['rated', false],
      ['reopened', true],
    ],
  );
  assert.doesNotMatch(events[1].public_text, /Ổ gà vẫn còn/, 'the sender’s reason is not public');
  const audit = (await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('feedback.rate', 'feedback.reopen') ORDER BY id`, [code]))
    .rows;
  assert.deepEqual(
    audit.map((a) => a.action),
    ['feedback.rate', 'feedback.reopen'],
  );
  page = await get(v, `/phan-anh/c/${code}`);
  assert.match(page.body, /<dd class="fb-status">Đang xử lý<\/dd>/);
  assert.match(page.body, /Người gửi đề nghị xem xét lại/);
  assert.doesNotMatch(page.body, /<script>x<\/script>/);

  // Answered again, rated unsatisfied again: a second review is refused.
  await answer(code, 'Đã thảm nhựa lại toàn bộ đoạn đường.');
  assert.equal((await postForm(v, `/phan-anh/c/${code}/danh-gia`, { _csrf: csrf, rating: 'khong_hai_long' })).statusCode, 303);
  page = await get(v, `/phan-anh/c/${code}`);
  assert.doesNotMatch(page.body, /Lý do chưa hài lòng/);
  assert.match(page.body, /đã được đề nghị xem xét lại một lần/);
  const second = await postForm(v, `/phan-anh/c/${code}/xem-xet-lai`, { _csrf: csrf, reason: 'Vẫn chưa hài lòng với cách làm.' });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /chỉ được một lần/);
  assert.equal((await db.query(`SELECT reopen_count FROM feedback WHERE code = $1`, [code])).rows[0].reopen_count, 1);
});

async function publish(code: string, title: string, summary: string, text: string, at = 'now()') {
  await answer(code, text);
  await db.query(`UPDATE feedback SET published = true, public_title = $2, public_summary = $3, published_at = ${at} WHERE code = $1`, [code, title, summary]);
}

test('published answers: newest first, searched without diacritics, filtered, one page each, and no personal data', async () => {
  const pothole = await fileOne();
  await publish(
    pothole,
    'Ổ gà trước chợ Phường Ổ Gà',
    'Người dân phản ánh ổ gà sâu trước chợ.',
    'Đã vá ổ gà, thảm nhựa lại mặt đường.',
    `now() - interval '1 hour'`,
  );
  const lights = await fileOne({ ...sender, category: 'moi-truong', place: commune.code, description: 'Đèn đường tắt cả tháng nay ở ấp 3.' });
  await publish(lights, 'Đèn đường ấp 3 không sáng', 'Đèn đường ở ấp 3 Xã Hòa Bình tắt 100% cả tháng.', 'Điện lực đã thay bóng đèn.');
  const hidden = await fileOne();
  await answer(hidden, 'Câu trả lời riêng không công khai.');

  const v = visitor();
  const list = await get(v, '/phan-anh');
  assert.equal(list.statusCode, 200);
  const order = [list.body.indexOf('Đèn đường ấp 3 không sáng'), list.body.indexOf('Ổ gà trước chợ Phường Ổ Gà')];
  assert.ok(order[0] > 0 && order[0] < (order[1] as number), 'newest first');
  assert.doesNotMatch(list.body, /Câu trả lời riêng không công khai/);
  assert.match(list.body, /<option value="moi-truong">Môi trường<\/option>/);

  const search = await get(v, '/phan-anh?q=o+ga');
  assert.match(search.body, /Kết quả: 1 câu trả lời/);
  assert.match(search.body, new RegExp(`href="/phan-anh/p/${pothole}"`));
  assert.doesNotMatch(search.body, /Đèn đường ấp 3 không sáng/);
  assert.match((await get(v, '/phan-anh?q=DEN+DUONG')).body, /Đèn đường ấp 3 không sáng/);
  assert.match((await get(v, '/phan-anh?q=100%25')).body, /Đèn đường ấp 3 không sáng/, 'a % in the search is a character');
  const wild = await get(v, '/phan-anh?q=%25%25%25_');
  assert.equal(wild.statusCode, 200, 'LIKE wildcards alone are no search, not an error');
  const byUnit = await get(v, `/phan-anh?unit=${commune.code}`);
  assert.match(byUnit.body, /Kết quả: 1 câu trả lời/);
  assert.match(byUnit.body, /Đèn đường/);
  assert.match((await get(v, '/phan-anh?category=giao-thong')).body, /Ổ gà trước chợ/);
  assert.match((await get(v, '/phan-anh?category=giao-thong&lang=en')).body, /Roads and traffic/);

  const one = await get(v, `/phan-anh/p/${pothole}`);
  assert.equal(one.statusCode, 200);
  assert.match(one.body, /Đã vá ổ gà, thảm nhựa lại mặt đường./);
  assert.equal((await get(v, `/phan-anh/p/${hidden}`)).statusCode, 404, 'an unpublished item has no public page');

  for (const body of [list.body, one.body, search.body]) {
    for (const secret of ['Bí Mật', '0912', 'bimat@', 'Ổ gà sâu giữa đường Lê Lợi', 'Trước số 12', '10.4602', 'Đèn đường tắt cả tháng']) {
      assert.ok(!body.includes(secret), `public page shows "${secret}"`);
    }
  }
});

test('the Atom feed parses back, keeps Vietnamese text, filters by unit and carries no personal data', async () => {
  const code = await fileOne({ ...sender, place: commune.code });
  await publish(code, 'Cầu tre ấp 5 xuống cấp & nguy hiểm', 'Cầu tre ấp 5 "xuống cấp" <nguy hiểm>.', 'Xã đã làm cầu bê tông mới.');
  const v = visitor();
  const res = await get(v, '/phan-anh/atom.xml');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^application\/atom\+xml/);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(res.body);
  const feed = doc.feed;
  assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id, 'http://localhost:3000/phan-anh/atom.xml');
  assert.ok(!Number.isNaN(Date.parse(feed.updated)));
  assert.ok(feed.author.name);
  const entries = [feed.entry].flat();
  const entry = entries.find((e: { id: string }) => e.id === `http://localhost:3000/phan-anh/p/${code}`);
  assert.ok(entry, 'the entry is there, with the item URL as id');
  assert.equal(entry.title['#text'], 'Cầu tre ấp 5 xuống cấp & nguy hiểm');
  assert.equal(entry.content['@_type'], 'text');
  assert.match(entry.content['#text'], /Cầu tre ấp 5 "xuống cấp" <nguy hiểm>\.[\s\S]*Xã đã làm cầu bê tông mới\./);
  assert.ok(!Number.isNaN(Date.parse(entry.updated)));
  const link = [entry.link].flat().find((l: Record<string, string>) => l['@_rel'] === 'alternate');
  assert.equal(link['@_href'], `http://localhost:3000/phan-anh/p/${code}`);
  for (const secret of ['Bí Mật', '0912', 'bimat@', 'Ổ gà sâu giữa đường', 'Trước số 12', '10.4602'])
    assert.ok(!res.body.includes(secret), `feed shows "${secret}"`);

  const byUnit = new XMLParser({ ignoreAttributes: false }).parse((await get(v, `/phan-anh/atom.xml?unit=${commune.code}`)).body).feed;
  const ids = [byUnit.entry ?? []].flat().map((e: { id: string }) => e.id);
  assert.ok(ids.includes(`http://localhost:3000/phan-anh/p/${code}`));
  assert.ok(ids.every((id: string) => !id.endsWith('/p/')));
  const wardFeed = new XMLParser().parse((await get(v, `/phan-anh/atom.xml?unit=${police.code}`)).body).feed;
  assert.equal(wardFeed.entry, undefined, 'a unit without published answers has an empty feed');
  assert.equal((await get(v, '/phan-anh/atom.xml?unit=khong-co')).statusCode, 404);
});

test('script and HTML typed in every box come back as text', async () => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const v = visitor();
  const { action, key } = await openForm(v);
  const res = await send(v, action, {
    kind: 'report',
    category: evil,
    title: evil,
    description: `${evil} mô tả đủ dài`,
    place: evil,
    address: evil,
    lat: evil,
    lng: evil,
    name: evil,
    phone: evil,
    email: evil,
    consent: 'on',
    key,
  });
  assert.equal(res.statusCode, 400);
  assert.doesNotMatch(res.body, /<script>alert|<img src=x/);
  assert.match(res.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>/);

  const code = await fileOne({ ...sender, title: evil, description: `${evil} mô tả đủ dài`, address: evil, name: evil });
  await publish(code, `Tiêu đề ${evil}`, `Tóm tắt ${evil}`, `Trả lời ${evil}`);
  for (const url of [`/phan-anh/c/${code}`, `/phan-anh/p/${code}`, '/phan-anh', `/phan-anh/da-gui/${code}`]) {
    const page = await get(v, url);
    assert.equal(page.statusCode, 200, url);
    assert.doesNotMatch(page.body, /<script>alert|<img src=x/, url);
  }
  const feed = (await get(v, '/phan-anh/atom.xml')).body;
  assert.doesNotMatch(feed, /<script>|<img /);
  assert.match(feed, /Tiêu đề &lt;script&gt;/);
});

test('the leaders’ hotline numbers, grouped by unit, with tel: links and a unit filter; pages speak English on request', async () => {
  await db.query(
    `INSERT INTO unit_hotlines (unit_id, name, title, phone, email, position) VALUES
       ($1, 'Lê Văn Chủ Tịch', 'Chủ tịch UBND xã', '0277 3851 234', 'chutich@hoabinh.gov.vn', 1),
       ($1, 'Trần Thị Phó', 'Phó Chủ tịch UBND xã', '0918 000 111', NULL, 2),
       ($2, 'Phạm Văn Phường', 'Chủ tịch UBND phường', '0277.3000.999', NULL, 1)`,
    [commune.id, ward.id],
  );
  const v = visitor();
  const page = await get(v, '/duong-day-nong');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2 id="hl-[^"]+">Xã Hòa Bình<\/h2>/);
  assert.match(page.body, /<a href="tel:02773851234">0277 3851 234<\/a>/);
  assert.match(page.body, /<a href="tel:02773000999">0277.3000.999<\/a>/);
  assert.ok(page.body.indexOf('Lê Văn Chủ Tịch') < page.body.indexOf('Trần Thị Phó'), 'in the unit’s order');
  const filtered = await get(v, `/duong-day-nong?unit=${ward.code}`);
  assert.match(filtered.body, /Phạm Văn Phường/);
  assert.doesNotMatch(filtered.body, /Lê Văn Chủ Tịch/);

  const en = await get(v, '/phan-anh/gui', { 'accept-language': 'en' });
  assert.match(en.body, /<h1>Send feedback<\/h1>/);
  assert.match(en.body, /Use my current position/);
  assert.match((await get(v, '/duong-day-nong?lang=en')).body, /Leaders’ hotline numbers/);
  const home = await get(v, '/');
  assert.match(home.body, /href="\/phan-anh"/);
});
