/**
 * The ID-card QR endpoint and the desk's card-check page, through the real app in-process: the 200 and 422 shapes in
 * Vietnamese and English, the limits (length, body size, content type, rate), the static scan script, and the page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CARDS, sample } from '../../src/modules/identity/rules/samples.ts';
import { csrfFrom, form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
let ip = 0;
/** Each test calls from its own address, so the per-address rate limit of one test does not reach another. */
const post = (payload: unknown, headers: Record<string, string> = {}, remoteAddress = `10.1.0.${++ip}`) =>
  sys.app.inject({ method: 'POST', url: '/api/v1/identity/cccd', payload: payload as object, headers, remoteAddress });

test('a good scan → 200 with the seven fields, the extras and no warnings', async () => {
  const res = await post({ qr: `${sample(CARDS.khoi)}\r\n` });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    fields: {
      idNumber: '001205004321',
      oldIdNumber: null,
      fullName: 'Lê Minh Khôi',
      dateOfBirth: '2005-09-09',
      sex: 'Nam',
      address: 'Thôn Đông, Xã Yên Viên, Gia Lâm, Hà Nội',
      issueDate: '2024-08-01',
    },
    extras: ['', 'Lê Văn Hùng', 'Phạm Thị Lan'],
    warnings: [],
  });
});

test('warnings come with a message in the request language', async () => {
  const qr = sample(CARDS.tuyet, { idNumber: '087090001234' });
  const vi = (await post({ qr })).json();
  assert.equal(vi.fields.sex, 'Nữ');
  assert.equal(vi.warnings.length, 1);
  assert.equal(vi.warnings[0].code, 'ID_SEX_MISMATCH');
  assert.match(vi.warnings[0].message, /giới tính nam/);
  const en = (await post({ qr }, { 'accept-language': 'en' })).json();
  assert.match(en.warnings[0].message, /means male/);
});

test('a refused scan → 422 CCCD_QR_INVALID naming the reason, the field and what to do, in Vietnamese', async () => {
  const res = await post({ qr: sample(CARDS.tuyet, { dateOfBirth: '31021990' }) });
  assert.equal(res.statusCode, 422);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const p = res.json();
  assert.equal(p.code, 'CCCD_QR_INVALID');
  assert.equal(p.status, 422);
  assert.equal(p.title, 'Không đọc được mã QR trên thẻ căn cước');
  assert.equal(p.reason, 'DATE_OF_BIRTH');
  assert.equal(p.field, 'dateOfBirth');
  assert.equal(p.detail, 'Ngày sinh 31/02/1990 không phải là ngày có thật.');
  assert.deepEqual(p.errors, [{ field: 'qr', message: p.detail }]);
  assert.equal(p.fields, undefined, 'nothing is filled from a bad scan');
});

test('the same refusal in English with Accept-Language: en', async () => {
  const p = (await post({ qr: sample(CARDS.tuyet).replaceAll('|', '¦') }, { 'accept-language': 'en' })).json();
  assert.equal(p.code, 'CCCD_QR_INVALID');
  assert.equal(p.title, 'The ID card QR code could not be read');
  assert.equal(p.reason, 'KEYBOARD_LAYOUT');
  assert.equal(p.field, undefined);
  assert.match(p.detail, /“¦”.*US \(English\) keyboard layout/);
});

test('other QR codes are named: a bank transfer, a web link', async () => {
  const bank = (await post({ qr: '00020101021238570010A000000727012700069704360113012345678900208QRIBFTTA53037045802VN6304ABCD' })).json();
  assert.equal(bank.reason, 'NOT_ID_CARD_VIETQR');
  assert.match(bank.detail, /chuyển khoản ngân hàng/);
  const link = (await post({ qr: 'https://example.vn/' })).json();
  assert.equal(link.reason, 'NOT_ID_CARD_URL');
});

test('limits: a text over 2,000 characters → 400, a body over 16 kB → 413, text or form bodies → 415, unknown members → 400', async () => {
  const long = await post({ qr: 'x'.repeat(2001) });
  assert.equal(long.statusCode, 400);
  assert.equal(long.json().code, 'VALIDATION_FAILED');
  assert.equal(long.json().errors[0].field, 'qr');

  const huge = await post(JSON.stringify({ qr: 'x'.repeat(20_000) }), { 'content-type': 'application/json' });
  assert.equal(huge.statusCode, 413);
  assert.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');

  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    const res = await post(type === 'text/plain' ? sample(CARDS.tuyet) : form({ qr: sample(CARDS.tuyet) }), { 'content-type': type });
    assert.equal(res.statusCode, 415, type);
    assert.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
  }

  const extra = await post({ qr: sample(CARDS.tuyet), name: 'x' });
  assert.equal(extra.statusCode, 400);
  assert.equal((await post({})).statusCode, 400);
});

test('at most 60 requests a minute from one address; the 61st → 429', async () => {
  const addr = '10.9.9.9';
  for (let i = 0; i < 60; i++) assert.equal((await post({ qr: sample(CARDS.binh) }, {}, addr)).statusCode, 200, `request ${i + 1}`);
  const limited = await post({ qr: sample(CARDS.binh) }, {}, addr);
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().code, 'RATE_LIMITED');
  assert.equal((await post({ qr: sample(CARDS.binh) }, {}, '10.9.9.10')).statusCode, 200, 'another address is not limited');
});

test('the route is public, documented in OpenAPI, and needs no CSRF token even with a session cookie', async () => {
  const doc = (await sys.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const op = doc.paths['/api/v1/identity/cccd'].post;
  assert.ok(op.summary && op.description);
  assert.ok(op.responses['200'] && op.responses['422']);
  assert.equal(sys.app.routeTable.find((r) => r.url === '/api/v1/identity/cccd')?.permission, 'public');
  const unit = await makeUnit(sys);
  const clerk = await makeUser(sys, 'one_stop_clerk', unit);
  const s = await signIn(sys, clerk.username);
  const res = await post({ qr: sample(CARDS.tuyet) }, { cookie: s.cookie });
  assert.equal(res.statusCode, 200);
});

test('the scan script and jsQR are served from our own origin', async () => {
  const script = await sys.app.inject({ method: 'GET', url: '/static/cccd-scan.js' });
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /text\/javascript/);
  assert.match(script.body, /data-cccd-form/);
  const jsqr = await sys.app.inject({ method: 'GET', url: '/static/vendor/jsqr.js' });
  assert.equal(jsqr.statusCode, 200);
  assert.match(jsqr.body, /jsQR/);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/static/vendor/other.js' })).statusCode, 404);
});

test('the desk’s card-check page: the form, a good scan shown with its warnings, a bad one explained with the box empty', async () => {
  const unit = await makeUnit(sys);
  const clerk = await makeUser(sys, 'one_stop_clerk', unit);
  const s = await signIn(sys, clerk.username);

  const page = await s.request({ url: '/mot-cua/quet-cccd' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form[^>]*data-cccd-form/);
  assert.match(page.body, /<input[^>]*name="qr"[^>]*data-cccd-scan/);
  assert.match(page.body, /<script src="\/static\/cccd-scan.js" defer>/);
  const csrf = csrfFrom(page.body);

  const good = await s.request({
    method: 'POST',
    url: '/mot-cua/quet-cccd',
    payload: form({ _csrf: csrf, qr: sample(CARDS.tuyet, { idNumber: '099190001234' }) }),
  });
  assert.equal(good.statusCode, 200);
  assert.match(good.body, /data-field="fullName">Nguyễn Thị Ánh Tuyết</);
  assert.match(good.body, /data-field="dateOfBirth">12\/03\/1990</);
  assert.match(good.body, /data-warning="ID_PROVINCE_UNKNOWN"/);

  const bad = await s.request({ method: 'POST', url: '/mot-cua/quet-cccd', payload: form({ _csrf: csrf, qr: sample(CARDS.tuyet, { sex: 'Nuwx' }) }) });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /tắt bộ gõ tiếng Việt/);
  assert.match(bad.body, /<input id="f-qr" name="qr" type="text"(?![^>]*value=)[^>]*>/, 'the bad scan is not written back into the box');

  const anonymous = await sys.app.inject({ method: 'GET', url: '/mot-cua/quet-cccd', headers: { accept: 'text/html' } });
  assert.equal(anonymous.statusCode, 303);
});
