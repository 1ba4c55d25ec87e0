import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkImportRows, checkSpec } from './import-row.ts';

const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../demo/procedures.json'), 'utf8')) as Record<string, unknown>[];
const good = () => structuredClone(demo[0]) as Record<string, unknown>;

test('every demo procedure passes and is already normalised', () => {
  const { specs, problems } = checkImportRows(demo.map((data, i) => ({ row: i + 1, data })));
  assert.deepEqual(problems, []);
  assert.equal(specs.length, 54);
  for (const [i, s] of specs.entries()) assert.deepEqual(s.spec, demo[i], String(demo[i]?.code));
});

const bad: [string, (r: Record<string, unknown>) => void, string][] = [
  ['missing name', (r) => delete r.name, 'name'],
  ['malformed code', (r) => (r.code = '1001193'), 'code'],
  ['unknown level', (r) => (r.level = 'district'), 'level'],
  ['unknown unit kind', (r) => (r.unitTypes = ['commune', 'hamlet']), 'unitTypes[1]'],
  ['time limit zero', (r) => (r.timeLimit = { value: 0, unit: 'working_days', note: null }), 'timeLimit.value'],
  ['time limit negative', (r) => (r.timeLimit = { value: -3, unit: 'working_days', note: null }), 'timeLimit.value'],
  ['time limit as text', (r) => (r.timeLimit = { value: '3 ngày', unit: 'working_days', note: null }), 'timeLimit.value'],
  ['unknown time unit', (r) => (r.timeLimit = { value: 3, unit: 'days', note: null }), 'timeLimit.unit'],
  ['missing time limit', (r) => delete r.timeLimit, 'timeLimit'],
  ['bad cut-off hour', (r) => (r.cutoffHour = '3pm'), 'cutoffHour'],
  ['unknown online level', (r) => (r.onlineLevel = 'level4'), 'onlineLevel'],
  ['name too long', (r) => (r.name = 'x'.repeat(501)), 'name'],
  [
    'fee not a number',
    (r) => ((r.fees as Record<string, unknown>[])[0] = { kind: 'le_phi', name: 'Lệ phí', amountVnd: 'tám nghìn', note: null, exemptions: [] }),
    'fees[0].amountVnd',
  ],
  ['unknown column', (r) => (r.price = 1), 'price'],
  ['same-day as text', (r) => (r.sameDayEligible = 'yes'), 'sameDayEligible'],
  ['unknown unverified field', (r) => (r.unverified = ['colour']), 'unverified[0]'],
  ['document kind unknown', (r) => (r.documents = [{ name: 'Tờ khai', copies: 1, kind: 'scan', formTemplate: null }]), 'documents[0].kind'],
];

for (const [name, mutate, path] of bad) {
  test(`import row refused: ${name}`, () => {
    const r = good();
    mutate(r);
    const checked = checkSpec(r, { withCode: true });
    assert.equal(checked.ok, false);
    if (!checked.ok)
      assert.ok(
        checked.problems.some((p) => p.path === path),
        JSON.stringify(checked.problems),
      );
  });
}

test('import row: NFD names become NFC; SQL and HTML are kept as text; defaults filled', () => {
  const r = {
    code: '9.000001',
    name: "Đa\u0306ng ky\u0301 <b>thử</b>'); DROP TABLE procedures;--",
    field: 'Thử',
    level: 'commune',
    unitTypes: ['ward'],
    timeLimit: { value: 2.5, unit: 'working_hours' },
    onlineLevel: 'none',
  };
  const checked = checkSpec(r, { withCode: true });
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
  if (!checked.ok) return;
  assert.equal(checked.value.name, "Đăng ký <b>thử</b>'); DROP TABLE procedures;--");
  assert.equal(checked.value.name, checked.value.name.normalize('NFC'));
  assert.deepEqual(checked.value.fees, []);
  assert.equal(checked.value.timeLimit.note, null);
  assert.equal(checked.value.sameDayEligible, false);
  assert.deepEqual(Object.keys(checked.value), Object.keys(demo[0] as object));
});

test('import rows: every bad row reported, duplicates named with the first row', () => {
  const rows = [
    good(),
    { ...good(), code: '1.000001', timeLimit: { value: -1, unit: 'working_days', note: null } },
    good(),
    { ...good(), code: '1.000002', level: 'x' },
  ];
  const { specs, problems } = checkImportRows(rows.map((data, i) => ({ row: i + 1, data })));
  assert.equal(specs.length, 2);
  assert.deepEqual(
    problems.map((p) => [p.row, p.column]),
    [
      [2, 'timeLimit.value'],
      [3, 'code'],
      [4, 'level'],
    ],
  );
  assert.match(problems[1]?.message.vi ?? '', /dòng 1/);
});

test('a draft body has no code', () => {
  const { code: _c, ...content } = good();
  assert.equal(checkSpec(content, { withCode: false }).ok, true);
  assert.equal(checkSpec(good(), { withCode: false }).ok, false);
});
