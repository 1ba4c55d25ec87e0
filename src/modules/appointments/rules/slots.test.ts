import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSlot, type DayInfo, DEFAULT_VISIT_MINUTES, fromVietnamLocal, reminderAt, type SlotContext, sessionsOn, vietnamLocal } from './slots.ts';

const OFFICE = [
  { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
  { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
];
const holidays: Record<string, string> = { '2026-09-01': 'Nghỉ lễ Quốc khánh', '2026-09-02': 'Quốc khánh' };
function dayStatus(iso: string): DayInfo {
  if (holidays[iso]) return { working: false, kind: 'holiday', reason: holidays[iso] as string };
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (iso === '2026-09-12') return { working: true, kind: 'make_up_working_day', reason: 'Ngày làm bù' };
  return wd === 0 || wd === 6 ? { working: false, kind: 'weekend', reason: 'Cuối tuần' } : { working: true, kind: 'weekday', reason: null };
}
const at = (date: string, time: string) => fromVietnamLocal(date, time) as Date;
const NOW = at('2026-08-31', '10:00');
const ctx = (over: Partial<SlotContext> = {}): SlotContext => ({
  now: NOW,
  dayStatus,
  officeHours: OFFICE,
  settings: { visitMinutes: DEFAULT_VISIT_MINUTES, travelMinutes: 30 },
  others: [],
  ...over,
});

test('Vietnam local times are UTC+7, and impossible dates or times are refused', () => {
  assert.equal(at('2026-09-07', '09:00').toISOString(), '2026-09-07T02:00:00.000Z');
  assert.deepEqual(vietnamLocal(new Date('2026-09-06T18:30:00Z')), { date: '2026-09-07', minute: 90 });
  for (const [d, t] of [
    ['2026-02-30', '09:00'],
    ['2026-09-07', '24:00'],
    ['2026-09-07', '9h'],
    ['07/09/2026', '09:00'],
    ['', ''],
  ])
    assert.equal(fromVietnamLocal(d as string, t as string), null, `${d} ${t}`);
});

test('slots: the past, rest days and holidays from the calendar, office hours, travel time between visits', () => {
  const other = { code: 'KHAC2345', start: at('2026-09-07', '09:00'), end: at('2026-09-07', '09:45') };
  const cases: { name: string; date: string; time: string; over?: Partial<SlotContext>; reason?: string; says?: RegExp }[] = [
    { name: 'a Monday morning', date: '2026-09-07', time: '08:00' },
    { name: 'ends exactly at 11:30', date: '2026-09-07', time: '10:45' },
    { name: 'afternoon session', date: '2026-09-07', time: '13:30' },
    { name: 'a make-up Saturday uses the weekday hours', date: '2026-09-12', time: '08:00' },
    { name: 'earlier today', date: '2026-08-31', time: '08:00', reason: 'past', says: /08:00 ngày 31\/08\/2026 đã qua/ },
    { name: 'now exactly', date: '2026-08-31', time: '10:00', reason: 'past' },
    { name: 'a Saturday', date: '2026-09-05', time: '08:00', reason: 'closed_day', says: /05\/09\/2026 là Thứ Bảy, ngày nghỉ cuối tuần/ },
    { name: 'Quốc khánh', date: '2026-09-02', time: '08:00', reason: 'closed_day', says: /02\/09\/2026 là Quốc khánh/ },
    { name: 'before opening', date: '2026-09-07', time: '06:30', reason: 'outside_hours', says: /07:00–11:30, 13:30–17:00/ },
    { name: 'runs past 11:30', date: '2026-09-07', time: '11:00', reason: 'outside_hours', says: /11:00–11:45 nằm ngoài giờ làm việc/ },
    { name: 'lunch break', date: '2026-09-07', time: '12:00', reason: 'outside_hours' },
    { name: 'runs past 17:00', date: '2026-09-07', time: '16:30', reason: 'outside_hours' },
    { name: 'too far ahead', date: '2026-12-07', time: '08:00', reason: 'too_far' },
    { name: 'same time as another visit', date: '2026-09-07', time: '09:00', over: { others: [other], assigneeName: 'Đặng Ngọc Ánh' }, reason: 'overlap' },
    {
      name: 'right after another visit, no travel time',
      date: '2026-09-07',
      time: '09:45',
      over: { others: [other], assigneeName: 'Đặng Ngọc Ánh' },
      reason: 'overlap',
      says: /Trùng lịch với lượt hẹn KHAC2345 \(09:00–09:45 ngày 07\/09\/2026\) của Đặng Ngọc Ánh: cần cách ít nhất 30 phút/,
    },
    { name: 'ends 20 minutes before another visit', date: '2026-09-07', time: '07:55', over: { others: [other] }, reason: 'overlap' },
    { name: 'after the visit and 30 minutes of travel', date: '2026-09-07', time: '10:15', over: { others: [other] } },
    { name: 'ends 30 minutes before another visit', date: '2026-09-07', time: '07:45', over: { others: [other] } },
    {
      name: 'a longer travel time of the unit',
      date: '2026-09-07',
      time: '10:15',
      over: { others: [other], settings: { visitMinutes: 45, travelMinutes: 60 } },
      reason: 'overlap',
      says: /60 phút/,
    },
  ];
  for (const c of cases) {
    const r = checkSlot(at(c.date, c.time), ctx(c.over));
    if (!c.reason) {
      assert.ok(r.ok, `${c.name}: ${r.ok ? '' : r.message.vi}`);
      assert.equal(r.end.getTime() - r.start.getTime(), (c.over?.settings?.visitMinutes ?? 45) * 60_000);
      continue;
    }
    assert.ok(!r.ok, c.name);
    assert.equal(r.reason, c.reason, c.name);
    assert.ok(r.message.vi && r.message.en, c.name);
    if (c.says) assert.match(r.message.vi, c.says, c.name);
  }
});

test('sessions: a weekday without its own hours takes those of the first listed weekday', () => {
  assert.deepEqual(sessionsOn('2026-09-12', OFFICE), [
    [420, 690],
    [810, 1020],
  ]);
  assert.deepEqual(sessionsOn('2026-09-07', [{ days: [1], open: '08:00', close: '12:00' }]), [[480, 720]]);
});

test('the reminder goes out at 16:00 Vietnam time the day before, unless that has passed', () => {
  assert.equal(reminderAt(at('2026-09-07', '08:00'), NOW)?.toISOString(), '2026-09-06T09:00:00.000Z');
  assert.equal(reminderAt(at('2026-09-01', '07:00'), NOW)?.toISOString(), '2026-08-31T09:00:00.000Z');
  assert.equal(reminderAt(at('2026-09-01', '07:00'), at('2026-08-31', '16:00')), null);
  assert.equal(reminderAt(at('2026-08-31', '15:00'), NOW), null);
});
