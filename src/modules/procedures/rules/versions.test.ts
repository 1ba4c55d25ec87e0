import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcedureContent } from '../schema.ts';
import { baseForImport, inForceOn, planPublish, planWithdraw, sameContent, todayInVietnam, type VersionSlot, versionInForce } from './versions.ts';

const v = (id: number, status: VersionSlot['status'], from: string | null, to: string | null = null): VersionSlot => ({
  id,
  version: id,
  status,
  effectiveFrom: from,
  effectiveTo: to,
});

test('today in Vietnam is UTC+7 whatever the server zone', () => {
  for (const [utc, day] of [
    ['2025-06-30T16:59:59Z', '2025-06-30'],
    ['2025-06-30T17:00:00Z', '2025-07-01'],
    ['2025-12-31T23:00:00Z', '2026-01-01'],
    ['2026-01-01T00:00:00Z', '2026-01-01'],
  ] as const) {
    assert.equal(todayInVietnam(new Date(utc)), day, utc);
  }
});

test('in force: published, from ≤ day < to; drafts never', () => {
  const cases: [VersionSlot, string, boolean][] = [
    [v(1, 'published', '2025-07-01'), '2025-07-01', true],
    [v(1, 'published', '2025-07-01'), '2025-06-30', false],
    [v(1, 'published', '2025-07-01', '2026-01-01'), '2025-12-31', true],
    [v(1, 'published', '2025-07-01', '2026-01-01'), '2026-01-01', false],
    [v(1, 'withdrawn', '2025-07-01', '2026-03-01'), '2026-02-28', true],
    [v(1, 'withdrawn', '2025-07-01', '2026-03-01'), '2026-03-01', false],
    [v(1, 'draft', null), '2025-07-01', false],
  ];
  for (const [slot, day, expected] of cases) assert.equal(inForceOn(slot, day), expected, `${JSON.stringify(slot)} on ${day}`);
});

test('publishing v2 from D closes v1 at D; never overlaps', () => {
  const plan = planPublish([v(1, 'published', '2025-07-01'), v(2, 'draft', null)], '2026-01-01');
  assert.deepEqual(plan, { ok: true, close: [{ id: 1, effectiveTo: '2026-01-01' }] });
  const after = [v(1, 'published', '2025-07-01', '2026-01-01'), v(2, 'published', '2026-01-01')];
  assert.equal(versionInForce(after, '2025-12-31')?.id, 1);
  assert.equal(versionInForce(after, '2026-01-01')?.id, 2);
});

test('publishing on or before an existing start is refused', () => {
  for (const day of ['2025-07-01', '2025-06-01']) {
    const plan = planPublish([v(1, 'published', '2025-07-01')], day);
    assert.equal(plan.ok, false, day);
  }
  // A first publication may be in the past (catalogue back-filled).
  assert.deepEqual(planPublish([v(1, 'draft', null)], '2025-01-01'), { ok: true, close: [] });
});

test('publishing after a withdrawal re-introduces the procedure; a withdrawal ending later is shortened', () => {
  assert.deepEqual(planPublish([v(1, 'withdrawn', '2025-07-01', '2026-01-01')], '2026-06-01'), { ok: true, close: [] });
  assert.deepEqual(planPublish([v(1, 'withdrawn', '2025-07-01', '2026-06-01')], '2026-01-01'), { ok: true, close: [{ id: 1, effectiveTo: '2026-01-01' }] });
});

test('withdrawal applies to the latest published version, after its start, once', () => {
  assert.deepEqual(planWithdraw([v(1, 'published', '2025-07-01', '2026-01-01'), v(2, 'published', '2026-01-01')], '2026-03-01'), { ok: true, id: 2 });
  assert.equal(planWithdraw([v(1, 'published', '2025-07-01')], '2025-07-01').ok, false);
  assert.equal(planWithdraw([v(1, 'withdrawn', '2025-07-01', '2026-01-01')], '2026-03-01').ok, false);
  assert.equal(planWithdraw([v(1, 'draft', null)], '2026-03-01').ok, false);
});

test('the import compares with the version in force on its date', () => {
  const list = [v(1, 'published', '2025-07-01', '2026-01-01'), v(2, 'published', '2026-01-01'), v(3, 'draft', null)];
  assert.equal(baseForImport(list, '2025-08-01')?.id, 1);
  assert.equal(baseForImport(list, '2026-02-01')?.id, 2);
  assert.equal(baseForImport(list, '2025-01-01'), null);
});

test('same content ignores key order, not list order', () => {
  const a = { name: 'A', field: 'F', steps: ['1', '2'], timeLimit: { value: 1, unit: 'working_days', note: null } } as unknown as ProcedureContent;
  const b = { timeLimit: { note: null, unit: 'working_days', value: 1 }, steps: ['1', '2'], field: 'F', name: 'A' } as unknown as ProcedureContent;
  const c = { ...b, steps: ['2', '1'] } as ProcedureContent;
  assert.equal(sameContent(a, b), true);
  assert.equal(sameContent(a, c), false);
});
