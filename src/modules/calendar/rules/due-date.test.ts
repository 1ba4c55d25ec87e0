import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileOfficeHours, computeDueDate, formatVietnamMoment, parseMoment, parseTimeOfDay } from './due-date.ts';
import { officialCalendarSpec } from './official-schedules.ts';
import { compileCalendar } from './working-days.ts';

const official = compileCalendar(officialCalendarSpec());
const STANDARD_HOURS = compileOfficeHours([
  { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
  { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
]);
/** A ward that also receives dossiers on Saturday mornings (STANDARDS §2). */
const SATURDAY_MORNINGS = compileOfficeHours([
  { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
  { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
  { days: [6], open: '07:30', close: '11:30' },
]);

test('parseMoment reads dates and date-times into Vietnam time', () => {
  const cases: { in: string; date: string; second: number; hasTime: boolean }[] = [
    { in: '2026-02-13', date: '2026-02-13', second: 0, hasTime: false },
    { in: '2026-02-13T16:00', date: '2026-02-13', second: 16 * 3600, hasTime: true },
    { in: '2026-02-13T16:00:30+07:00', date: '2026-02-13', second: 16 * 3600 + 30, hasTime: true },
    { in: '2026-02-13T09:00:00Z', date: '2026-02-13', second: 16 * 3600, hasTime: true },
    { in: '2026-02-13T18:30:00.123Z', date: '2026-02-14', second: 1 * 3600 + 30 * 60, hasTime: true },
    { in: '2026-02-13T01:00:00+09:00', date: '2026-02-12', second: 23 * 3600, hasTime: true },
    { in: '2024-12-31T20:00:00-05:00', date: '2025-01-01', second: 8 * 3600, hasTime: true },
  ];
  for (const c of cases) assert.deepEqual(parseMoment(c.in), { date: c.date, second: c.second, hasTime: c.hasTime }, c.in);
  assert.deepEqual(parseMoment(new Date('2026-02-13T09:00:00Z')), { date: '2026-02-13', second: 16 * 3600, hasTime: true });
  for (const bad of ['2026-02-30', '2026-02-13T24:00', '2026-02-13T10:60', '13/02/2026', 'abc', '', '2026-02-13T10:00+15:00']) {
    assert.throws(() => parseMoment(bad), RangeError, bad);
  }
});

test('times of day and formatting', () => {
  assert.equal(parseTimeOfDay('15:00'), 900);
  assert.equal(parseTimeOfDay('00:00'), 0);
  assert.throws(() => parseTimeOfDay('15:60'), RangeError);
  assert.throws(() => parseTimeOfDay('7:00'), RangeError);
  assert.throws(() => parseTimeOfDay('24:01'), RangeError);
  assert.equal(formatVietnamMoment('2026-02-27', 17 * 3600), '2026-02-27T17:00:00+07:00');
});

// Working-day limits from a moment of receipt, civil-servant calendar 2024–2026 with the official notices.
const DAY_CASES: {
  label: string;
  received: string;
  days: number;
  cutoff?: string;
  hours?: ReturnType<typeof compileOfficeHours>;
  due: string;
  dueAt?: string;
  countsFrom: string;
}[] = [
  {
    label: 'Tuesday 10:00, 1 day: Wednesday',
    received: '2025-03-11T10:00',
    days: 1,
    due: '2025-03-12',
    dueAt: '2025-03-12T17:00:00+07:00',
    countsFrom: '2025-03-11',
  },
  { label: 'Tuesday 16:00, no cut-off: still Tuesday', received: '2025-03-11T16:00', days: 1, due: '2025-03-12', countsFrom: '2025-03-11' },
  {
    label: 'Tuesday 16:00 after a 15:00 cut-off: received Wednesday, due Thursday',
    received: '2025-03-11T16:00',
    days: 1,
    cutoff: '15:00',
    due: '2025-03-13',
    countsFrom: '2025-03-12',
  },
  {
    label: 'Tuesday 15:00 exactly with a 15:00 cut-off: not after it',
    received: '2025-03-11T15:00',
    days: 1,
    cutoff: '15:00',
    due: '2025-03-12',
    countsFrom: '2025-03-11',
  },
  { label: 'Tuesday 17:30, after office hours: received Wednesday', received: '2025-03-11T17:30', days: 1, due: '2025-03-13', countsFrom: '2025-03-12' },
  { label: 'Tuesday 06:00 online, before opening: received that day', received: '2025-03-11T06:00', days: 1, due: '2025-03-12', countsFrom: '2025-03-11' },
  { label: 'Tuesday 12:00, lunch break: received that day', received: '2025-03-11T12:00', days: 1, due: '2025-03-12', countsFrom: '2025-03-11' },
  {
    label: 'Friday 16:00 after the cut-off: received Monday, due Tuesday',
    received: '2025-03-14T16:00',
    days: 1,
    cutoff: '15:00',
    due: '2025-03-18',
    countsFrom: '2025-03-17',
  },
  { label: 'Saturday online: received Monday, due Tuesday', received: '2025-03-15T09:00', days: 1, due: '2025-03-18', countsFrom: '2025-03-17' },
  {
    label: 'Saturday 09:00 at a ward open Saturday mornings: received Saturday, due Monday',
    received: '2025-03-15T09:00',
    days: 1,
    hours: SATURDAY_MORNINGS,
    due: '2025-03-17',
    countsFrom: '2025-03-15',
  },
  {
    label: 'Saturday 13:00 at that ward: after its hours, received Monday',
    received: '2025-03-15T13:00',
    days: 1,
    hours: SATURDAY_MORNINGS,
    due: '2025-03-18',
    countsFrom: '2025-03-17',
  },
  {
    label: 'a date alone is the day of receipt (Saturday → Monday is day 1)',
    received: '2025-03-15',
    days: 1,
    cutoff: '15:00',
    due: '2025-03-17',
    countsFrom: '2025-03-15',
  },
  {
    label: 'Friday 24/01/2025 16:00 with a cut-off, 3 days: Tết 2025, received 03/02, due 06/02',
    received: '2025-01-24T16:00',
    days: 3,
    cutoff: '15:00',
    due: '2025-02-06',
    countsFrom: '2025-02-03',
  },
  {
    label: 'Friday 25/4/2025 16:30 after the cut-off: received on make-up Saturday 26/4, due Monday 28/4',
    received: '2025-04-25T16:30',
    days: 1,
    cutoff: '15:00',
    due: '2025-04-28',
    dueAt: '2025-04-28T17:00:00+07:00',
    countsFrom: '2025-04-26',
  },
  {
    label: 'due on make-up Saturday 10/01/2026 ends at the weekday closing time',
    received: '2026-01-09T09:00',
    days: 1,
    due: '2026-01-10',
    dueAt: '2026-01-10T17:00:00+07:00',
    countsFrom: '2026-01-09',
  },
  {
    label: 'Friday 13/02/2026 16:00 with a cut-off, 5 days: Tết 2026, received 23/02, due 02/03',
    received: '2026-02-13T16:00',
    days: 5,
    cutoff: '15:00',
    due: '2026-03-02',
    countsFrom: '2026-02-23',
  },
  {
    label: '0 days: the day of receipt itself',
    received: '2026-03-03T08:00',
    days: 0,
    due: '2026-03-03',
    dueAt: '2026-03-03T17:00:00+07:00',
    countsFrom: '2026-03-03',
  },
  {
    label: 'received 09:30Z = 16:30 Vietnam time, after the cut-off',
    received: '2025-03-11T09:30:00Z',
    days: 1,
    cutoff: '15:00',
    due: '2025-03-13',
    countsFrom: '2025-03-12',
  },
];

test('working-day limits from the moment of receipt', () => {
  for (const c of DAY_CASES) {
    const due = computeDueDate(official, c.hours ?? STANDARD_HOURS, {
      received: parseMoment(c.received),
      workingDays: c.days,
      cutoffMinute: c.cutoff ? parseTimeOfDay(c.cutoff) : null,
    });
    assert.equal(due.date, c.due, c.label);
    assert.equal(due.countsFrom, c.countsFrom, c.label);
    if (c.dueAt) assert.equal(due.dueAt, c.dueAt, c.label);
  }
});

test('a later receipt never gets an earlier due date', () => {
  let last = '';
  for (let h = 0; h < 24 * 7 * 3; h++) {
    const at = new Date(Date.UTC(2025, 3, 20, 0, 0) + h * 3600_000);
    const due = computeDueDate(official, STANDARD_HOURS, { received: parseMoment(at), workingDays: 2, cutoffMinute: 900 });
    assert.ok(due.date >= last, `${at.toISOString()}: ${due.date} < ${last}`);
    last = due.date;
  }
});

const HOUR_CASES: { label: string; received: string; hours: number; cutoff?: string; dueAt: string }[] = [
  {
    label: '8 hours from Friday 14:00: 3 h Friday, 4.5 h Monday morning, 0.5 h Monday afternoon',
    received: '2025-03-14T14:00',
    hours: 8,
    dueAt: '2025-03-17T14:00:00+07:00',
  },
  { label: '4 hours from Tuesday 09:00: 2.5 h morning, 1.5 h afternoon', received: '2025-03-11T09:00', hours: 4, dueAt: '2025-03-11T15:00:00+07:00' },
  { label: '3 hours from 14:00 end exactly at the afternoon close', received: '2025-03-11T14:00', hours: 3, dueAt: '2025-03-11T17:00:00+07:00' },
  { label: 'received at lunch: counting starts at 13:30', received: '2025-03-11T12:00', hours: 1, dueAt: '2025-03-11T14:30:00+07:00' },
  {
    label: 'received 16:00 after a 15:00 cut-off: counting starts next morning',
    received: '2025-03-11T16:00',
    hours: 2,
    cutoff: '15:00',
    dueAt: '2025-03-12T09:00:00+07:00',
  },
  {
    label: 'received Friday 16:00 with 8 hours across Quốc khánh 2025 (30/8–02/9 off)',
    received: '2025-08-29T16:00',
    hours: 8,
    dueAt: '2025-09-03T16:00:00+07:00',
  },
  { label: 'a make-up Saturday counts with weekday hours', received: '2025-04-25T16:00', hours: 2, dueAt: '2025-04-26T08:00:00+07:00' },
  { label: 'a date alone starts at the first session', received: '2025-03-11', hours: 1, dueAt: '2025-03-11T08:00:00+07:00' },
];

test('working-hour limits count office sessions on working days', () => {
  for (const c of HOUR_CASES) {
    const due = computeDueDate(official, STANDARD_HOURS, {
      received: parseMoment(c.received),
      workingHours: c.hours,
      cutoffMinute: c.cutoff ? parseTimeOfDay(c.cutoff) : null,
    });
    assert.equal(due.dueAt, c.dueAt, c.label);
    assert.equal(due.date, c.dueAt.slice(0, 10), c.label);
  }
});

test('bad limits and office hours are refused', () => {
  const received = parseMoment('2025-03-11T10:00');
  assert.throws(() => computeDueDate(official, STANDARD_HOURS, { received }), RangeError);
  assert.throws(() => computeDueDate(official, STANDARD_HOURS, { received, workingDays: 1, workingHours: 1 }), RangeError);
  assert.throws(() => computeDueDate(official, STANDARD_HOURS, { received, workingDays: -1 }), RangeError);
  assert.throws(() => computeDueDate(official, STANDARD_HOURS, { received, workingHours: 1.5 }), RangeError);
  assert.throws(() => compileOfficeHours([{ days: [1], open: '11:30', close: '07:00' }]), RangeError);
  assert.throws(() => compileOfficeHours([{ days: [7], open: '07:00', close: '11:00' }]), RangeError);
});

test('a unit without office hours counts whole working days', () => {
  const none = compileOfficeHours([]);
  const due = computeDueDate(official, none, { received: parseMoment('2025-03-11T23:00'), workingDays: 1 });
  assert.deepEqual(due, { date: '2025-03-12', dueAt: '2025-03-12T23:59:59+07:00', countsFrom: '2025-03-11', movedToNextWorkingDay: false });
  const hours = computeDueDate(official, none, { received: parseMoment('2025-03-14T12:00'), workingHours: 24 });
  assert.equal(hours.dueAt, '2025-03-17T12:00:00+07:00');
});
