import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CoverageUnit, coverage, monthsOf, parseQuarter, quarterOf, quarterPeriod, requiredPeriods, shiftQuarter } from './coverage.ts';

test('quarters: read, shifted, and their days', () => {
  assert.deepEqual(parseQuarter('2026-Q4'), { year: 2026, quarter: 4 });
  assert.deepEqual(parseQuarter('2026-q1'), { year: 2026, quarter: 1 });
  for (const bad of ['2026-Q5', '2026-Q0', '2026Q4', 'Q4-2026', '1999-Q1', '<b>']) assert.equal(parseQuarter(bad), null, bad);
  assert.deepEqual(quarterOf('2026-12-31'), { year: 2026, quarter: 4 });
  assert.deepEqual(quarterOf('2026-04-01'), { year: 2026, quarter: 2 });
  assert.deepEqual(shiftQuarter({ year: 2026, quarter: 4 }, 1), { year: 2027, quarter: 1 });
  assert.deepEqual(shiftQuarter({ year: 2026, quarter: 1 }, -1), { year: 2025, quarter: 4 });
  assert.deepEqual(quarterPeriod({ year: 2028, quarter: 1 }), { key: '2028-Q1', kind: 'quarter', from: '2028-01-01', to: '2028-03-31' });
  assert.deepEqual(
    monthsOf({ year: 2028, quarter: 1 }).map((m) => [m.key, m.to]),
    [
      ['2028-01', '2028-01-31'],
      ['2028-02', '2028-02-29'],
      ['2028-03', '2028-03-31'],
    ],
  );
});

test('who must hold what: radio monthly at the province and quarterly below it; business coffee quarterly; none for departments', () => {
  const q = { year: 2026, quarter: 4 as const };
  const keys = (kind: string, k: 'radio' | 'business_coffee') => requiredPeriods(kind, k, q).map((p) => p.key);
  assert.deepEqual(keys('province', 'radio'), ['2026-10', '2026-11', '2026-12']);
  for (const kind of ['city', 'town', 'district', 'commune', 'ward']) assert.deepEqual(keys(kind, 'radio'), ['2026-Q4'], kind);
  for (const kind of ['province', 'city', 'district', 'commune', 'ward']) assert.deepEqual(keys(kind, 'business_coffee'), ['2026-Q4'], kind);
  for (const kind of ['department', 'police', 'post_office', 'other']) {
    assert.deepEqual(keys(kind, 'radio'), [], kind);
    assert.deepEqual(keys(kind, 'business_coffee'), [], kind);
  }
});

test('coverage shows missing months and quarters, running periods as due, and leaves out merged units', () => {
  const u = (id: number, kind: string, merged = false): CoverageUnit => ({ id, code: `u${id}`, name: `Đơn vị ${id}`, kind, path: `/${id}/`, merged });
  const units = [u(1, 'province'), u(2, 'commune'), u(3, 'ward'), u(4, 'department'), u(5, 'commune', true)];
  const held = [
    { unitId: 1, kind: 'radio' as const, day: '2026-10-20' },
    { unitId: 1, kind: 'business_coffee' as const, day: '2026-12-02' },
    { unitId: 2, kind: 'radio' as const, day: '2026-11-05' },
    { unitId: 2, kind: 'radio' as const, day: '2026-09-30' }, // last quarter: does not count
    { unitId: 3, kind: 'business_coffee' as const, day: '2027-01-01' }, // next quarter
  ];
  const rows = coverage(units, held, { year: 2026, quarter: 4 }, '2026-11-15');
  const view = rows.map((r) => [r.unit.id, r.kind, r.periods.map((p) => `${p.key}:${p.state}`).join(' '), r.complete]);
  assert.deepEqual(view, [
    [1, 'radio', '2026-10:held 2026-11:due 2026-12:due', false],
    [1, 'business_coffee', '2026-Q4:held', true],
    [2, 'radio', '2026-Q4:held', true],
    [2, 'business_coffee', '2026-Q4:due', false],
    [3, 'radio', '2026-Q4:due', false],
    [3, 'business_coffee', '2026-Q4:due', false],
  ]);
  const after = coverage(units, held, { year: 2026, quarter: 4 }, '2027-01-05');
  assert.deepEqual(
    after.find((r) => r.unit.id === 1 && r.kind === 'radio')?.periods.map((p) => p.state),
    ['held', 'missing', 'missing'],
  );
  assert.deepEqual(
    after.find((r) => r.unit.id === 3 && r.kind === 'business_coffee')?.periods.map((p) => p.state),
    ['missing'],
  );
});
