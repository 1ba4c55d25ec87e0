import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeadlineFacts, deadlineStep, vietnamDate, workingDaysLeft } from './deadlines.ts';

// A toy calendar: Monday–Friday, with Thursday 2026-04-30 and Friday 2026-05-01 off (Reunification Day, Labour Day).
const off = new Set(['2026-04-30', '2026-05-01']);
const working = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !off.has(d);
};
const cal = {
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let n = 0;
    for (let t = new Date(`${from}T00:00:00Z`).getTime() + 86400_000; t <= new Date(`${to}T00:00:00Z`).getTime(); t += 86400_000) {
      if (working(new Date(t).toISOString().slice(0, 10))) n++;
    }
    return n;
  },
};
const at = (s: string) => new Date(`${s}+07:00`);
const item = (o: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  status: 'in_progress',
  answerDueAt: at('2026-05-05T17:00'),
  warnedAt: null,
  escalatedAt: null,
  parentUnitId: 7,
  warnDays: 2,
  ...o,
});

test('the Vietnam calendar day of a moment (UTC+7)', () => {
  assert.equal(vietnamDate(new Date('2026-04-29T16:59:00Z')), '2026-04-29');
  assert.equal(vietnamDate(new Date('2026-04-29T17:00:00Z')), '2026-04-30');
});

test('working days left skip the holidays between today and the due day', () => {
  // Due Tuesday 5 May. From Wednesday 29 April: Thu 30 and Fri 1 are off, Mon 4 and Tue 5 count → 2.
  assert.equal(workingDaysLeft(cal, at('2026-04-29T09:00'), at('2026-05-05T17:00')), 2);
  // From Tuesday 28 April: Wed 29, Mon 4, Tue 5 → 3.
  assert.equal(workingDaysLeft(cal, at('2026-04-28T09:00'), at('2026-05-05T17:00')), 3);
  assert.equal(workingDaysLeft(cal, at('2026-05-05T09:00'), at('2026-05-05T17:00')), 0);
});

const cases: { name: string; facts: DeadlineFacts; now: string; step: ReturnType<typeof deadlineStep> }[] = [
  { name: 'three working days left, warn at two: nothing yet', facts: item(), now: '2026-04-28T09:00', step: null },
  {
    name: 'two working days left across the holidays: warn',
    facts: item(),
    now: '2026-04-29T09:00',
    step: { kind: 'warn', workingDaysLeft: 2 },
  },
  { name: 'on a holiday with two days left: warn', facts: item(), now: '2026-05-01T10:00', step: { kind: 'warn', workingDaysLeft: 2 } },
  { name: 'already warned: nothing', facts: item({ warnedAt: at('2026-04-29T09:00') }), now: '2026-05-04T09:00', step: null },
  { name: 'due day, warn 0: warn', facts: item({ warnDays: 0 }), now: '2026-05-05T08:00', step: { kind: 'warn', workingDaysLeft: 0 } },
  {
    name: 'past the deadline: escalate to the parent',
    facts: item({ warnedAt: at('2026-04-29T09:00') }),
    now: '2026-05-05T17:01',
    step: { kind: 'escalate', toUnitId: 7 },
  },
  { name: 'past the deadline, never warned: escalate, no late warning', facts: item(), now: '2026-05-06T08:00', step: { kind: 'escalate', toUnitId: 7 } },
  { name: 'already escalated: nothing', facts: item({ escalatedAt: at('2026-05-06T08:00') }), now: '2026-05-07T08:00', step: null },
  { name: 'a root unit has nobody to escalate to', facts: item({ parentUnitId: null }), now: '2026-05-06T08:00', step: null },
  { name: 'answered items neither warn nor escalate', facts: item({ status: 'answered' }), now: '2026-05-06T08:00', step: null },
  { name: 'rejected items neither warn nor escalate', facts: item({ status: 'rejected' }), now: '2026-04-30T08:00', step: null },
];

for (const c of cases) {
  test(`deadline step: ${c.name}`, () => {
    assert.deepEqual(deadlineStep(c.facts, cal, at(c.now)), c.step);
  });
}
