import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statutoryHolidays } from './holidays.ts';
import { officialCalendarSpec, pendingEntries } from './official-schedules.ts';
import type { CalendarSpec } from './working-days.ts';
import {
  addWorkingDays,
  compileCalendar,
  dayNumberToIso,
  dayStatus,
  isoToDayNumber,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from './working-days.ts';

/** Civil servants' calendar with the official 2024–2026 schedules. */
const official = officialCalendarSpec();
/** The same with 24/11/2026 (Ngày Văn hóa Việt Nam) enabled, as an administrator would once it is law. */
const withCultureDay = officialCalendarSpec(undefined, pendingEntries);

// Due dates: the day of receipt is not counted; N working days end at the end of the N-th working day after it.
const DUE_DATES: { label: string; spec?: CalendarSpec; received: string; n: number; due: string }[] = [
  {
    label: 'received Friday before Tết 2025, 3 days: 27/01–02/02 off, due Wednesday 05/02',
    received: '2025-01-24',
    n: 3,
    due: '2025-02-05',
  },
  { label: 'received on a Friday with 1 day: due Monday', received: '2025-03-14', n: 1, due: '2025-03-17' },
  {
    label: 'received on a Saturday with 1 day: the Monday is the first counted day',
    received: '2025-03-15',
    n: 1,
    due: '2025-03-17',
  },
  {
    label: 'received Friday 25/4/2025 with 1 day: the make-up Saturday 26/4 counts',
    received: '2025-04-25',
    n: 1,
    due: '2025-04-26',
  },
  {
    label: 'received Tuesday 29/4/2025 with 2 days: 30/4–04/5 off, due Tuesday 06/5',
    received: '2025-04-29',
    n: 2,
    due: '2025-05-06',
  },
  {
    label: 'received Friday 29/8/2025 with 1 day: 30/8–02/9 off, due Wednesday 03/9',
    received: '2025-08-29',
    n: 1,
    due: '2025-09-03',
  },
  {
    label: 'received Thursday 28/8/2025 with 3 days: across Quốc khánh',
    received: '2025-08-28',
    n: 3,
    due: '2025-09-04',
  },
  {
    label: 'received 31/12/2025 with 1 day: 01–04/01/2026 off (02/01 swapped), due Monday 05/01',
    received: '2025-12-31',
    n: 1,
    due: '2026-01-05',
  },
  {
    label: 'received Friday 09/01/2026 with 1 day: the make-up Saturday 10/01 counts',
    received: '2026-01-09',
    n: 1,
    due: '2026-01-10',
  },
  {
    label: 'received Friday 13/02/2026 with 5 days: Tết 14–22/02 off',
    received: '2026-02-13',
    n: 5,
    due: '2026-02-27',
  },
  {
    label: 'received Friday 24/4/2026 with 1 day: Giỗ Tổ on Sunday, compensatory Monday 27/4',
    received: '2026-04-24',
    n: 1,
    due: '2026-04-28',
  },
  {
    label: 'received Friday 21/8/2026 with 2 days: Saturday 22/8 worked, then Monday',
    received: '2026-08-21',
    n: 2,
    due: '2026-08-24',
  },
  {
    label: 'received Friday 28/8/2026 with 1 day: 29/8–02/9 off (31/8 swapped)',
    received: '2026-08-28',
    n: 1,
    due: '2026-09-03',
  },
  {
    label: 'received Monday 23/11/2026 with 1 day: 24/11 is a working day under the 2026 notices',
    received: '2026-11-23',
    n: 1,
    due: '2026-11-24',
  },
  {
    label: 'received Monday 23/11/2026 with 1 day once 24/11 is a day off',
    spec: withCultureDay,
    received: '2026-11-23',
    n: 1,
    due: '2026-11-25',
  },
  {
    label: 'received Friday 02/02/2024 with 5 days: Tết 08–14/02/2024 off',
    received: '2024-02-02',
    n: 5,
    due: '2024-02-16',
  },
  {
    label: 'received Thursday 25/4/2024 with 15 days: 27/4–01/5 off, Saturday 04/5 worked',
    received: '2024-04-25',
    n: 15,
    due: '2024-05-20',
  },
  { label: 'n = 0 returns the day of receipt, even on a weekend', received: '2025-01-25', n: 0, due: '2025-01-25' },
  { label: 'n = 0 on a holiday', received: '2025-01-29', n: 0, due: '2025-01-29' },
  {
    label: 'statutory defaults for 2027 (no notice yet): Tết 05–09/02 with 10–11/02 compensatory',
    spec: { weekendDays: [0, 6], entries: statutoryHolidays(2027) },
    received: '2027-02-04',
    n: 1,
    due: '2027-02-12',
  },
];

for (const { label, spec = official, received, n, due } of DUE_DATES) {
  test(`addWorkingDays: ${label}`, () => {
    assert.equal(addWorkingDays(spec, received, n), due);
    assert.equal(workingDaysBetween(spec, received, due), n);
    if (n > 0) assert.equal(isWorkingDay(spec, due), true);
  });
}

// Each break of the official schedules, day by day: '1' working, '0' not working.
const BREAKS: { label: string; spec?: CalendarSpec; from: string; pattern: string }[] = [
  { label: '2024 Tết Dương lịch (Monday 01/01)', from: '2023-12-29', pattern: '10001' },
  { label: '2024 Tết 08–14/02 (5 Tết days, 2 compensatory)', from: '2024-02-07', pattern: '100000001' },
  { label: '2024 Giỗ Tổ Hùng Vương 18/4', from: '2024-04-17', pattern: '101' },
  { label: '2024 30/4–1/5: 27/4–01/5 off, Saturday 04/5 worked', from: '2024-04-26', pattern: '10000011101' },
  { label: '2024 Quốc khánh 31/8–03/9', from: '2024-08-30', pattern: '100001' },
  { label: '2025 Tết Dương lịch (Wednesday 01/01)', from: '2024-12-31', pattern: '101' },
  { label: '2025 Tết 25/01–02/02', from: '2025-01-24', pattern: '10000000001' },
  { label: '2025 Giỗ Tổ Hùng Vương Monday 07/4', from: '2025-04-04', pattern: '10001' },
  { label: '2025 30/4–04/5 with Saturday 26/4 worked', from: '2025-04-25', pattern: '11011000001' },
  { label: '2025 Quốc khánh 30/8–02/9', from: '2025-08-29', pattern: '100001' },
  { label: '2026 Tết Dương lịch 01–04/01 with Saturday 10/01 worked', from: '2025-12-31', pattern: '1000011111101' },
  { label: '2026 Tết 14–22/02', from: '2026-02-13', pattern: '10000000001' },
  { label: '2026 Giỗ Tổ Hùng Vương Sunday 26/4, Monday 27/4 compensatory', from: '2026-04-24', pattern: '10001' },
  { label: '2026 30/4–03/5', from: '2026-04-29', pattern: '100001' },
  { label: '2026 Quốc khánh 29/8–02/9 with Saturday 22/8 worked', from: '2026-08-21', pattern: '11011111000001' },
  { label: '2026 24/11 (Tuesday) under the notices', from: '2026-11-23', pattern: '111' },
  { label: '2026 24/11 once enacted', spec: withCultureDay, from: '2026-11-23', pattern: '101' },
];

for (const { label, spec = official, from, pattern } of BREAKS) {
  test(`day by day: ${label}`, () => {
    const start = isoToDayNumber(from);
    const actual = [...pattern].map((_, i) => (dayStatus(spec, dayNumberToIso(start + i)).working ? '1' : '0')).join('');
    assert.equal(actual, pattern);
  });
}

test('working days in a whole year: 251 in 2024, 250 in 2025, 250 in 2026', () => {
  assert.equal(workingDaysBetween(official, '2023-12-31', '2024-12-31'), 251);
  assert.equal(workingDaysBetween(official, '2024-12-31', '2025-12-31'), 250);
  assert.equal(workingDaysBetween(official, '2025-12-31', '2026-12-31'), 250);
});

test('workingDaysBetween counts strictly after from, up to and including to, negative backwards', () => {
  assert.equal(workingDaysBetween(official, '2025-01-24', '2025-02-05'), 3);
  assert.equal(workingDaysBetween(official, '2025-02-05', '2025-01-24'), -3);
  assert.equal(workingDaysBetween(official, '2025-03-12', '2025-03-12'), 0);
  assert.equal(workingDaysBetween(official, '2025-03-14', '2025-03-16'), 0); // Saturday and Sunday
  assert.equal(workingDaysBetween(official, '2026-08-21', '2026-09-03'), 7);
});

test('nextWorkingDay is the first working day strictly after the date', () => {
  assert.equal(nextWorkingDay(official, '2025-01-24'), '2025-02-03');
  assert.equal(nextWorkingDay(official, '2026-01-09'), '2026-01-10');
  assert.equal(nextWorkingDay(official, '2025-03-15'), '2025-03-17');
  assert.equal(nextWorkingDay(official, '2025-03-12'), '2025-03-13');
});

test('dayStatus gives the kind and the Vietnamese reason', () => {
  assert.deepEqual(dayStatus(official, '2025-03-12'), { working: true, reason: null, kind: 'weekday' });
  assert.deepEqual(dayStatus(official, '2025-01-26'), { working: false, reason: 'Cuối tuần', kind: 'weekend' });
  assert.deepEqual(dayStatus(official, '2025-01-29'), {
    working: false,
    reason: 'Tết Nguyên đán (mùng 1 tháng Giêng) – Thông báo 6150/TB-LĐTBXH',
    kind: 'holiday',
  });
  // A holiday on a Saturday is reported as the holiday, not as the weekend.
  assert.equal(dayStatus(official, '2024-02-10').kind, 'holiday');
  const makeUp = dayStatus(official, '2025-04-26');
  assert.equal(makeUp.working, true);
  assert.equal(makeUp.kind, 'make_up_working_day');
  assert.match(makeUp.reason ?? '', /^Ngày làm bù .*6150\/TB-LĐTBXH/);
  const swapped = dayStatus(official, '2025-05-02');
  assert.equal(swapped.kind, 'day_off');
  assert.match(swapped.reason ?? '', /^Nghỉ hoán đổi/);
  assert.equal(dayStatus(official, '2026-04-27').reason?.startsWith('Nghỉ bù Giỗ Tổ Hùng Vương'), true);
  assert.equal(dayStatus(withCultureDay, '2026-11-24').kind, 'holiday');
});

test('a make-up working day wins over a holiday on the same date; a bare notice gets the "Ngày làm bù" prefix', () => {
  const spec: CalendarSpec = {
    weekendDays: [0, 6],
    entries: [
      { date: '2030-03-02', kind: 'working_override', name: 'Thông báo 1/TB-BNV' },
      { date: '2030-03-04', kind: 'holiday', name: 'Ngày nghỉ thử' },
      { date: '2030-03-04', kind: 'working_override', name: '' },
      { date: '2030-03-05', kind: 'day_off', name: 'Nghỉ bù' },
      { date: '2030-03-05', kind: 'holiday', name: 'Ngày lễ' },
    ],
  };
  assert.deepEqual(dayStatus(spec, '2030-03-02'), {
    working: true,
    reason: 'Ngày làm bù: Thông báo 1/TB-BNV',
    kind: 'make_up_working_day',
  });
  assert.deepEqual(dayStatus(spec, '2030-03-04'), {
    working: true,
    reason: 'Ngày làm bù',
    kind: 'make_up_working_day',
  });
  assert.deepEqual(dayStatus(spec, '2030-03-05'), { working: false, reason: 'Ngày lễ', kind: 'holiday' });
});

test('other weekly rest days: a unit open Monday–Saturday', () => {
  const spec: CalendarSpec = { weekendDays: [0], entries: [] };
  assert.equal(addWorkingDays(spec, '2025-03-14', 1), '2025-03-15');
  assert.equal(addWorkingDays(spec, '2025-03-15', 1), '2025-03-17');
});

test('n must be an integer from 0 to 3650', () => {
  assert.throws(() => addWorkingDays(official, '2025-01-24', -1), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-01-24', 1.5), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-01-24', 3651), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-01-24', Number.NaN), RangeError);
  assert.throws(() => addWorkingDays(official, '2025-01-24', Number.POSITIVE_INFINITY), RangeError);
  assert.equal(workingDaysBetween(official, '2025-01-24', addWorkingDays(official, '2025-01-24', 3650)), 3650);
});

test('dates must be real dates written YYYY-MM-DD', () => {
  for (const bad of ['2025-02-29', '2025-1-1', '2025-13-01', '', '2025-01-01T00:00:00Z', '20250101', '0000-01-01']) {
    assert.throws(() => addWorkingDays(official, bad, 1), RangeError, bad);
    assert.throws(() => dayStatus(official, bad), RangeError, bad);
  }
  assert.equal(dayStatus(official, '2024-02-29').working, true);
});

test('invalid calendar specs are rejected', () => {
  assert.throws(() => compileCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6], entries: [] }), RangeError);
  assert.throws(() => compileCalendar({ weekendDays: [7], entries: [] }), RangeError);
  assert.throws(() => compileCalendar({ weekendDays: [0, 6], entries: [{ date: '2025-02-30', kind: 'holiday', name: 'x' }] }), RangeError);
  assert.throws(
    () =>
      compileCalendar({
        weekendDays: [0, 6],
        entries: [{ date: '2025-02-03', kind: 'vacation' as 'holiday', name: 'x' }],
      }),
    RangeError,
  );
});

test('due dates and counts are inverse for every start day and limit 0–40 in 2024–2026', () => {
  const calendar = compileCalendar(official);
  for (let day = isoToDayNumber('2024-01-01'); day <= isoToDayNumber('2026-12-31'); day += 3) {
    const from = dayNumberToIso(day);
    for (let n = 0; n <= 40; n += 7) {
      const due = calendar.addWorkingDays(from, n);
      assert.equal(calendar.workingDaysBetween(from, due), n);
      if (n > 0) {
        assert.equal(calendar.isWorkingDay(due), true);
        assert.equal(calendar.addWorkingDays(from, n - 1) < due, true);
      }
    }
  }
});
