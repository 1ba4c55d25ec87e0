import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

test('a clerk signs in and sees the unit tree; a stranger is sent to sign-in', async () => {
  const sys = await startSystem();
  const province = await makeUnit(sys, { name: 'Tỉnh Thử Nghiệm' });
  const commune = await makeUnit(sys, { parent: province, name: 'Xã Mỹ Trà' });
  const clerk = await makeUser(sys, 'one_stop_clerk', commune);
  const anon = await sys.app.inject({ method: 'GET', url: '/quan-tri/don-vi', headers: { accept: 'text/html' } });
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/dang-nhap\?next=/);
  const s = await signIn(sys, clerk.username);
  const page = await s.request({ url: '/quan-tri/don-vi' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Xã Mỹ Trà/);
});

test('static assets go compressed to browsers that accept it (brotli, else gzip) and whole to those that do not', async () => {
  const sys = await startSystem();
  const raw = await sys.app.inject({ method: 'GET', url: '/static/htmx.min.js' });
  assert.equal(raw.statusCode, 200);
  assert.equal(raw.headers['content-encoding'], undefined);
  const br = await sys.app.inject({ method: 'GET', url: '/static/htmx.min.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'accept-encoding');
  assert.ok(br.rawPayload.length < raw.rawPayload.length / 2, `${br.rawPayload.length} of ${raw.rawPayload.length} bytes`);
  assert.deepEqual(zlib.brotliDecompressSync(br.rawPayload), raw.rawPayload);
  const gz = await sys.app.inject({ method: 'GET', url: '/static/app.css', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(String(gz.headers['content-type']), /^text\/css/);
  assert.match(zlib.gunzipSync(gz.rawPayload).toString('utf8'), /body/);
});
