/**
 * Reform models (M15): the registry loaded from the seed plans, units' registrations with same-day procedures, the
 * plans' rules over a small unit tree (mandatory models, one optional pick per commune, a new model per department per
 * year), and an inspection followed from plan to closed findings, with an overdue correction flagged. Bad input: names
 * and texts with script shown as text, a year to come, overlapping periods, unknown procedures, units the user may not see.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDemoProcedures } from '../../src/modules/procedures/index.ts';
import { complianceIssues, loadDemoReform, modelsRunBy } from '../../src/modules/reform/index.ts';
import { findUnitByCode, loadDemoUnits } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { todayInVietnam } from '../../src/platform/time.ts';
import { form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const db = sys.platform.db;
const today = todayInVietnam(new Date());
const year = Number(today.slice(0, 4));
const XSS = '<script>alert(1)</script><b>đậm</b>';
const ESCAPED = '&lt;script>alert(1)&lt;/script>&lt;b>đậm&lt;/b>';

// A small tree of our own: province → city → ward, commune, department; and a province elsewhere.
const province = await makeUnit(sys, { name: 'Tỉnh Cải Cách' });
const city = await makeUnit(sys, { parent: province, kind: 'city', name: 'Thành phố Mô Hình' });
const ward = await makeUnit(sys, { parent: city, kind: 'ward', name: 'Phường Thân Thiện' });
const commune = await makeUnit(sys, { parent: city, kind: 'commune', name: 'Xã Không Hẹn' });
const dept = await makeUnit(sys, { parent: city, kind: 'department', name: 'Phòng Tư pháp thử' });
const elsewhere = await makeUnit(sys, { name: 'Tỉnh Khác' });
const elsewhereCommune = await makeUnit(sys, { parent: elsewhere, kind: 'commune', name: 'Xã Khác' });

const homeAffairs = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', province, { subtree: true })).username);
const wardLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);
const outsider = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', elsewhere, { subtree: true })).username);

const model = (code: string, issuer: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Mô hình ${code}`,
  leadAgency: 'UBND các xã, phường',
  origin: 'city',
  issuer,
  source: 'Kế hoạch số 1/KH-UBND ngày 02/01/2024',
  catalogueCode: 'M2',
  startsOn: '2024-01-01',
  ...extra,
});

test('the seed plans load as demo data: 24 models, registrations, seed 004’s same-day procedures', async () => {
  const counts = await inTransaction(db, async (tx) => {
    await loadDemoUnits(tx, systemActor('test'));
    await loadDemoProcedures(tx, systemActor('test'));
    return loadDemoReform(tx);
  });
  assert.equal(counts.reformModels, 24); // 9 province (001) + 8 city (000) + 5 Sa Đéc (003) + 2 Phước Long (004)
  // Seed 004: mai táng phí, lĩnh vực hộ tịch, giấy khen, two school transfers are not codes of the demo catalogue.
  assert.equal(counts.reformProceduresMissing, 5);
  assert.ok((counts.reformProcedures ?? 0) >= 20);
  const list = (await sys.app.inject({ url: '/api/v1/reform/models' })).json() as { items: { code: string; mandatory: boolean; units: unknown[] }[] };
  assert.equal(list.items.filter((m) => m.code.startsWith('dt-')).length, 9);
  assert.deepEqual(
    list.items
      .filter((m) => m.code.startsWith('cl-') && m.mandatory)
      .map((m) => m.code)
      .sort(),
    ['cl-khong-dung-tien-mat', 'cl-niem-yet-dien-tu'],
  );
  const thacMo = (await findUnitByCode(db, 'phuoc-long-phuong-thac-mo'))!;
  const runs = (await modelsRunBy(db, [thacMo.id], '2024-06-01')).get(thacMo.id)!;
  assert.deepEqual(
    runs.map((r) => r.code),
    ['pl-chinh-quyen-than-thien'],
  );
  assert.deepEqual(runs[0]!.procedures, ['1.000656', '1.000894', '1.001193', '1.004873', '2.000815']);
  // The compliance of Cao Lãnh in 2026: Phường 6 lacks the cashless model, Xã Tịnh Thới picked no optional model.
  const caoLanh = (await findUnitByCode(db, 'cao-lanh'))!;
  const { issues } = await complianceIssues(db, { rootUnitId: caoLanh.id, year: 2026, today: '2026-11-24' });
  const seen = issues.map((i) => `${i.unit.code} ${i.rule}`);
  assert.ok(seen.includes('cao-lanh-phuong-6 mandatory_model'));
  assert.ok(seen.includes('cao-lanh-xa-tinh-thoi optional_model'));
  assert.ok(seen.includes('cao-lanh-phong-noi-vu new_model_yearly'));
  assert.ok(!seen.some((s) => s.startsWith('cao-lanh-van-phong-hdnd-ubnd ')), 'the office started a new model in 2026');
  assert.equal(issues.filter((i) => i.rule !== 'new_model_yearly').length, 2);
  // The public page lists who runs each model.
  const page = await sys.app.inject({ url: '/mo-hinh', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Hệ thống niêm yết thủ tục hành chính điện tử/);
  assert.match(page.body, /Phường Thác Mơ/);
});

test('the registry: add, refuse bad input naming each field, show script as text, refuse a stale edit', async () => {
  const bad = await homeAffairs.request({
    method: 'POST',
    url: '/api/v1/reform/models',
    payload: { ...model('x-bad', city.code), startsOn: '2024-01-01', endsOn: '2023-01-01', mandatory: true, choicePool: true },
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual((bad.json().errors as { field: string }[]).map((e) => e.field).sort(), ['choicePool', 'endsOn']);
  const made = await homeAffairs.request({
    method: 'POST',
    url: '/api/v1/reform/models',
    payload: model('tp-niem-yet', city.code, { name: `Niêm yết ${XSS}`, mandatory: true }),
  });
  assert.equal(made.statusCode, 201, made.body);
  assert.equal(made.json().name, `Niêm yết ${XSS}`);
  const again = await homeAffairs.request({ method: 'POST', url: '/api/v1/reform/models', payload: model('tp-niem-yet', city.code) });
  assert.equal(again.statusCode, 409);
  const page = await sys.app.inject({ url: '/mo-hinh', headers: { accept: 'text/html' } });
  assert.ok(page.body.includes(ESCAPED) && !page.body.includes(XSS));
  // An issuer the officer may not manage.
  const foreign = await homeAffairs.request({ method: 'POST', url: '/api/v1/reform/models', payload: model('x-foreign', elsewhere.code) });
  assert.equal(foreign.statusCode, 403);
  // Two editors: the second, holding the old version, is told.
  const { code: _c, ...rest } = model('tp-niem-yet', city.code, { mandatory: true });
  const seen = made.json().updatedAt as string;
  const first = await homeAffairs.request({
    method: 'PATCH',
    url: '/api/v1/reform/models/tp-niem-yet',
    payload: { ...rest, name: 'Niêm yết điện tử', updatedAt: seen },
  });
  assert.equal(first.statusCode, 200, first.body);
  const second = await homeAffairs.request({
    method: 'PATCH',
    url: '/api/v1/reform/models/tp-niem-yet',
    payload: { ...rest, name: 'Niêm yết khác', updatedAt: seen },
  });
  assert.equal(second.statusCode, 409);
  assert.equal((await homeAffairs.request({ method: 'PATCH', url: '/api/v1/reform/models/khong-co', payload: rest })).statusCode, 404);
  const schemaBad = await homeAffairs.request({
    method: 'POST',
    url: '/api/v1/reform/models',
    payload: { ...model('x-bad2', city.code), name: 'ab', catalogueCode: 'M99' },
  });
  assert.equal(schemaBad.statusCode, 400);
  assert.equal((schemaBad.json().errors as unknown[]).length, 2);
  const after = await homeAffairs.request({ url: '/api/v1/reform/models' });
  const saved = (after.json().items as { code: string; mandatory: boolean; name: string }[]).find((m) => m.code === 'tp-niem-yet');
  assert.deepEqual([saved?.name, saved?.mandatory], ['Niêm yết điện tử', true]);
});

test('registrations and the compliance rules over a small tree', async () => {
  for (const m of [
    model('tp-bat-buoc', city.code, { mandatory: true }),
    model('tp-tu-chon-a', city.code, { choicePool: true, sameDay: true }),
    model('tp-tu-chon-b', city.code, { choicePool: true }),
  ]) {
    assert.equal((await homeAffairs.request({ method: 'POST', url: '/api/v1/reform/models', payload: m })).statusCode, 201);
  }
  const compliance = async () =>
    (
      (await homeAffairs.request({ url: `/api/v1/reform/compliance?unit=${city.code}&year=${year}` })).json() as {
        items: { unit: { code: string }; rule: string; models: { code: string }[] }[];
      }
    ).items
      .map((i) => `${i.unit.code} ${i.rule} ${i.models.map((m) => m.code).join(',')}`.trim())
      .sort();
  assert.deepEqual(
    await compliance(),
    [
      `${ward.code} mandatory_model tp-bat-buoc,tp-niem-yet`,
      `${ward.code} optional_model tp-tu-chon-a,tp-tu-chon-b`,
      `${commune.code} mandatory_model tp-bat-buoc,tp-niem-yet`,
      `${commune.code} optional_model tp-tu-chon-a,tp-tu-chon-b`,
      `${dept.code} new_model_yearly`,
    ].sort(),
  );
  const reg = (s: typeof wardLeader, unit: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/v1/reform/units/${unit}/registrations`, payload: body });
  // The ward's leader registers through the page form; the officer registers the commune by the API.
  const pageRes = await wardLeader.request({
    method: 'POST',
    url: '/quan-tri/mo-hinh/don-vi',
    payload: form({ unit: ward.code, model: 'tp-bat-buoc', fromDate: '2024-02-01' }),
  });
  assert.equal(pageRes.statusCode, 303);
  assert.equal((await reg(wardLeader, ward.code, { model: 'tp-niem-yet', fromDate: '2024-02-01' })).statusCode, 201);
  const sameDay = await reg(wardLeader, ward.code, { model: 'tp-tu-chon-a', fromDate: '2024-02-01', procedures: ['1.001193', '2.000815'] });
  assert.equal(sameDay.statusCode, 201, sameDay.body);
  assert.deepEqual(
    (sameDay.json().procedures as { code: string }[]).map((p) => p.code),
    ['1.001193', '2.000815'],
  );
  // Bad input: overlapping period, procedures on a model that is not same-day, unknown codes, a unit not theirs.
  assert.equal((await reg(wardLeader, ward.code, { model: 'tp-bat-buoc', fromDate: '2025-01-01' })).statusCode, 409);
  const notSameDay = await reg(wardLeader, ward.code, { model: 'tp-tu-chon-b', fromDate: '2024-02-01', procedures: ['1.001193'] });
  assert.equal(notSameDay.statusCode, 400);
  assert.equal(notSameDay.json().errors[0].field, 'procedures');
  const unknown = await homeAffairs.request({
    method: 'POST',
    url: `/api/v1/reform/units/${commune.code}/registrations`,
    payload: { model: 'tp-tu-chon-a', fromDate: '2024-02-01', procedures: ['9.999999'] },
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json().errors[0].message, /9\.999999/);
  assert.equal((await reg(wardLeader, commune.code, { model: 'tp-bat-buoc', fromDate: '2024-02-01' })).statusCode, 403);
  // A form with script in the note re-renders it as text.
  const formBad = await wardLeader.request({
    method: 'POST',
    url: '/quan-tri/mo-hinh/don-vi',
    payload: form({ unit: ward.code, model: 'tp-tu-chon-b', fromDate: 'hôm qua', note: XSS }),
    headers: { accept: 'text/html' },
  });
  assert.equal(formBad.statusCode, 400);
  assert.ok(formBad.body.includes(ESCAPED) && !formBad.body.includes(XSS));
  assert.match(formBad.body, /Hãy nhập ngày bắt đầu thực hiện/);
  for (const m of ['tp-bat-buoc', 'tp-niem-yet', 'tp-tu-chon-b']) {
    assert.equal((await reg(homeAffairs, commune.code, { model: m, fromDate: '2024-03-01' })).statusCode, 201);
  }
  // The ward and the commune comply; the department started nothing this year, until it does.
  assert.deepEqual(await compliance(), [`${dept.code} new_model_yearly`]);
  assert.equal((await reg(homeAffairs, dept.code, { model: 'tp-tu-chon-b', fromDate: `${year}-01-15` })).statusCode, 201);
  assert.deepEqual(await compliance(), []);
  // The commune drops the mandatory model: it breaks the rule again.
  const regs = (await homeAffairs.request({ url: `/api/v1/reform/units/${commune.code}/registrations` })).json().items as {
    id: number;
    model: { code: string };
  }[];
  const mandatory = regs.find((r) => r.model.code === 'tp-bat-buoc')!;
  const ended = await homeAffairs.request({ method: 'PATCH', url: `/api/v1/reform/registrations/${mandatory.id}`, payload: { toDate: '2024-12-31' } });
  assert.equal(ended.statusCode, 200, ended.body);
  assert.deepEqual(await compliance(), [`${commune.code} mandatory_model tp-bat-buoc`]);
  // Last year the commune still ran it.
  const last = (await homeAffairs.request({ url: `/api/v1/reform/compliance?unit=${city.code}&year=2024` })).json().items as { unit: { code: string } }[];
  assert.ok(!last.some((i) => i.unit.code === commune.code));
  // The page shows the same, for the caller's subtree; a year to come is refused.
  const page = await homeAffairs.request({ url: `/quan-tri/mo-hinh/tuan-thu?unit=${city.code}&year=${year}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Xã Không Hẹn/);
  assert.match(page.body, /Chưa thực hiện mô hình bắt buộc/);
  assert.equal((await homeAffairs.request({ url: `/api/v1/reform/compliance?unit=${city.code}&year=${year + 1}` })).statusCode, 400);
  assert.equal(
    (await homeAffairs.request({ url: `/quan-tri/mo-hinh/tuan-thu?unit=${city.code}&year=${year + 1}`, headers: { accept: 'text/html' } })).statusCode,
    400,
  );
  // Units the user may not see.
  assert.equal((await outsider.request({ url: `/api/v1/reform/compliance?unit=${city.code}&year=${year}` })).statusCode, 403);
  assert.equal((await clerk.request({ url: `/api/v1/reform/compliance?unit=${ward.code}&year=${year}` })).statusCode, 403);
  assert.equal((await homeAffairs.request({ url: `/api/v1/reform/compliance?unit=khong-co-don-vi&year=${year}` })).statusCode, 404);
  assert.equal((await outsider.request({ url: `/api/v1/reform/compliance?unit=${elsewhereCommune.code}&year=${year}` })).statusCode, 200);
});

test('an inspection from plan to closed findings, with an overdue correction flagged', async () => {
  const plan = await homeAffairs.request({
    method: 'POST',
    url: '/api/v1/reform/inspections',
    payload: {
      inspectingUnit: city.code,
      inspectedUnit: ward.code,
      title: `Kiểm tra CCHC năm ${year}`,
      plannedOn: today,
      models: ['tp-bat-buoc'],
      indexGroups: ['progress', 'online_payment'],
      members: [
        { name: 'Nguyễn Văn Trưởng', title: 'Trưởng phòng Nội vụ' },
        { name: 'Lê Thị Viên', title: 'Chuyên viên' },
      ],
    },
  });
  assert.equal(plan.statusCode, 201, plan.body);
  const id = plan.json().id as number;
  assert.equal(plan.json().members[0].role, 'lead');
  // The inspecting unit must lie above; the ward leader cannot plan or record findings of the city.
  const upward = await homeAffairs.request({
    method: 'POST',
    url: '/api/v1/reform/inspections',
    payload: { inspectingUnit: ward.code, inspectedUnit: city.code, title: 'Ngược', plannedOn: today, members: [{ name: 'A B', title: 'C D' }] },
  });
  assert.equal(upward.statusCode, 400);
  assert.equal(upward.json().errors[0].field, 'inspectedUnit');
  const both = await homeAffairs.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings`,
    payload: { model: 'tp-bat-buoc', indexGroup: 'progress', severity: 'major', text: 'Hai thứ' },
  });
  assert.equal(both.statusCode, 400);
  const f1 = await homeAffairs.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings`,
    payload: { model: 'tp-bat-buoc', severity: 'major', text: `Chưa niêm yết mã QR ${XSS}` },
  });
  assert.equal(f1.statusCode, 201, f1.body);
  const f2 = await homeAffairs.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings`,
    payload: { indexGroup: 'progress', severity: 'minor', text: 'Hồ sơ trễ hạn chưa có thư xin lỗi' },
  });
  const [finding1, finding2] = f2.json().findings as { id: number }[];
  assert.equal(
    (
      await wardLeader.request({
        method: 'POST',
        url: `/api/v1/reform/inspections/${id}/findings`,
        payload: { indexGroup: 'progress', severity: 'minor', text: 'Tự kiểm' },
      })
    ).statusCode,
    403,
  );
  // The inspected unit's leader records corrections: one already past its deadline.
  const past = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const c1 = await wardLeader.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings/${finding1!.id}/corrections`,
    payload: { action: 'Niêm yết mã QR tại quầy', owner: 'Công chức Văn phòng', deadline: past },
  });
  assert.equal(c1.statusCode, 201, c1.body);
  assert.equal(c1.json().status, 'overdue');
  const doneNoEvidence = await wardLeader.request({
    method: 'PATCH',
    url: `/api/v1/reform/inspections/${id}/corrections/${c1.json().id}`,
    payload: { status: 'done' },
  });
  assert.equal(doneNoEvidence.statusCode, 400);
  assert.equal(doneNoEvidence.json().errors[0].field, 'evidence');
  // The overdue correction is flagged on the inspection and its page.
  const view = await wardLeader.request({ url: `/api/v1/reform/inspections/${id}` });
  assert.equal(view.json().correctionsOverdue, 1);
  const page = await wardLeader.request({ url: `/quan-tri/kiem-tra/${id}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /1 biện pháp khắc phục đã quá hạn/);
  assert.match(page.body, /Quá hạn/);
  assert.ok(page.body.includes(ESCAPED) && !page.body.includes(XSS));
  // Closing waits for every correction; then the inspecting body closes, and nothing more is added.
  assert.equal(
    (await homeAffairs.request({ method: 'POST', url: `/api/v1/reform/inspections/${id}/findings/${finding1!.id}/close`, payload: {} })).statusCode,
    409,
  );
  assert.equal(
    (await homeAffairs.request({ method: 'POST', url: `/api/v1/reform/inspections/${id}/findings/${finding2!.id}/close`, payload: {} })).statusCode,
    409,
  );
  const done = await wardLeader.request({
    method: 'PATCH',
    url: `/api/v1/reform/inspections/${id}/corrections/${c1.json().id}`,
    payload: { status: 'done', evidence: 'Ảnh chụp quầy, biên bản ngày hôm nay' },
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().status, 'done');
  assert.equal(done.json().doneOn, today);
  assert.equal(
    (await wardLeader.request({ method: 'POST', url: `/api/v1/reform/inspections/${id}/findings/${finding1!.id}/close`, payload: {} })).statusCode,
    403,
  );
  const closed = await homeAffairs.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings/${finding1!.id}/close`,
    payload: { note: 'Đạt yêu cầu' },
  });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json().findings[0].status, 'closed');
  assert.equal(closed.json().correctionsOverdue, 0);
  const late = await wardLeader.request({
    method: 'POST',
    url: `/api/v1/reform/inspections/${id}/findings/${finding1!.id}/corrections`,
    payload: { action: 'Thêm nữa', owner: 'Văn phòng', deadline: today },
  });
  assert.equal(late.statusCode, 409);
  // The second finding through the page forms: a correction done at once, then closed by the inspecting body.
  const k = `f${finding2!.id}-`;
  const pc = await wardLeader.request({
    method: 'POST',
    url: `/quan-tri/kiem-tra/${id}/ket-luan/${finding2!.id}/khac-phuc`,
    payload: form({
      [`${k}action`]: 'Gửi thư xin lỗi',
      [`${k}owner`]: 'Bộ phận Một cửa',
      [`${k}deadline`]: today,
      [`${k}status`]: 'done',
      [`${k}evidence`]: 'Thư số 5',
    }),
  });
  assert.equal(pc.statusCode, 303, pc.body);
  const pClose = await homeAffairs.request({ method: 'POST', url: `/quan-tri/kiem-tra/${id}/ket-luan/${finding2!.id}/dong`, payload: form({}) });
  assert.equal(pClose.statusCode, 303);
  assert.equal((await homeAffairs.request({ url: `/api/v1/reform/inspections/${id}` })).json().findingsOpen, 0);
  // Units the user may not see: 403; an inspection that does not exist: 404.
  assert.equal((await outsider.request({ url: `/api/v1/reform/inspections/${id}` })).statusCode, 403);
  assert.equal((await clerk.request({ url: `/quan-tri/kiem-tra/${id}`, headers: { accept: 'text/html' } })).statusCode, 403);
  assert.equal((await homeAffairs.request({ url: '/api/v1/reform/inspections/999999' })).statusCode, 404);
  assert.equal((await homeAffairs.request({ url: '/quan-tri/kiem-tra/abc', headers: { accept: 'text/html' } })).statusCode, 404);
  // Every step left an audit row.
  const audit = await sys.platform.pool.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE action LIKE 'reform.%' AND entity_type IN ('reform_inspection', 'reform_finding', 'reform_correction')",
  );
  const actions = new Set(audit.rows.map((r) => r.action));
  for (const a of ['reform.inspection.plan', 'reform.finding.create', 'reform.correction.create', 'reform.correction.update', 'reform.finding.close'])
    assert.ok(actions.has(a), a);
});

test('every reform JSON route is in the OpenAPI document', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  for (const [path, method] of [
    ['/api/v1/reform/models', 'get'],
    ['/api/v1/reform/models', 'post'],
    ['/api/v1/reform/models/{code}', 'patch'],
    ['/api/v1/reform/units/{code}/registrations', 'post'],
    ['/api/v1/reform/compliance', 'get'],
    ['/api/v1/reform/inspections/{id}/findings/{findingId}/close', 'post'],
    ['/api/v1/reform/inspections/{id}/corrections/{correctionId}', 'patch'],
  ] as const) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  }
});
