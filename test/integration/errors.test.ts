import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const province = await makeUnit(sys, { name: 'Tỉnh Lỗi' });
const admin = await makeUser(sys, 'system_admin', province, { subtree: true });
const s = await signIn(sys, admin.username);
const count = async (table: string) => Number((await sys.platform.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

test('invalid input answers 400 problem+json naming every bad field, in Vietnamese', async () => {
  const before = await count('units');
  const res = await s.request({ method: 'POST', url: '/api/v1/units', payload: { code: 'X Y', name: '', kind: 'planet', email: 'khong-phai-email' } });
  assert.equal(res.statusCode, 400);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, 'VALIDATION_FAILED');
  assert.equal(body.title, 'Dữ liệu gửi lên không hợp lệ');
  const fields = body.errors.map((e: { field: string }) => e.field).sort();
  assert.deepEqual(fields, ['code', 'email', 'kind', 'name']);
  assert.ok(body.errors.every((e: { message: string }) => /[à-ỹ]/.test(e.message) || /Giá trị|Sai|Phải|Không|Trường/.test(e.message)));
  assert.equal(await count('units'), before, 'nothing written');
});

test('English messages with Accept-Language: en', async () => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/units',
    payload: { code: 'ok-code', name: 'A', kind: 'commune' },
    headers: { 'accept-language': 'en-US,en;q=0.9' },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().title, 'The request is invalid');
  assert.match(res.json().errors[0].message, /at least 2 characters/);
});

test('401, 403, 404 and 409 are used precisely and never leak a stack trace', async () => {
  const anon = await sys.app.inject({ method: 'GET', url: '/api/v1/units' });
  assert.equal(anon.statusCode, 401);
  assert.equal(anon.json().code, 'UNAUTHENTICATED');
  const volunteer = await makeUser(sys, 'support_volunteer', province);
  const v = await signIn(sys, volunteer.username);
  assert.equal((await v.request({ url: '/api/v1/units' })).statusCode, 403);
  const missing = await s.request({ url: '/api/v1/units/khong-co-don-vi' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'UNIT_NOT_FOUND');
  assert.match(missing.json().detail, /khong-co-don-vi/);
  const dup = await s.request({ method: 'POST', url: '/api/v1/units', payload: { code: province.code, name: 'Trùng mã', kind: 'province' } });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().code, 'UNIT_CODE_TAKEN');
  const unknown = await sys.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
  assert.equal(unknown.statusCode, 404);
  for (const r of [anon, missing, dup, unknown]) assert.doesNotMatch(r.body, /at .*\.ts:\d+|node_modules|Error:/);
});

test('malformed JSON is 400, a body over the limit is 413, an unknown content type is 415', async () => {
  const bad = await s.request({ method: 'POST', url: '/api/v1/units', payload: '{"code": ', headers: { 'content-type': 'application/json' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'MALFORMED_REQUEST');
  const huge = await s.request({
    method: 'POST',
    url: '/api/v1/units',
    payload: JSON.stringify({ code: 'x'.repeat(2_000_000) }),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(huge.statusCode, 413);
  assert.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');
  const xml = await s.request({ method: 'POST', url: '/api/v1/units', payload: '<unit/>', headers: { 'content-type': 'application/xml' } });
  assert.equal(xml.statusCode, 415);
});

test('a failed request writes nothing: a user whose second role is refused is not created', async () => {
  const otherProvince = await makeUnit(sys, { name: 'Tỉnh Khác' });
  const leader = await makeUser(sys, 'unit_leader', province, { subtree: true });
  const l = await signIn(sys, leader.username);
  const before = await count('users');
  const auditBefore = await count('audit_log');
  const res = await l.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      username: 'hai.vai.tro',
      password: 'mat-khau-rat-dai',
      fullName: 'Hai Vai Trò',
      grants: [
        { role: 'specialist', unit: province.code },
        { role: 'specialist', unit: otherProvince.code },
      ],
    },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(await count('users'), before);
  assert.equal(await count('audit_log'), auditBefore);
});

test('SQL and HTML typed into text fields are stored as text and shown escaped', async () => {
  const name = `Xã <script>alert(1)</script>'; DROP TABLE units; --`;
  const res = await s.request({ method: 'POST', url: '/api/v1/units', payload: { code: 'xa-doc-hai', name, kind: 'commune', parent: province.code } });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().name, name);
  const page = await s.request({ url: '/quan-tri/don-vi/xa-doc-hai' });
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('<script>alert(1)</script>'));
  assert.ok(page.body.includes('&lt;script'));
  assert.ok((await count('units')) > 0);
});

test('a form post without its CSRF token is refused and changes nothing', async () => {
  const before = await count('units');
  const res = await sys.app.inject({
    method: 'POST',
    url: '/quan-tri/don-vi',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: new URLSearchParams({ code: 'khong-csrf', name: 'Xã Không Token', kind: 'commune', parent: province.code }).toString(),
  });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Phiên biểu mẫu đã hết hạn/);
  assert.equal(await count('units'), before);
});

test('HTML pages show errors as a Vietnamese page, not JSON', async () => {
  const res = await s.request({ url: '/quan-tri/don-vi/khong-co', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 404);
  assert.match(String(res.headers['content-type']), /text\/html/);
  assert.match(res.body, /Không tìm thấy đơn vị/);
});
