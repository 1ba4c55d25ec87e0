import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { System } from '../../src/compose.ts';
import { todayInVietnam } from '../../src/modules/procedures/index.ts';
import { csrfFrom, type Session, startSystem } from '../helpers.ts';
import { loadDemo, makeStaff } from './procedures-support.ts';

// startSystem registers its own clean-up with after(), so it runs at the top level of the file.
const sys: System = await startSystem();
const staff = await makeStaff(sys);
const loaded = await loadDemo(sys);
const today = todayInVietnam(new Date());

test('the demo loader publishes 54 procedures and assigns them to units', () => {
  assert.equal(loaded.procedures, 54);
  assert.ok(loaded.unitProcedures > 0);
});

async function search(query: string) {
  const res = await sys.app.inject({ method: 'GET', url: `/api/v1/procedures?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: { code: string; name: string }[]; total: number };
}

test('search ignores diacritics and ranks the exact name first', async () => {
  const cases: [string, string][] = [
    ['q=dang ky khai sinh', 'Đăng ký khai sinh'],
    ['q=DANG KY KET HON', 'Đăng ký kết hôn'],
    ['q=dang%20ky%20khai%20tu', 'Đăng ký khai tử'],
    ['q=khai sinh dang ky', 'Đăng ký khai sinh'],
    ['q=tach ho', 'Tách hộ'],
    ['q=%C4%91%C4%83ng%20k%C3%BD%20t%E1%BA%A1m%20tr%C3%BA', 'Đăng ký tạm trú'],
  ];
  for (const [q, first] of cases) {
    const r = await search(q.replace(/ /g, '%20'));
    assert.equal(
      r.items[0]?.name,
      first,
      `${q}: ${r.items
        .map((i) => i.name)
        .slice(0, 3)
        .join(' | ')}`,
    );
  }
});

test('search “chứng thực” lists the certification procedures first', async () => {
  const r = await search(`q=${encodeURIComponent('chứng thực')}`);
  assert.ok(r.total >= 6);
  assert.match(r.items[0]?.name ?? '', /^Chứng thực/);
  const top = r.items.slice(0, 5).map((i) => i.name);
  for (const name of top) assert.match(name, /^Chứng thực/, top.join(' | '));
});

test('search tolerates a typo and finds by code', async () => {
  const typo = await search('q=dang%20ki%20khai%20sinh');
  assert.ok(
    typo.items.slice(0, 3).some((i) => i.name === 'Đăng ký khai sinh'),
    typo.items.map((i) => i.name).join(' | '),
  );
  const byCode = await search('q=1.001193');
  assert.equal(byCode.items[0]?.code, '1.001193');
  assert.equal(byCode.total, 1);
  const prefix = await search('q=2.0011');
  assert.ok(prefix.items.every((i) => i.code.startsWith('2.0011')) && prefix.total >= 4);
});

test('filters and pagination', async () => {
  const police = await search('unitKind=police&pageSize=100');
  assert.equal(police.total, 16);
  const full = await search('onlineLevel=full&level=commune&pageSize=5&page=2');
  assert.equal(full.items.length, 5);
  const sameDay = await search('sameDay=true&pageSize=100');
  assert.equal(sameDay.total, 12);
  const field = await search(`field=${encodeURIComponent('Hộ tịch')}&pageSize=100`);
  assert.equal(field.total, 15);
  const nothing = await search('q=zzzzqqqq');
  assert.equal(nothing.total, 0);
});

test('drafts are for staff only', async () => {
  const anon = await sys.app.inject({ method: 'GET', url: '/api/v1/procedures?status=draft' });
  assert.equal(anon.statusCode, 401);
  const clerk = await staff.clerk.request({ url: '/api/v1/procedures?status=all' });
  assert.equal(clerk.statusCode, 200);
  assert.equal(clerk.json().total, 54);
});

test('one procedure: public current version; versions for staff', async () => {
  const res = await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.name, 'Đăng ký khai sinh');
  assert.equal(body.version, 1);
  assert.equal(body.effectiveFrom, '2025-07-01');
  assert.equal(body.cutoffHour, '15:00');
  assert.equal(body.fees[1].amountVnd, 8000);
  const missing = await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.999999', headers: { 'accept-language': 'en' } });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'PROCEDURE_NOT_FOUND');
  assert.equal(missing.json().title, 'Procedure not found');
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193/versions' })).statusCode, 401);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193?version=1' })).statusCode, 401);
});

function draftOf(body: Record<string, unknown>) {
  const { code: _c, version: _v, status: _s, effectiveFrom: _f, effectiveTo: _t, publishedAt: _p, ...content } = body;
  return content;
}

test('versioning: a draft, publishing v2 closes v1, published versions cannot be edited', async () => {
  const m: Session = staff.manager;
  const current = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' })).json();
  const content = { ...draftOf(current), name: 'Đăng ký khai tử (sửa đổi)', timeLimit: { value: 2, unit: 'working_days', note: null } };
  const draft = await m.request({ method: 'PUT', url: '/api/v1/procedures/1.000656/draft', payload: content });
  assert.equal(draft.statusCode, 200, draft.body);
  assert.equal(draft.json().version, 2);
  assert.equal(draft.json().status, 'draft');
  // Replacing the draft keeps its number.
  const again = await m.request({ method: 'PUT', url: '/api/v1/procedures/1.000656/draft', payload: { ...content, result: 'Trích lục khai tử' } });
  assert.equal(again.json().version, 2);
  // The public still sees v1.
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' })).json().version, 1);

  const published = await m.request({ method: 'POST', url: '/api/v1/procedures/1.000656/publish', payload: { effectiveFrom: today } });
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().status, 'published');
  const versions = (await m.request({ url: '/api/v1/procedures/1.000656/versions' })).json().versions;
  assert.deepEqual(
    versions.map((v: { version: number; status: string; effectiveFrom: string; effectiveTo: string | null }) => [
      v.version,
      v.status,
      v.effectiveFrom,
      v.effectiveTo,
    ]),
    [
      [1, 'published', '2025-07-01', today],
      [2, 'published', today, null],
    ],
  );
  const now = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' })).json();
  assert.equal(now.version, 2);
  assert.equal(now.name, 'Đăng ký khai tử (sửa đổi)');
  const v1 = (await m.request({ url: '/api/v1/procedures/1.000656?version=1' })).json();
  assert.equal(v1.name, 'Đăng ký khai tử');

  for (const version of [1, 2]) {
    const edit = await m.request({
      method: 'PUT',
      url: `/api/v1/procedures/1.000656/versions/${version}`,
      payload: content,
      headers: { 'accept-language': 'en' },
    });
    assert.equal(edit.statusCode, 409);
    assert.equal(edit.json().code, 'VERSION_NOT_EDITABLE');
    assert.equal(edit.json().title, 'Only draft versions can be edited');
  }
  // The database refuses it too.
  await assert.rejects(sys.platform.pool.query(`UPDATE procedure_versions SET name = 'x' WHERE status = 'published' AND version = 1`));

  // Publishing again on the same day is refused: periods never overlap.
  await m.request({ method: 'PUT', url: '/api/v1/procedures/1.000656/draft', payload: content });
  const clash = await m.request({ method: 'POST', url: '/api/v1/procedures/1.000656/publish', payload: { effectiveFrom: today } });
  assert.equal(clash.statusCode, 400);
  assert.equal(clash.json().errors[0].field, 'effectiveFrom');
  const noDraft = await m.request({ method: 'POST', url: '/api/v1/procedures/1.001193/publish', payload: { effectiveFrom: today } });
  assert.equal(noDraft.statusCode, 409);
});

test('create, publish and withdraw a procedure; the code is unique', async () => {
  const m = staff.manager;
  const body = {
    code: '9.000123',
    name: 'Thủ tục thử nghiệm',
    field: 'Thử nghiệm',
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: { value: 5, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: [{ kind: 'le_phi', name: 'Lệ phí', amountVnd: 10000, note: null, exemptions: [] }],
    documents: [],
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: 'none',
    sameDayEligible: false,
    unverified: [],
  };
  const created = await m.request({ method: 'POST', url: '/api/v1/procedures', payload: body });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().status, 'draft');
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.000123' })).statusCode, 404);
  const dup = await m.request({ method: 'POST', url: '/api/v1/procedures', payload: body });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().code, 'PROCEDURE_CODE_TAKEN');
  assert.equal((await m.request({ method: 'POST', url: '/api/v1/procedures/9.000123/publish', payload: { effectiveFrom: '2025-01-01' } })).statusCode, 200);
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.000123' })).statusCode, 200);
  const withdrawn = await m.request({ method: 'POST', url: '/api/v1/procedures/9.000123/withdraw', payload: { effectiveTo: today } });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.equal(withdrawn.json().status, 'withdrawn');
  assert.equal((await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/9.000123' })).statusCode, 404);
  const negative = await m.request({
    method: 'POST',
    url: '/api/v1/procedures',
    payload: { ...body, code: '9.000124', fees: [{ ...body.fees[0], amountVnd: -5 }] },
  });
  assert.equal(negative.statusCode, 400);
});

test('permissions: only province-wide managers change the catalogue', async () => {
  const payload = { effectiveFrom: today };
  const clerk = await staff.clerk.request({ method: 'POST', url: '/api/v1/procedures/1.001193/publish', payload });
  assert.equal(clerk.statusCode, 403);
  const communeOfficer = await staff.communeOfficer.request({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/publish',
    payload,
    headers: { 'accept-language': 'en' },
  });
  assert.equal(communeOfficer.statusCode, 403);
  assert.equal(communeOfficer.json().title, 'You are not allowed to do this');
  const importByClerk = await staff.clerk.request({ method: 'POST', url: '/api/v1/procedures/import', payload: { procedures: [] } });
  assert.equal(importByClerk.statusCode, 403);
  assert.equal(importByClerk.json().code, 'FORBIDDEN');
  // A stranger with a valid form token but no account: 401.
  const page = await sys.app.inject({ method: 'GET', url: '/dang-nhap' });
  const cookie = String(page.headers['set-cookie']).split(';')[0] as string;
  const anon = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import',
    headers: { cookie, 'x-csrf-token': csrfFrom(page.body), 'accept-language': 'en' },
    payload: { procedures: [] },
  });
  assert.equal(anon.statusCode, 401);
  assert.equal(anon.json().title, 'You need to sign in');
  const exportAnon = await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/export.json' });
  assert.equal(exportAnon.statusCode, 401);
});

test('the OpenAPI document lists the procedure routes', async () => {
  const doc = (sys.app as unknown as { swagger(): { paths: Record<string, unknown> } }).swagger();
  for (const path of [
    '/api/v1/procedures',
    '/api/v1/procedures/{code}',
    '/api/v1/procedures/import',
    '/api/v1/procedures/export.xlsx',
    '/api/v1/procedures/{code}/publish',
  ]) {
    assert.ok(doc.paths[path], path);
  }
});

test('merge carry-over: a merged ward’s procedures move to the receiving ward', async () => {
  const { carryOverProcedures } = await import('../../src/modules/procedures/index.ts');
  const { inTransaction } = await import('../../src/platform/db/query.ts');
  const ids = await sys.platform.pool.query<{ id: number; code: string }>(
    `SELECT id::int, code FROM units WHERE code IN ('cao-lanh-phuong-1', 'cao-lanh-phuong-2', 'cao-lanh-cong-an-phuong-1') ORDER BY code`,
  );
  const [police, ward1, ward2] = ids.rows as { id: number; code: string }[];
  const count = async (id: number) =>
    (await sys.platform.pool.query('SELECT count(*)::int n FROM unit_procedures WHERE unit_id = $1', [id])).rows[0].n as number;
  assert.ok((await count(ward1?.id as number)) >= 30);
  // The police station's residence procedures are not the ward's: after the move the ward carries both (once each).
  const policeCount = await count(police?.id as number);
  const union = (
    await sys.platform.pool.query('SELECT count(DISTINCT procedure_id)::int n FROM unit_procedures WHERE unit_id = ANY($1::bigint[])', [
      [police?.id, ward2?.id],
    ])
  ).rows[0].n as number;
  const moved = await inTransaction(sys.platform.db, (tx) => carryOverProcedures(tx, police as { id: number }, ward2 as { id: number }));
  assert.equal(moved.procedures, policeCount);
  assert.equal(await count(police?.id as number), 0);
  assert.equal(await count(ward2?.id as number), union);
  const again = await inTransaction(sys.platform.db, (tx) => carryOverProcedures(tx, ward1 as { id: number }, ward2 as { id: number }));
  assert.ok(again.procedures >= 30);
  assert.equal(await count(ward2?.id as number), union);
});
