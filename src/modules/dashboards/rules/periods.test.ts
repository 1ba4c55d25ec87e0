import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastMonths, lastQuarters, monthAfter, monthLabel } from './periods.ts';

test('the last twelve months across a year end, oldest first', () => {
  const months = lastMonths('2026-02-10', 12);
  assert.equal(months.length, 12);
  assert.equal(months[0], '2025-03-01');
  assert.equal(months.at(-1), '2026-02-01');
  assert.equal(monthLabel('2026-02-01'), '02/2026');
});

test('the month after one, across a year end (the end of the cashless chart)', () => {
  assert.equal(monthAfter('2026-02-01'), '2026-03-01');
  assert.equal(monthAfter('2026-12-01'), '2027-01-01');
});

test('the last four quarters, the current one to date', () => {
  assert.deepEqual(lastQuarters('2026-11-24', 4), [
    { label: 'Q1/2026', from: '2026-01-01', to: '2026-03-31' },
    { label: 'Q2/2026', from: '2026-04-01', to: '2026-06-30' },
    { label: 'Q3/2026', from: '2026-07-01', to: '2026-09-30' },
    { label: 'Q4/2026', from: '2026-10-01', to: '2026-11-24' },
  ]);
  assert.equal(lastQuarters('2026-02-01', 2)[0]?.to, '2025-12-31');
});
