import assert from 'node:assert/strict';
import { test } from 'node:test';
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
