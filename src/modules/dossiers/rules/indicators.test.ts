import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  checkPeriod,
  classifySettlement,
  indexScore,
  isOverdueInProgress,
  periodBounds,
  periodDays,
  progressGroup,
  rate,
  satisfiedShare,
  settlingWorkingDays,
  wholeMonths,
} from './indicators.ts';

// Due Friday 2026-03-13 at 17:00 Vietnam time.
const dueAt = new Date('2026-03-13T17:00:00+07:00');
const settlementCases: { name: string; resultAt: string; extensionCount?: number; want: string }[] = [
  { name: 'two days before the due date', resultAt: '2026-03-11T09:00:00+07:00', want: 'early' },
  { name: 'on the due date, morning', resultAt: '2026-03-13T08:00:00+07:00', want: 'on_time' },
  { name: 'at the due moment exactly', resultAt: '2026-03-13T17:00:00+07:00', want: 'on_time' },
  { name: 'one minute after the due moment', resultAt: '2026-03-13T17:01:00+07:00', want: 'late' },
  { name: 'the next working day', resultAt: '2026-03-16T08:00:00+07:00', want: 'late' },
  { name: 'early but an apology was issued', resultAt: '2026-03-11T09:00:00+07:00', extensionCount: 1, want: 'late' },
  { name: 'on the new date after an apology', resultAt: '2026-03-20T09:00:00+07:00', extensionCount: 1, want: 'late' },
  { name: 'late evening UTC is the next Vietnam day', resultAt: '2026-03-12T18:00:00Z', want: 'on_time' },
];
for (const c of settlementCases) {
  test(`settlement: ${c.name}`, () => {
    assert.equal(classifySettlement({ resultAt: new Date(c.resultAt), dueDate: '2026-03-13', dueAt, extensionCount: c.extensionCount ?? 0 }), c.want);
  });
}

test('in progress: overdue when past due with the clock running, or after an apology', () => {
  const asOf = new Date('2026-03-14T00:00:00+07:00');
  assert.equal(isOverdueInProgress({ dueAt, extensionCount: 0, paused: false }, asOf), true);
  assert.equal(isOverdueInProgress({ dueAt, extensionCount: 0, paused: true }, asOf), false);
  assert.equal(isOverdueInProgress({ dueAt, extensionCount: 1, paused: false }, new Date('2026-03-01T00:00:00+07:00')), true);
  assert.equal(isOverdueInProgress({ dueAt, extensionCount: 0, paused: false }, new Date('2026-03-13T16:00:00+07:00')), false);
});

const scoreCases: { ratio: number | null; max: number; target: number; want: number }[] = [
  { ratio: 1, max: 20, target: 1, want: 20 },
  { ratio: 0.9, max: 20, target: 1, want: 18 },
  { ratio: 0.9, max: 20, target: 0.95, want: (0.9 * 20) / 0.95 },
  { ratio: 0.96, max: 20, target: 0.95, want: 20 },
  { ratio: 0, max: 12, target: 0.5, want: 0 },
  { ratio: 0.25, max: 12, target: 0.5, want: 6 },
  { ratio: null, max: 20, target: 1, want: 0 },
];
for (const c of scoreCases) {
  test(`index score: ratio ${c.ratio}, max ${c.max}, target ${c.target} → ${c.want}`, () => {
    assert.ok(Math.abs(indexScore(c.ratio, c.max, c.target) - c.want) < 1e-9);
  });
}
test('index score: a target of 0 is refused', () => assert.throws(() => indexScore(0.5, 20, 0), RangeError));

test('progress group: (early + on time + in progress within the limit) ÷ (settled + in progress)', () => {
  const g = progressGroup({ settledEarly: 5, settledOnTime: 3, settledLate: 2, inProgressOnTime: 8, inProgressOverdue: 2 });
  assert.equal(g.numerator, 16);
  assert.equal(g.denominator, 20);
  assert.equal(g.ratio, 0.8);
  assert.equal(g.score, 16);
  assert.equal(g.maxPoints, 20);
  assert.match(g.formula, /÷/);
  const empty = progressGroup({ settledEarly: 0, settledOnTime: 0, settledLate: 0, inProgressOnTime: 0, inProgressOverdue: 0 });
  assert.equal(empty.ratio, null);
  assert.equal(empty.score, 0);
  assert.equal(progressGroup({ settledEarly: 9, settledOnTime: 0, settledLate: 1, inProgressOnTime: 0, inProgressOverdue: 0 }, 20, 0.9).score, 20);
});

test('rates and satisfied share', () => {
  assert.equal(rate(1, 4), 0.25);
  assert.equal(rate(0, 0), null);
  assert.equal(satisfiedShare({ rat_hai_long: 2, hai_long: 1, binh_thuong: 1, khong_hai_long: 0 }), 0.75);
  assert.equal(satisfiedShare({ rat_hai_long: 0, hai_long: 0, binh_thuong: 0, khong_hai_long: 0 }), null);
});

const periodCases: { from?: string; to?: string; fields: string[] }[] = [
  { from: '2026-01-01', to: '2026-12-31', fields: [] },
  { from: '2024-01-01', to: '2024-12-31', fields: [] }, // 366 days (leap year)
  { from: '2025-01-01', to: '2026-01-01', fields: [] }, // 366 days
  { from: '2025-01-01', to: '2026-01-02', fields: ['to'] },
  { from: '2026-03-10', to: '2026-03-09', fields: ['to'] },
  { from: '2026-03-10', to: '2026-03-10', fields: [] },
  { from: undefined, to: '2026-03-10', fields: ['from'] },
  { from: '2026-02-30', to: undefined, fields: ['from', 'to'] },
  { from: '10/03/2026', to: '2026-03-10', fields: ['from'] },
];
for (const c of periodCases) {
  test(`period ${c.from} … ${c.to}: ${c.fields.length ? `errors on ${c.fields.join(', ')}` : 'valid'}`, () => {
    const errors = checkPeriod(c.from, c.to);
    assert.deepEqual(
      errors.map((e) => e.field),
      c.fields,
    );
    for (const e of errors) assert.ok(e.message.vi.length > 5 && /[ày]/.test(e.message.vi), 'Vietnamese message');
  });
}

test('period bounds: Vietnam midnight to the midnight after the last day; stocks at now when earlier', () => {
  const b = periodBounds('2026-03-01', '2026-03-31', new Date('2026-06-01T00:00:00Z'));
  assert.equal(b.start.toISOString(), '2026-02-28T17:00:00.000Z');
  assert.equal(b.end.toISOString(), '2026-03-31T17:00:00.000Z');
  assert.equal(b.asOf.toISOString(), b.end.toISOString());
  const now = new Date('2026-03-15T03:00:00Z');
  assert.equal(periodBounds('2026-03-01', '2026-03-31', now).asOf, now);
  assert.equal(periodDays('2026-03-01', '2026-03-31'), 31);
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
});

test('settling working days: after the day counting starts up to the result day, less the paused days, never below zero', () => {
  // Monday–Friday, with Wednesday 2026-03-11 off.
  const working = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && d !== '2026-03-11';
  const cal = {
    workingDaysBetween: (from: string, to: string) => {
      let n = 0;
      for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        if (working(new Date(t).toISOString().slice(0, 10))) n++;
      }
      return n;
    },
  };
  // Counting from Monday 9, result Friday 13: Tue, Thu, Fri = 3 working days.
  assert.equal(settlingWorkingDays(cal, '2026-03-09', '2026-03-13', 0), 3);
  assert.equal(settlingWorkingDays(cal, '2026-03-09', '2026-03-16', 1), 3);
  assert.equal(settlingWorkingDays(cal, '2026-03-09', '2026-03-09', 0), 0);
  // Received after the cut-off on Monday (counting from Tuesday) and settled on the Monday: none.
  assert.equal(settlingWorkingDays(cal, '2026-03-10', '2026-03-09', 0), 0);
  assert.equal(settlingWorkingDays(cal, '2026-03-09', '2026-03-10', 4), 0);
});

const monthCases: { from: string; to: string; months: { first: string; end: string } | null }[] = [
  { from: '2026-03-01', to: '2026-03-31', months: { first: '2026-03-01', end: '2026-04-01' } },
  { from: '2026-03-02', to: '2026-03-31', months: null },
  { from: '2026-03-01', to: '2026-03-30', months: null },
  { from: '2025-11-25', to: '2026-11-24', months: { first: '2025-12-01', end: '2026-11-01' } },
  { from: '2025-12-01', to: '2026-12-31', months: { first: '2025-12-01', end: '2027-01-01' } },
  { from: '2026-02-01', to: '2026-02-28', months: { first: '2026-02-01', end: '2026-03-01' } },
  { from: '2024-02-01', to: '2024-02-28', months: null },
  { from: '2026-10-25', to: '2026-11-24', months: null },
];
for (const c of monthCases) {
  test(`whole months of ${c.from} … ${c.to}`, () => {
    assert.deepEqual(wholeMonths(c.from, c.to), c.months);
  });
}
