import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const root = await makeUnit(sys, { name: 'Tỉnh Đồng Tháp', code: 'dt' });
const admin = await makeUser(sys, 'system_admin', root, { subtree: true });
const s = await signIn(sys, admin.username);

async function create(code: string, name: string, kind: string, parent: string | null) {
  const res = await s.request({ method: 'POST', url: '/api/v1/units', payload: { code, name, kind, parent } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

test('units form a tree of any depth and moving one moves its subtree', async () => {
  await create('cl', 'Thành phố Cao Lãnh', 'city', 'dt');
  await create('cl-p1', 'Phường 1', 'ward', 'cl');
  await create('cl-p1-ca', 'Công an Phường 1', 'police', 'cl-p1');
  await create('cl-p1-ca-to', 'Tổ cảnh sát khu vực', 'other', 'cl-p1-ca');
  const moved = await s.request({ method: 'PATCH', url: '/api/v1/units/cl-p1', payload: { name: 'Phường 1', kind: 'ward', parent: 'dt' } });
  assert.equal(moved.statusCode, 200);
  assert.equal(moved.json().parent, 'dt');
  const deep = (await s.request({ url: '/api/v1/units/cl-p1-ca-to' })).json();
  assert.equal(deep.depth, 3);
  const loop = await s.request({ method: 'PATCH', url: '/api/v1/units/cl-p1', payload: { name: 'Phường 1', kind: 'ward', parent: 'cl-p1-ca' } });
  assert.equal(loop.statusCode, 409);
  assert.equal(loop.json().code, 'UNIT_MOVE_INVALID');
});

test('search ignores diacritics and đ/Đ', async () => {
  await create('dong-hoa', 'Phường Đông Hòa', 'ward', 'dt');
  const res = await s.request({ url: '/api/v1/units?q=dong hoa' });
  assert.deepEqual(
    res.json().items.map((u: { code: string }) => u.code),
    ['dong-hoa'],
  );
  const upper = await s.request({ url: `/api/v1/units?q=${encodeURIComponent('ĐÔNG HÒA')}` });
  assert.equal(upper.json().items[0].code, 'dong-hoa');
});

test('merging a unit carries its staff and child units over, keeps its history, and refuses a second merge', async () => {
  await create('xa-a', 'Xã An Bình A', 'commune', 'dt');
  await create('xa-b', 'Xã An Bình B', 'commune', 'dt');
  await create('xa-a-ap1', 'Ấp 1', 'other', 'xa-a');
  const clerk = await makeUser(sys, 'one_stop_clerk', await unitByCode('xa-a'));
  const res = await s.request({ method: 'POST', url: '/api/v1/units/xa-a/merge', payload: { into: 'xa-b', date: '2025-07-01' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().carriedOver.children, 1);
  assert.ok(res.json().carriedOver.grants >= 1);
  const merged = (await s.request({ url: '/api/v1/units/xa-a' })).json();
  assert.equal(merged.mergedInto, 'xa-b');
  assert.equal(merged.mergedOn, '2025-07-01');
  assert.equal((await s.request({ url: '/api/v1/units/xa-a-ap1' })).json().parent, 'xa-b');
  const who = (await s.request({ url: `/api/v1/users/${clerk.username}` })).json();
  assert.deepEqual(
    who.grants.map((g: { unit: string }) => g.unit),
    ['xa-b'],
  );
  const again = await s.request({ method: 'POST', url: '/api/v1/units/xa-a/merge', payload: { into: 'xa-b', date: '2025-07-02' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'UNIT_ALREADY_MERGED');
  const audit = (await s.request({ url: '/api/v1/audit?entityType=unit&entityId=xa-a' })).json();
  assert.ok(audit.items.some((a: { action: string }) => a.action === 'unit.merge'));
});

test('a unit cannot be merged into its own subtree', async () => {
  await create('h-cha', 'Huyện Cha', 'district', 'dt');
  await create('h-con', 'Xã Con', 'commune', 'h-cha');
  const res = await s.request({ method: 'POST', url: '/api/v1/units/h-cha/merge', payload: { into: 'h-con', date: '2025-07-01' } });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'UNIT_MERGE_INVALID');
});

test('every change is in the audit log with who, when, from where, before and after; the log cannot be edited', async () => {
  await s.request({ method: 'PATCH', url: '/api/v1/units/dong-hoa', payload: { name: 'Phường Đông Hòa Mới', kind: 'ward' } });
  const audit = (await s.request({ url: '/api/v1/audit?entityType=unit&entityId=dong-hoa&action=unit.update' })).json();
  const row = audit.items[0];
  assert.equal(row.actor, admin.username);
  assert.equal(row.before.name, 'Phường Đông Hòa');
  assert.equal(row.after.name, 'Phường Đông Hòa Mới');
  assert.ok(row.ip);
  await assert.rejects(sys.platform.pool.query('UPDATE audit_log SET actor_label = $1', ['hacker']), /append-only/);
  await assert.rejects(sys.platform.pool.query('DELETE FROM audit_log'), /append-only/);
});

async function unitByCode(code: string) {
  const { findUnitByCode } = await import('../../src/modules/units/index.ts');
  const u = await findUnitByCode(sys.platform.db, code);
  assert.ok(u);
  return u;
}

test('two opposite merges at the same moment: one wins, the tree stays sound', async () => {
  await create('xa-c', 'Xã C', 'commune', 'dt');
  await create('xa-d', 'Xã D', 'commune', 'dt');
  const [a, b] = await Promise.all([
    s.request({ method: 'POST', url: '/api/v1/units/xa-c/merge', payload: { into: 'xa-d', date: '2025-07-01' } }),
    s.request({ method: 'POST', url: '/api/v1/units/xa-d/merge', payload: { into: 'xa-c', date: '2025-07-01' } }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const c = (await s.request({ url: '/api/v1/units/xa-c' })).json();
  const d = (await s.request({ url: '/api/v1/units/xa-d' })).json();
  assert.ok(!(c.mergedInto && d.mergedInto), 'not merged into each other');
});

test('a merge dated in the future is refused with a message on the date', async () => {
  await create('xa-e', 'Xã E', 'commune', 'dt');
  await create('xa-f', 'Xã F', 'commune', 'dt');
  const res = await s.request({ method: 'POST', url: '/api/v1/units/xa-e/merge', payload: { into: 'xa-f', date: '2099-01-01' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].field, 'date');
});

test('a duplicate national code is a 409, and an edit that leaves fields out keeps them', async () => {
  await create('xa-g', 'Xã G', 'commune', 'dt');
  await s.request({ method: 'PATCH', url: '/api/v1/units/xa-g', payload: { name: 'Xã G', kind: 'commune', adminCode: '99991', phone: '0277 3851 234' } });
  await create('xa-h', 'Xã H', 'commune', 'dt');
  const dup = await s.request({ method: 'PATCH', url: '/api/v1/units/xa-h', payload: { name: 'Xã H', kind: 'commune', adminCode: '99991' } });
  assert.equal(dup.statusCode, 409);
  const kept = await s.request({ method: 'PATCH', url: '/api/v1/units/xa-g', payload: { name: 'Xã G Mới', kind: 'commune' } });
  assert.equal(kept.json().adminCode, '99991');
  assert.equal(kept.json().phone, '0277 3851 234');
});
