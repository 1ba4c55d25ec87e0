/**
 * Citizen sign-in through VNeID (OpenID Connect, authorization code + PKCE) against a real local OpenID provider, over
 * real HTTP: the app listens on 127.0.0.1, the provider on another port, and the test plays the browser (cookies,
 * redirects, the provider's sign-in and consent forms). Then the citizen's own area: details from VNeID, only their own
 * dossiers, sign-out; and every way the sign-in can fail, each with a Vietnamese page and no stack trace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citizenIdentity } from '../../src/modules/citizens/index.ts';
import { makeUnit, startSystem } from '../helpers.ts';
import { freePort } from '../processes.ts';
import {
  type AppFetch,
  HUNG,
  httpApp,
  injectApp,
  LEVEL_ONE,
  loginAtProvider,
  pathOf,
  sessionCookie,
  signInCitizen,
  startVneidStandIn,
  TUYET,
} from './citizens-support.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { standIn, env } = await startVneidStandIn(base);
const sys = await startSystem(env);
await sys.app.listen({ port, host: '127.0.0.1' });
const app: AppFetch = httpApp(base);

const unit = await makeUnit(sys, { name: 'Phường Một' });
const procedure = await makeProcedure(sys, { days: 5, name: 'Đăng ký khai sinh' });
const mine = await receiveDirect(sys, unit, procedure, TUYET.claims.idNumber);
const theirs = await receiveDirect(sys, unit, procedure, HUNG.claims.idNumber);

/** No stack trace, no English exception text on a page meant for citizens. */
function assertNoTrace(body: string) {
  assert.doesNotMatch(body, /\n\s+at \S+ \(|Error: |TypeError|ECONNREFUSED/);
}

test('a citizen signs in through VNeID and sees their details with diacritics and only their own dossiers', async () => {
  const { cookie, before } = await signInCitizen(app, TUYET);
  assert.notEqual(cookie, before, 'the session id is rotated at sign-in');

  const home = await app('/cong-dan', cookie);
  assert.equal(home.status, 200);
  assert.match(home.body, /Trần Thị Ánh Tuyết/);
  assert.match(home.body, /087190001234/);
  assert.match(home.body, /15\/04\/1990/);
  assert.match(home.body, /Nữ/);
  assert.match(home.body, /Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp/);
  assert.ok(home.body.includes(mine.code), 'own dossier listed');
  assert.ok(!home.body.includes(theirs.code), "another person's dossier is not listed");

  const list = await app('/cong-dan/ho-so', cookie);
  assert.equal(list.status, 200);
  assert.ok(list.body.includes(mine.code));
  assert.ok(!list.body.includes(theirs.code));
  const tracking = list.body.match(/href="(\/tra-cuu\?code=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(tracking, 'each dossier links to the public tracking page');
  const tracked = await app(tracking, '');
  assert.equal(tracked.status, 200);
  assert.ok(tracked.body.includes(mine.code) && tracked.body.includes('Đăng ký khai sinh'), 'the tracking link opens the dossier');

  const row = await sys.platform.pool.query(
    'SELECT id, full_name, id_number, date_of_birth::text AS dob, sex, address, phone, email, last_acr FROM citizens WHERE subject = $1',
    [TUYET.sub],
  );
  assert.deepEqual(
    { ...row.rows[0], id: undefined },
    {
      id: undefined,
      full_name: 'Trần Thị Ánh Tuyết',
      id_number: '087190001234',
      dob: '1990-04-15',
      sex: 'Nữ',
      address: 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp',
      phone: '0912 345 678',
      email: 'anh.tuyet@example.vn',
      last_acr: 'muc-do-2',
    },
  );
  const citizenId = Number(row.rows[0].id);
  const audit = await sys.platform.pool.query("SELECT actor_label, entity_id, row_to_json(a)::text AS json FROM audit_log a WHERE action = 'citizen.sign_in'");
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0].actor_label, `citizen:${citizenId}`);
  assert.equal(audit.rows[0].entity_id, String(citizenId));
  assert.ok(!audit.rows[0].json.includes('087190001234') && !audit.rows[0].json.includes('Tuyết'), 'no ID number or name in the audit row');

  // The forms module pre-fills declarations from this.
  const principal = { kind: 'citizen' as const, citizenId, label: `citizen:${citizenId}`, displayName: 'Trần Thị Ánh Tuyết', grants: [] as const };
  assert.deepEqual(await citizenIdentity(sys.platform.db, principal), {
    idNumber: '087190001234',
    oldIdNumber: null,
    fullName: 'Trần Thị Ánh Tuyết',
    dateOfBirth: '1990-04-15',
    sex: 'Nữ',
    address: 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp',
    issueDate: '',
  });
  assert.equal(await citizenIdentity(sys.platform.db, null), null);

  // A second sign-in refreshes the same row.
  await signInCitizen(app, TUYET);
  assert.equal((await sys.platform.pool.query('SELECT count(*)::int AS n FROM citizens WHERE subject = $1', [TUYET.sub])).rows[0].n, 1);
});

test('a signed-in citizen holds no staff power, and sign-out needs the CSRF token', async () => {
  const { cookie, csrf } = await signInCitizen(app, HUNG);
  for (const path of ['/quan-tri', '/mot-cua', '/quan-tri/nguoi-dung', '/api/v1/me', `/api/v1/dossiers/${theirs.code}`, '/bao-cao/ho-so']) {
    const res = await app(path, cookie);
    assert.equal(res.status, 403, path);
  }
  const page = await app('/cong-dan', cookie);
  assert.match(page.body, /Nguyễn Văn Hùng/);
  assert.ok(page.body.includes(theirs.code) && !page.body.includes(mine.code));

  const forged = await app('/cong-dan/dang-xuat', cookie, { method: 'POST', form: {} });
  assert.equal(forged.status, 403, 'sign-out without the CSRF token is refused');
  assert.equal((await app('/cong-dan/ho-so', cookie)).status, 200, 'still signed in');

  const out = await app('/cong-dan/dang-xuat', cookie, { method: 'POST', form: { _csrf: csrf } });
  assert.equal(out.status, 303);
  assert.equal(out.location, '/cong-dan');
  const after = await app('/cong-dan/ho-so', sessionCookie(out, cookie));
  assert.equal(after.status, 303, 'signed out: the citizen area sends to the start page');
  assert.equal(after.location, '/cong-dan');
  assert.equal((await app('/cong-dan/ho-so', cookie)).status, 303, 'the old cookie is dead too');
  const audit = await sys.platform.pool.query("SELECT actor_label FROM audit_log WHERE action = 'citizen.sign_out'");
  assert.equal(audit.rows.length, 1);
  assert.match(audit.rows[0].actor_label, /^citizen:\d+$/);
});

test('anonymous visitors get the start page with the VNeID button; the citizen area sends them there', async () => {
  const start = await app('/cong-dan', '');
  assert.equal(start.status, 200);
  assert.match(start.body, /Đăng nhập bằng tài khoản định danh điện tử VNeID/);
  assert.match(start.body, /Cần tài khoản định danh điện tử mức độ 2/);
  assert.equal(sessionCookie(start), '', 'reading the start page makes no session');
  const list = await app('/cong-dan/ho-so', '');
  assert.equal(list.status, 303);
  assert.equal(list.location, '/cong-dan');
});

test('a replayed or forged callback is refused with a clear Vietnamese page', async () => {
  const { cookie, callback } = await loginAtProvider(app, { account: TUYET });
  const forged = new URL(callback);
  forged.searchParams.set('state', 'khong-phai-cua-ban');
  const wrong = await app(pathOf(forged.href), cookie);
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /Phiên đăng nhập VNeID không hợp lệ hoặc đã được dùng/);
  assertNoTrace(wrong.body);

  const first = await app(pathOf(callback), cookie);
  assert.equal(first.status, 303, 'the genuine callback still works after a forged one');
  const replay = await app(pathOf(callback), sessionCookie(first, cookie));
  assert.equal(replay.status, 400);
  assert.match(replay.body, /đã được dùng/);
  const replayOld = await app(pathOf(callback), cookie);
  assert.equal(replayOld.status, 400, 'replaying with the pre-sign-in cookie fails too');

  // A callback in a browser that never started a sign-in.
  const stranger = await app(pathOf(callback), '');
  assert.equal(stranger.status, 400);
  assert.match(stranger.body, /<html lang="vi">/);
});

test('a sign-in older than 10 minutes is refused', async () => {
  const { cookie, callback } = await loginAtProvider(app, { account: TUYET });
  const sid = decodeURIComponent(cookie.slice('gd_sid='.length)).split('.')[0];
  const moved = await sys.platform.pool.query(
    `UPDATE sessions SET data = jsonb_set(data, '{vneidFlows,0,startedAt}', to_jsonb((extract(epoch FROM now()) * 1000)::bigint - 11 * 60 * 1000))
     WHERE sid = $1`,
    [sid],
  );
  assert.equal(moved.rowCount, 1);
  const res = await app(pathOf(callback), cookie);
  assert.equal(res.status, 400);
  assert.match(res.body, /Phiên đăng nhập VNeID đã quá 10 phút/);
  assert.match(res.body, /Đăng nhập bằng tài khoản định danh điện tử VNeID/, 'offers to start again');
  assertNoTrace(res.body);
});

test('a level 1 account is refused when level 2 is required, and no citizen row is made', async () => {
  const { cookie, callback } = await loginAtProvider(app, { account: LEVEL_ONE });
  const res = await app(pathOf(callback), cookie);
  assert.equal(res.status, 403);
  assert.match(res.body, /Cần tài khoản định danh điện tử mức độ 2/);
  assert.equal((await sys.platform.pool.query('SELECT count(*)::int AS n FROM citizens WHERE subject = $1', [LEVEL_ONE.sub])).rows[0].n, 0);
  assert.equal((await app('/cong-dan/ho-so', sessionCookie(res, cookie))).status, 303, 'not signed in');
});

test('refusing consent at VNeID comes back as a cancelled sign-in', async () => {
  const { cookie, callback } = await loginAtProvider(app, { account: TUYET, consent: 'refuse' });
  assert.match(callback, /error=access_denied/);
  const res = await app(pathOf(callback), cookie);
  assert.equal(res.status, 400);
  assert.match(res.body, /Đăng nhập VNeID đã bị hủy hoặc bị từ chối/);
});

test('a citizen session ends after VNEID_SESSION_MINUTES (120 by default) whatever the activity', async () => {
  const { cookie } = await signInCitizen(app, TUYET);
  assert.equal((await app('/cong-dan/ho-so', cookie)).status, 200);
  const sid = decodeURIComponent(cookie.slice('gd_sid='.length)).split('.')[0];
  await sys.platform.pool.query(
    `UPDATE sessions SET data = jsonb_set(data, '{citizenSince}', to_jsonb((extract(epoch FROM now()) * 1000)::bigint - 121 * 60 * 1000)) WHERE sid = $1`,
    [sid],
  );
  const res = await app('/cong-dan/ho-so', cookie);
  assert.equal(res.status, 303);
  assert.equal((await sys.platform.pool.query('SELECT count(*)::int AS n FROM sessions WHERE sid = $1', [sid])).rows[0].n, 0, 'the session is gone');
});

test('a client registered for client_secret_post signs in with VNEID_CLIENT_AUTH=client_secret_post', async () => {
  const post = await startVneidStandIn('http://localhost:3000', { tokenEndpointAuthMethod: 'client_secret_post' });
  const other = await startSystem({ ...post.env, VNEID_CLIENT_AUTH: 'client_secret_post' });
  const { cookie } = await signInCitizen(injectApp(other), HUNG);
  const page = await injectApp(other)('/cong-dan/ho-so', cookie);
  assert.equal(page.status, 200);
  assert.match(page.body, /Hồ sơ của tôi/);
});

test('without VNEID_ISSUER the citizen pages say sign-in is not configured', async () => {
  const plain = await startSystem();
  const page = await plain.app.inject({ method: 'GET', url: '/cong-dan', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này/);
  assert.doesNotMatch(page.body, /href="\/cong-dan\/dang-nhap\/vneid"/);
  for (const url of ['/cong-dan/dang-nhap/vneid', '/cong-dan/dang-nhap/vneid/callback?code=x&state=y']) {
    const res = await plain.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 503, url);
    assert.match(res.body, /Chưa cấu hình đăng nhập bằng tài khoản VNeID/);
  }
});

test('an unreachable VNeID gives a clear page at the start, without a stack trace', async () => {
  const closed = await freePort();
  const down = await startSystem({ ...env, VNEID_ISSUER: `http://127.0.0.1:${closed}` });
  const res = await down.app.inject({ method: 'GET', url: '/cong-dan/dang-nhap/vneid', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 502);
  assert.match(res.body, /Không kết nối được với hệ thống VNeID, xin thử lại sau ít phút/);
  assertNoTrace(res.body);
});

// Last: stops the provider the other tests use.
test('VNeID going down between its sign-in page and our code exchange gives a clear page', async () => {
  const { cookie, callback } = await loginAtProvider(app, { account: TUYET });
  await standIn.close();
  const res = await app(pathOf(callback), cookie);
  assert.equal(res.status, 502);
  assert.match(res.body, /Không kết nối được với hệ thống VNeID/);
  assertNoTrace(res.body);
  assert.equal((await app('/cong-dan/ho-so', sessionCookie(res, cookie))).status, 303, 'not signed in');
});
