import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDemoData } from '../../src/demo.ts';
import { csrfFrom, freshDatabase, makeUnit, makeUser, signIn, startSystem, TEST_PASSWORD } from '../helpers.ts';

const url = await freshDatabase();
const sys = await startSystem({}, { databaseUrl: url });
const unit = await makeUnit(sys);
const clerk = await makeUser(sys, 'one_stop_clerk', unit);

async function tryPassword(username: string, password: string) {
  const page = await sys.app.inject({ url: '/dang-nhap' });
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  return sys.app.inject({
    method: 'POST',
    url: '/dang-nhap',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username, password }).toString(),
  });
}

test('a wrong password re-renders the form with a Vietnamese error; five in a row lock the account for 15 minutes', async () => {
  const user = await makeUser(sys, 'specialist', unit);
  const first = await tryPassword(user.username, 'sai-mat-khau');
  assert.equal(first.statusCode, 401);
  assert.match(first.body, /Tên đăng nhập hoặc mật khẩu không đúng/);
  assert.match(first.body, new RegExp(`value="${user.username.replace('.', '\\.')}"`));
  for (let i = 0; i < 4; i++) await tryPassword(user.username, 'sai-mat-khau');
  const locked = await tryPassword(user.username, TEST_PASSWORD);
  assert.equal(locked.statusCode, 401);
  assert.match(locked.body, /tạm khóa/);
});

test('an unknown username gets the same answer as a wrong password', async () => {
  const res = await tryPassword('khong.ton.tai', 'bat-ky-mat-khau');
  assert.equal(res.statusCode, 401);
  assert.match(res.body, /Tên đăng nhập hoặc mật khẩu không đúng/);
});

test('signing out ends the session in the database', async () => {
  const s = await signIn(sys, clerk.username);
  assert.equal((await s.request({ url: '/api/v1/me' })).statusCode, 200);
  await s.request({ method: 'POST', url: '/dang-xuat', payload: `_csrf=${encodeURIComponent(s.csrf)}` });
  assert.equal((await s.request({ url: '/api/v1/me' })).statusCode, 401);
});

test('a session made by one app process is honoured by another on the same database', async () => {
  const other = await startSystem({}, { databaseUrl: url });
  const s = await signIn(sys, clerk.username);
  const res = await other.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().username, clerk.username);
});

test('demo accounts work in demo mode and are refused when NODE_ENV=production', async () => {
  const demoDb = await freshDatabase();
  const demo = await startSystem({}, { databaseUrl: demoDb });
  const summary = await loadDemoData(demo.platform);
  assert.ok(summary.accounts >= 7, JSON.stringify(summary));
  const ok = await signIn(demo, 'motcua.phuong1', 'GanDan@2026');
  assert.equal((await ok.request({ url: '/api/v1/me' })).json().username, 'motcua.phuong1');
  const prod = await startSystem({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SECURE_COOKIES: '0' }, { databaseUrl: demoDb });
  const page = await prod.app.inject({ url: '/dang-nhap' });
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  const res = await prod.app.inject({
    method: 'POST',
    url: '/dang-nhap',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username: 'motcua.phuong1', password: 'GanDan@2026' }).toString(),
  });
  assert.equal(res.statusCode, 401);
  assert.match(res.body, /Tài khoản trình diễn không được dùng/);
  // A demo session opened before the switch to production is not honoured either.
  assert.equal((await prod.app.inject({ url: '/api/v1/me', headers: { cookie: ok.cookie } })).statusCode, 401);
});

test('an API key authenticates integrations by scope; a wrong key is 401', async () => {
  const admin = await makeUser(sys, 'system_admin', unit, { subtree: true });
  const s = await signIn(sys, admin.username);
  const made = await s.request({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Cổng dịch vụ công', scopes: ['units.read'] } });
  assert.equal(made.statusCode, 201);
  const key = made.json().key as string;
  const list = await sys.app.inject({ url: '/api/v1/units', headers: { authorization: `Bearer ${key}` } });
  assert.equal(list.statusCode, 200);
  const notInScope = await sys.app.inject({ url: '/api/v1/users', headers: { authorization: `Bearer ${key}` } });
  assert.equal(notInScope.statusCode, 403);
  const wrong = await sys.app.inject({ url: '/api/v1/units', headers: { authorization: 'Bearer gd_khongdungkhongdungkhongdung' } });
  assert.equal(wrong.statusCode, 401);
  const stored = await sys.platform.pool.query('SELECT token_hash FROM api_keys');
  assert.ok(
    stored.rows.every((r) => r.token_hash !== key),
    'only a hash is stored',
  );
});

test('sign-in attempts from one address are limited to 20 per 15 minutes, across processes', async () => {
  const other = await startSystem({}, { databaseUrl: url });
  let last = 0;
  for (let i = 0; i < 25 && last !== 429; i++) {
    const target = i % 2 === 0 ? sys : other;
    const page = await target.app.inject({ url: '/dang-nhap' });
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const res = await target.app.inject({
      method: 'POST',
      url: '/dang-nhap',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username: 'doan.mo', password: 'sai-mat-khau' }).toString(),
      remoteAddress: '198.51.100.7',
    });
    last = res.statusCode;
    if (last === 429) assert.match(res.body, /Quá nhiều yêu cầu/);
  }
  assert.equal(last, 429);
  const counted = await sys.platform.pool.query("SELECT key, count FROM rate_limits WHERE key LIKE '%198.51.100.7'");
  assert.equal(counted.rows.length, 1);
  assert.match(counted.rows[0].key, /^POST \/dang-nhap:/, 'counted under the sign-in route');
  assert.ok(counted.rows[0].count > 20);
  // Other limited routes keep their own count: the public tracking page still answers this address.
  const tracking = await sys.app.inject({ url: '/tra-cuu', remoteAddress: '198.51.100.7' });
  assert.equal(tracking.statusCode, 200);
});

test('nobody raises their own powers: a leader cannot grant wider roles, take over a wider account, or reach an unrelated user', async () => {
  const province = await makeUnit(sys, { name: 'Tỉnh Quyền' });
  const city = await makeUnit(sys, { parent: province, kind: 'city' });
  const ward = await makeUnit(sys, { parent: city, kind: 'ward' });
  const leader = await makeUser(sys, 'unit_leader', city);
  const s = await signIn(sys, leader.username);
  const self = await s.request({
    method: 'POST',
    url: `/api/v1/users/${leader.username}/grants`,
    payload: { role: 'home_affairs_officer', unit: city.code, subtree: true },
  });
  assert.equal(self.statusCode, 403, 'a leader cannot make themselves Home Affairs officer');
  const sub = await s.request({
    method: 'POST',
    url: `/api/v1/users/${leader.username}/grants`,
    payload: { role: 'unit_leader', unit: city.code, subtree: true },
  });
  assert.equal(sub.statusCode, 403, 'a grant without subtree cannot hand out a subtree grant');
  const clerk = await s.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: 'motcua.moi', password: 'mat-khau-rat-dai', fullName: 'Một Cửa Mới', grants: [{ role: 'specialist', unit: city.code }] },
  });
  assert.equal(clerk.statusCode, 201, 'a leader still creates staff with narrower roles');
  const officer = await makeUser(sys, 'home_affairs_officer', city);
  const takeover = await s.request({
    method: 'PATCH',
    url: `/api/v1/users/${officer.username}`,
    payload: { fullName: 'Bị Chiếm', password: 'mat-khau-moi-123' },
  });
  assert.equal(takeover.statusCode, 403, 'cannot reset the password of a wider account');
  const stranger = await makeUser(sys, 'specialist', ward);
  const reach = await s.request({ method: 'POST', url: `/api/v1/users/${stranger.username}/grants`, payload: { role: 'specialist', unit: city.code } });
  assert.equal(reach.statusCode, 403, 'a non-subtree leader cannot take over staff of a child unit');
});

test('an API key can be revoked and stops working at once', async () => {
  const admin = await makeUser(sys, 'system_admin', unit, { subtree: true });
  const s = await signIn(sys, admin.username);
  const made = (await s.request({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Tạm', scopes: ['units.read'] } })).json();
  assert.equal((await sys.app.inject({ url: '/api/v1/units', headers: { authorization: `Bearer ${made.key}` } })).statusCode, 200);
  assert.equal((await s.request({ method: 'DELETE', url: `/api/v1/api-keys/${made.id}` })).statusCode, 204);
  assert.equal((await sys.app.inject({ url: '/api/v1/units', headers: { authorization: `Bearer ${made.key}` } })).statusCode, 401);
});

test('after sign-in an address with a tab or backslash is not followed', async () => {
  const page = await sys.app.inject({ url: '/dang-nhap' });
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  const res = await sys.app.inject({
    method: 'POST',
    url: '/dang-nhap',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username: clerk.username, password: TEST_PASSWORD, next: '/\t/evil.example' }).toString(),
  });
  assert.equal(res.headers.location, '/quan-tri');
});

test('the chosen language sticks through a cookie', async () => {
  const first = await sys.app.inject({ url: '/dang-nhap?lang=en' });
  assert.match(first.body, /Staff sign-in/);
  const langCookie = ([first.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('lang='));
  assert.ok(langCookie);
  const next = await sys.app.inject({ url: '/', headers: { cookie: langCookie.split(';')[0] as string } });
  assert.match(next.body, /<html lang="en"/);
  assert.match(next.body, /href="\/\?lang=vi"/);
});
