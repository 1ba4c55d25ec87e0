import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorrection, checkFinding, checkPlan, closable, correctionState, isAbove, memberOf } from './inspections.ts';
import { checkModel } from './models.ts';
import { checkRegistration, overlapping, procedureCodesOf } from './registrations.ts';

test('correction state: overdue only when open after the deadline', () => {
  const cases: [string, 'open' | 'done', string, string][] = [
    ['2026-11-15', 'open', '2026-11-24', 'overdue'],
    ['2026-11-24', 'open', '2026-11-24', 'open'],
    ['2026-11-15', 'done', '2026-11-24', 'done'],
  ];
  for (const [deadline, status, today, want] of cases) assert.equal(correctionState({ deadline, status }, today), want);
});

test('closing needs at least one correction and all done', () => {
  assert.equal(closable([]), false);
  assert.equal(closable([{ status: 'done' }, { status: 'open' }]), false);
  assert.equal(closable([{ status: 'done' }, { status: 'done' }]), true);
});

test('team members from lines', () => {
  assert.deepEqual(memberOf('Nguyễn Văn An – Trưởng phòng Nội vụ'), { name: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ' });
  assert.deepEqual(memberOf('Trần Thị Bình, Chuyên viên'), { name: 'Trần Thị Bình', title: 'Chuyên viên' });
  assert.equal(memberOf('Chỉ có tên'), null);
  const plan = checkPlan({ title: 'Kiểm tra CCHC', plannedOn: '2026-10-15', members: 'A Văn – Trưởng đoàn\n\nB Thị – Thành viên', indexGroups: ['progress'] });
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.members.map((m) => m.role),
    ['lead', 'member'],
  );
  const bad = checkPlan({ title: 'x', plannedOn: '2026-02-30', members: '', indexGroups: ['nope'] });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['indexGroups', 'members', 'plannedOn', 'title']);
});

test('a finding is against exactly one of a model or an index group', () => {
  const cases: [Record<string, unknown>, string[]][] = [
    [{ model: 'cl-niem-yet-dien-tu', severity: 'major', text: 'Chưa lắp màn hình' }, []],
    [{ indexGroup: 'progress', severity: 'minor', text: 'Trễ hạn' }, []],
    [{ model: 'a-b', indexGroup: 'progress', severity: 'minor', text: 'Trễ hạn' }, ['model']],
    [{ severity: 'minor', text: 'Trễ hạn' }, ['model']],
    [{ indexGroup: 'nope', severity: 'grave', text: '' }, ['indexGroup', 'severity', 'text']],
  ];
  for (const [input, fields] of cases) {
    const r = checkFinding(input);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), fields, JSON.stringify(input));
  }
});

test('a correction marked done needs evidence', () => {
  const base = { action: 'Niêm yết mã QR', owner: 'Văn phòng', deadline: '2026-12-01' };
  assert.ok(checkCorrection(base).ok);
  const r = checkCorrection({ ...base, status: 'done' });
  assert.ok(!r.ok && r.errors[0]?.field === 'evidence');
  assert.ok(checkCorrection({ ...base, status: 'done', evidence: 'Ảnh chụp quầy' }).ok);
});

test('the inspecting unit lies strictly above', () => {
  assert.equal(isAbove('/1/2/', '/1/2/3/'), true);
  assert.equal(isAbove('/1/2/', '/1/2/'), false);
  assert.equal(isAbove('/1/2/', '/1/22/'), false);
});

test('models: fields, reserved codes, script text kept as text', () => {
  const ok = {
    code: 'cl-moi',
    name: '<script>alert(1)</script> Mô hình',
    leadAgency: 'UBND xã',
    origin: 'city',
    source: 'Kế hoạch 1',
    catalogueCode: 'm2',
    startsOn: '2026-01-01',
  };
  const r = checkModel(ok);
  assert.ok(r.ok);
  assert.equal(r.value.name, '<script>alert(1)</script> Mô hình');
  assert.equal(r.value.catalogueCode, 'M2');
  const bad = checkModel({ ...ok, code: 'don-vi', origin: 'x', catalogueCode: 'M16', endsOn: '2025-01-01', mandatory: true, choicePool: true });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['catalogueCode', 'choicePool', 'code', 'endsOn', 'origin']);
});

test('registrations: procedures only on same-day models; periods may not overlap', () => {
  assert.deepEqual(procedureCodesOf('1.001193, 2.000815\n1.001193'), ['1.001193', '2.000815']);
  assert.ok(!checkRegistration({ fromDate: '2026-01-01', procedures: '1.001193' }, { sameDay: false }).ok);
  assert.ok(checkRegistration({ fromDate: '2026-01-01', procedures: '1.001193' }, { sameDay: true }).ok);
  const r = checkRegistration({ fromDate: '2026-01-01', toDate: '2025-01-01', procedures: 'abc' }, { sameDay: true });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => e.field),
    ['toDate', 'procedures'],
  );
  const others = [{ id: 1, fromDate: '2024-01-01', toDate: '2024-12-31' }];
  assert.equal(overlapping(others, { from: '2025-01-01', to: null }, null), undefined);
  assert.equal(overlapping(others, { from: '2024-12-31', to: null }, null)?.id, 1);
  assert.equal(overlapping(others, { from: '2024-06-01', to: null }, 1), undefined);
});
