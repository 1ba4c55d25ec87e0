import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysNotClosed, isDueSoon, isForgottenReturn, warningAudiences } from './warnings.ts';

// A toy 2026 calendar: Monday–Friday, Tết 2026-02-16..20 off.
const off = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
const working = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !off.has(d);
};
const cal = {
  workingDaysBetween(from: string, to: string) {
    let n = 0;
    for (let t = new Date(`${from}T00:00:00Z`).getTime() + 86400_000; t <= new Date(`${to}T00:00:00Z`).getTime(); t += 86400_000) {
      if (working(new Date(t).toISOString().slice(0, 10))) n++;
    }
    return n;
  },
};

const at = (s: string) => new Date(`${s}+07:00`);

const dueCases: {
  name: string;
  status: 'received' | 'in_processing' | 'supplement_requested' | 'result_ready';
  due: string;
  now: string;
  horizon: string;
  soon: boolean;
}[] = [
  {
    name: 'due tomorrow, horizon end of tomorrow',
    status: 'in_processing',
    due: '2026-11-25T17:00',
    now: '2026-11-24T09:00',
    horizon: '2026-11-25T17:00',
    soon: true,
  },
  { name: 'due in two days', status: 'in_processing', due: '2026-11-26T17:00', now: '2026-11-24T09:00', horizon: '2026-11-25T17:00', soon: false },
  {
    name: 'already late: no ahead-of-time warning',
    status: 'in_processing',
    due: '2026-11-24T08:00',
    now: '2026-11-24T09:00',
    horizon: '2026-11-25T17:00',
    soon: false,
  },
  {
    name: 'paused for a supplement',
    status: 'supplement_requested',
    due: '2026-11-25T17:00',
    now: '2026-11-24T09:00',
    horizon: '2026-11-25T17:00',
    soon: false,
  },
  { name: 'result ready: settled', status: 'result_ready', due: '2026-11-25T17:00', now: '2026-11-24T09:00', horizon: '2026-11-25T17:00', soon: false },
  {
    name: 'Friday before Tết, due the Monday after',
    status: 'received',
    due: '2026-02-23T17:00',
    now: '2026-02-13T10:00',
    horizon: '2026-02-23T17:00',
    soon: true,
  },
];
for (const c of dueCases) {
  test(`due soon: ${c.name}`, () => {
    assert.equal(isDueSoon({ status: c.status, dueAt: at(c.due) }, at(c.now), at(c.horizon)), c.soon);
  });
}

const returnCases: { name: string; returned: string; today: string; days: number; listed: boolean }[] = [
  { name: 'returned today', returned: '2026-11-24', today: '2026-11-24', days: 0, listed: false },
  { name: 'returned yesterday', returned: '2026-11-23', today: '2026-11-24', days: 1, listed: true },
  { name: 'returned Friday, seen Monday', returned: '2026-11-27', today: '2026-11-30', days: 1, listed: true },
  { name: 'returned Friday, seen Saturday', returned: '2026-11-27', today: '2026-11-28', days: 0, listed: false },
  { name: 'returned before Tết, seen on the first day back', returned: '2026-02-13', today: '2026-02-23', days: 1, listed: true },
  { name: 'returned before Tết, seen during Tết', returned: '2026-02-13', today: '2026-02-18', days: 0, listed: false },
];
for (const c of returnCases) {
  test(`returned but not closed: ${c.name}`, () => {
    assert.equal(daysNotClosed(cal, c.returned, c.today), c.days);
    assert.equal(isForgottenReturn({ status: 'returned', returnedDay: c.returned }, cal, c.today), c.listed);
  });
}
test('returned but not closed: a closed dossier is not listed', () => {
  assert.equal(isForgottenReturn({ status: 'closed', returnedDay: '2026-11-02' }, cal, '2026-11-24'), false);
});

test('warning audiences', () => {
  assert.deepEqual(warningAudiences('due_soon', { unitId: 1, processingUnitId: 2, assigneeUserId: 7 }), [
    { audience: 'assignee', userId: 7, unitId: 2 },
    { audience: 'leader', userId: null, unitId: 2 },
  ]);
  assert.deepEqual(warningAudiences('due_soon', { unitId: 1, processingUnitId: null, assigneeUserId: null }), [
    { audience: 'leader', userId: null, unitId: 1 },
  ]);
  assert.deepEqual(warningAudiences('returned_not_closed', { unitId: 1, processingUnitId: 2, assigneeUserId: 7 }), [
    { audience: 'desk', userId: null, unitId: 1 },
    { audience: 'leader', userId: null, unitId: 1 },
  ]);
});
