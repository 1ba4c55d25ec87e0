/** The desk pages and the public tracking page, without JavaScript: forms, re-rendering, flashes. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { dossierClock } from '../../src/modules/dossiers/index.ts';
import { form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const province = await makeUnit(sys, { name: 'Tỉnh Trang' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Trang' });
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);
const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', commune, { subtree: true })).username);
const procedure = await makeProcedure(sys, { days: 3, documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] });
const html = { accept: 'text/html' };

test('new dossier: pick the procedure, tick documents, errors re-render with the input, success numbers it', async () => {
  dossierClock.set('2026-03-02T09:00:00+07:00');
  const page = await clerk.request({ url: `/mot-cua/ho-so/moi?unit=${commune.code}&procedure=${procedure}`, headers: html });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Giấy chứng sinh'));
  const key = page.body.match(/name="idempotencyKey" value="([^"]+)"/)?.[1] as string;
  const bad = await clerk.request({
    method: 'POST',
    url: '/mot-cua/ho-so',
    payload: form({ unit: commune.code, procedure, applicantName: '', applicantPhone: '0912 000 333', idempotencyKey: key }),
    headers: html,
  });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('error-summary'));
  assert.ok(bad.body.includes('0912 000 333'), 'the input comes back');
  const body = `${form({ unit: commune.code, procedure, applicantName: 'Võ Thị Mai', applicantPhone: '0912000333', channel: 'desk', idempotencyKey: key })}&documents=${encodeURIComponent('Giấy chứng sinh')}`;
  const ok = await clerk.request({ method: 'POST', url: '/mot-cua/ho-so', payload: body, headers: html });
  assert.equal(ok.statusCode, 303, ok.body);
  const again = await clerk.request({ method: 'POST', url: '/mot-cua/ho-so', payload: body, headers: html });
  assert.equal(again.headers.location, ok.headers.location, 'a double submit lands on the same dossier');
  const detail = await clerk.request({ url: ok.headers.location as string, headers: html });
  assert.equal(detail.statusCode, 200);
  assert.ok(detail.body.includes('Võ Thị Mai'));
  assert.ok(detail.body.includes('Giấy chứng sinh'));
  assert.ok(detail.body.includes('name="version" value="1"'));
  const code = (ok.headers.location as string).split('/').pop() as string;

  // Act through the page form; then a stale form is told clearly.
  const accepted = await clerk.request({
    method: 'POST',
    url: `/mot-cua/ho-so/${code}/accept`,
    payload: form({ version: '1', note: 'Đủ hồ sơ' }),
    headers: html,
  });
  assert.equal(accepted.statusCode, 303);
  const stale = await clerk.request({ method: 'POST', url: `/mot-cua/ho-so/${code}/refuse`, payload: form({ version: '1', reason: 'Thiếu' }), headers: html });
  assert.equal(stale.statusCode, 409);
  assert.ok(stale.body.includes('Hồ sơ vừa được người khác cập nhật'));

  for (const url of [`/mot-cua?unit=${commune.code}`, '/mot-cua/cua-toi', `/mot-cua/qua-han?unit=${commune.code}`]) {
    const res = await clerk.request({ url, headers: html });
    assert.equal(res.statusCode, 200, url);
  }
  const queue = await clerk.request({ url: `/mot-cua?unit=${commune.code}`, headers: html });
  assert.ok(queue.body.includes(code));

  // Late: the leader's overdue list shows it.
  dossierClock.set('2026-03-09T09:00:00+07:00');
  const late = await leader.request({ url: `/mot-cua/qua-han?unit=${commune.code}`, headers: html });
  assert.ok(late.body.includes(code));

  // Public tracking page: wrong digits → 404 page; right → status, no internal note.
  const wrong = await sys.app.inject({ url: `/tra-cuu?code=${code}&check=1111`, headers: html });
  assert.equal(wrong.statusCode, 404);
  const right = await sys.app.inject({ url: `/tra-cuu?code=${code}&check=0333`, headers: html });
  assert.equal(right.statusCode, 200);
  assert.ok(right.body.includes('Đã tiếp nhận, chờ chuyển xử lý'));
  assert.ok(!right.body.includes('Đủ hồ sơ'), 'internal note leaked');
});
