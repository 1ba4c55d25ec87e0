import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentPeriod, parseReportPeriod, periodFromKey, periodLabel } from './period.ts';

const today = '2026-08-15';

test('periods by key: quarter, half, year and their days', () => {
  const cases: [string, string, string, string][] = [
    ['2026-Q1', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-q2', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2025-Q4', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['2026-H1', '2026-H1', '2026-01-01', '2026-06-30'],
    ['2025-H2', '2025-H2', '2025-07-01', '2025-12-31'],
    ['2024', '2024', '2024-01-01', '2024-12-31'],
    [' 2026 ', '2026', '2026-01-01', '2026-12-31'],
  ];
  for (const [key, want, from, to] of cases) {
    const r = parseReportPeriod({ key }, today);
    assert.ok(r.ok, key);
    assert.deepEqual([r.period.key, r.period.from, r.period.to], [want, from, to], key);
  }
});

test('refused periods are named', () => {
  const cases: [{ key?: string; from?: string; to?: string }, string][] = [
    [{ key: '2026-Q4' }, 'PERIOD_NOT_BEGUN'], // begins 1 October, after today
    [{ key: '2027' }, 'PERIOD_NOT_BEGUN'],
    [{ key: '2026-H2' }, 'ok'], // running: begun on 1 July
    [{ key: '2026-Q3' }, 'ok'],
    [{ key: '2026-Q5' }, 'PERIOD_UNKNOWN'],
    [{ key: '2026-H3' }, 'PERIOD_UNKNOWN'],
    [{ key: '2026-M7' }, 'PERIOD_UNKNOWN'],
    [{ key: '1999' }, 'PERIOD_UNKNOWN'],
    [{ key: 'quý 3' }, 'PERIOD_UNKNOWN'],
    [{ key: '<script>' }, 'PERIOD_UNKNOWN'],
    [{}, 'PERIOD_UNKNOWN'],
    [{ from: '2026-03-31', to: '2026-01-01' }, 'PERIOD_INVERTED'],
    [{ from: '2026-01-01', to: '2026-03-31' }, 'ok'],
    [{ from: '2026-01-01', to: '2026-02-28' }, 'PERIOD_UNKNOWN'], // not a quarter, half or year
    [{ from: '2026-10-01', to: '2026-12-31' }, 'PERIOD_NOT_BEGUN'],
    [{ from: '2026-1-1', to: '2026-03-31' }, 'PERIOD_UNKNOWN'],
  ];
  for (const [input, want] of cases) {
    const r = parseReportPeriod(input, today);
    assert.equal(r.ok ? 'ok' : r.error, want, JSON.stringify(input));
  }
});

test('a leap year, the running period and the Vietnamese names', () => {
  assert.equal(periodFromKey('2028-Q1')?.to, '2028-03-31');
  assert.equal(periodFromKey('2028-H1')?.to, '2028-06-30');
  assert.equal(currentPeriod('quarter', today).key, '2026-Q3');
  assert.equal(currentPeriod('half', today).key, '2026-H2');
  assert.equal(currentPeriod('year', today).key, '2026');
  assert.equal(periodLabel(periodFromKey('2026-Q3')!), 'quý III năm 2026');
  assert.equal(periodLabel(periodFromKey('2026-H1')!), '6 tháng đầu năm 2026');
  assert.equal(periodLabel(periodFromKey('2026')!), 'năm 2026');
});
