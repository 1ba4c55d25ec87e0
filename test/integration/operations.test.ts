import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startSystem } from '../helpers.ts';

const sys = await startSystem({}, { jobs: true });

test('health and readiness', async () => {
  assert.deepEqual((await sys.app.inject({ url: '/healthz' })).json(), { status: 'ok' });
  const ready = await sys.app.inject({ url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ready', database: true, migrations: true });
});

test('readiness fails when a migration is pending', async () => {
  await sys.platform.pool.query("DELETE FROM schema_migrations WHERE name = '0004_rate_limits.sql'");
  const res = await sys.app.inject({ url: '/readyz' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().migrations, false);
  await sys.platform.pool.query("INSERT INTO schema_migrations (name) VALUES ('0004_rate_limits.sql')");
});

test('the OpenAPI 3.1 document describes every JSON route', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.equal(doc.openapi, '3.1.0');
  const documented = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
  }
  const missing = sys.app.routeTable
    .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
    .map((r) => `${r.method} ${r.url}`)
    .filter((r) => !documented.has(r));
  assert.deepEqual(missing, []);
  assert.ok(doc.paths['/api/v1/calendar/add-working-days'].get.parameters.some((p: { name: string }) => p.name === 'days'));
});

test('the housekeeping job runs through pg-boss and removes expired sessions', async () => {
  await sys.platform.pool.query(
    "INSERT INTO sessions (sid, data, expires_at) VALUES ('old', '{}', now() - interval '1 day'), ('fresh', '{}', now() + interval '1 day')",
  );
  await sys.platform.jobs?.send('housekeeping', {});
  const deadline = Date.now() + 30_000;
  let left: string[] = [];
  while (Date.now() < deadline) {
    left = (await sys.platform.pool.query<{ sid: string }>("SELECT sid FROM sessions WHERE sid IN ('old', 'fresh')")).rows.map((r) => r.sid);
    if (!left.includes('old')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(left, ['fresh']);
});

test('responses carry security headers and a strict content security policy', async () => {
  const res = await sys.app.inject({ url: '/dang-nhap' });
  assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['set-cookie']), /HttpOnly/);
  assert.match(String(res.headers['set-cookie']), /SameSite=Lax/);
});

test('pages and the stylesheet go compressed to a browser that asks, and read back the same; small answers go as they are', async () => {
  for (const url of ['/', '/static/app.css']) {
    const plain = await sys.app.inject({ url });
    assert.equal(plain.statusCode, 200, url);
    assert.equal(plain.headers['content-encoding'], undefined, `${url} without accept-encoding`);
    const br = await sys.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers['content-encoding'], 'br', url);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body, url);
    assert.ok(br.rawPayload.length < plain.rawPayload.length * 0.6, `${url}: ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    const gz = await sys.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip', url);
    assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body, url);
  }
  const health = await sys.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(health.headers['content-encoding'], undefined);
  assert.deepEqual(health.json(), { status: 'ok' });
});

test('an anonymous visitor reading public pages gets no session row and no cookie', async () => {
  const before = Number((await sys.platform.pool.query('SELECT count(*) AS n FROM sessions')).rows[0].n);
  for (const url of ['/', '/thu-tuc', '/tra-cuu']) {
    const res = await sys.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['set-cookie'], undefined, url);
  }
  assert.equal(Number((await sys.platform.pool.query('SELECT count(*) AS n FROM sessions')).rows[0].n), before);
  // The sign-in form still gets its token.
  const form = await sys.app.inject({ url: '/dang-nhap' });
  assert.match(String(form.headers['set-cookie']), /gd_sid=/);
});
