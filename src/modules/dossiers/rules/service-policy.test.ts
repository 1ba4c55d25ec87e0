import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAppointment, endOfWeek, isoWeekday, type PolicyInput, type PolicyKind, policyName, type ServicePolicy } from './service-policy.ts';

const policy = (id: number, kind: PolicyKind, extra: Partial<ServicePolicy> = {}): ServicePolicy => ({
  id,
  kind,
  name: null,
  enabled: true,
  validFrom: null,
  validTo: null,
  thresholdDays: null,
  weekdays: null,
  maxDays: null,
  procedureIds: null,
  ...extra,
});

const under3 = policy(1, 'under_threshold', { thresholdDays: 3 });
const tueFri = policy(2, 'no_wait_weekdays', { weekdays: [2, 5], name: 'Ngày không chờ', maxDays: 7 });
const thursday = policy(3, 'no_wait_weekdays', { weekdays: [4], name: 'Ngày thứ năm không hẹn', maxDays: 5 });
const friday = policy(4, 'friday_not_next_week', { procedureIds: [10] });
const fridayAll = policy(5, 'friday_not_next_week');
const registered = policy(6, 'registered_same_day');

const end = (day: string) => `${day}T17:00:00+07:00`;

interface Case {
  name: string;
  policies: ServicePolicy[];
  day: string;
  days?: number;
  hours?: number;
  normal: string;
  moved?: boolean;
  eligible?: boolean;
  registeredSameDay?: boolean;
  procedureId?: number;
  due: string;
  kind: PolicyKind | null;
}

// Real 2026 dates: 2026-11-24 is a Tuesday, 11-26 a Thursday, 11-27 a Friday; Tết Bính Ngọ: 2026-02-16..20 off, so a
// 3-day limit from Friday 2026-02-13 ends on Wednesday 2026-02-25. Ordinary due dates come from the calendar module.
const cases: Case[] = [
  { name: 'no policy: the ordinary date', policies: [], day: '2026-11-24', days: 3, normal: '2026-11-27', due: '2026-11-27', kind: null },
  {
    name: 'under 3 working days: on the spot (seed 000)',
    policies: [under3],
    day: '2026-11-24',
    days: 2,
    normal: '2026-11-26',
    due: '2026-11-24',
    kind: 'under_threshold',
  },
  { name: 'under 3: a 3-day procedure is not under', policies: [under3], day: '2026-11-24', days: 3, normal: '2026-11-27', due: '2026-11-27', kind: null },
  {
    name: 'under 3: 16 working hours (2 days) is under',
    policies: [under3],
    day: '2026-11-24',
    hours: 16,
    normal: '2026-11-26',
    due: '2026-11-24',
    kind: 'under_threshold',
  },
  {
    name: 'Tuesday no-wait day, eligible 5-day procedure (seed 003)',
    policies: [tueFri],
    day: '2026-11-24',
    days: 5,
    normal: '2026-12-01',
    eligible: true,
    due: '2026-11-24',
    kind: 'no_wait_weekdays',
  },
  { name: 'Tuesday no-wait day: not eligible', policies: [tueFri], day: '2026-11-24', days: 5, normal: '2026-12-01', due: '2026-12-01', kind: null },
  {
    name: 'Tuesday no-wait: over max days',
    policies: [tueFri],
    day: '2026-11-24',
    days: 10,
    normal: '2026-12-08',
    eligible: true,
    due: '2026-12-08',
    kind: null,
  },
  {
    name: 'Wednesday is not a no-wait day',
    policies: [tueFri],
    day: '2026-11-25',
    days: 3,
    normal: '2026-11-30',
    eligible: true,
    due: '2026-11-30',
    kind: null,
  },
  {
    name: 'Thursday no-appointment (seed 003)',
    policies: [thursday],
    day: '2026-11-26',
    days: 3,
    normal: '2026-12-01',
    eligible: true,
    due: '2026-11-26',
    kind: 'no_wait_weekdays',
  },
  {
    name: 'Friday rule: listed procedure, due next week → that Friday (seed 004)',
    policies: [friday],
    day: '2026-11-27',
    days: 3,
    normal: '2026-12-02',
    due: '2026-11-27',
    kind: 'friday_not_next_week',
  },
  {
    name: 'Friday rule: procedure not listed',
    policies: [friday],
    day: '2026-11-27',
    days: 3,
    normal: '2026-12-02',
    procedureId: 11,
    due: '2026-12-02',
    kind: null,
  },
  {
    name: 'Friday rule for all procedures',
    policies: [fridayAll],
    day: '2026-11-27',
    days: 15,
    normal: '2026-12-18',
    procedureId: 11,
    due: '2026-11-27',
    kind: 'friday_not_next_week',
  },
  { name: 'Friday rule: not on a Thursday', policies: [fridayAll], day: '2026-11-26', days: 3, normal: '2026-12-01', due: '2026-12-01', kind: null },
  {
    name: 'Friday rule: due the same week (4 working hours) is left alone',
    policies: [fridayAll],
    day: '2026-11-27',
    hours: 4,
    normal: '2026-11-27',
    due: '2026-11-27',
    kind: null,
  },
  {
    name: 'Friday rule: after the cut-off counts from Monday, no rule',
    policies: [fridayAll],
    day: '2026-11-27',
    days: 3,
    normal: '2026-12-03',
    moved: true,
    due: '2026-12-03',
    kind: null,
  },
  {
    name: 'Friday before Tết: not appointed after Tết',
    policies: [fridayAll],
    day: '2026-02-13',
    days: 3,
    normal: '2026-02-25',
    due: '2026-02-13',
    kind: 'friday_not_next_week',
  },
  {
    name: 'Tuesday inside Tết: deemed received after Tết, no rule',
    policies: [tueFri],
    day: '2026-02-17',
    days: 3,
    normal: '2026-02-26',
    moved: true,
    eligible: true,
    due: '2026-02-26',
    kind: null,
  },
  {
    name: 'registered same-day procedure (seed 004 appendix)',
    policies: [registered],
    day: '2026-11-25',
    days: 5,
    normal: '2026-12-02',
    registeredSameDay: true,
    due: '2026-11-25',
    kind: 'registered_same_day',
  },
  { name: 'registered list without the procedure', policies: [registered], day: '2026-11-25', days: 5, normal: '2026-12-02', due: '2026-12-02', kind: null },
  {
    name: 'registered counts as eligible for a no-wait day',
    policies: [tueFri],
    day: '2026-11-27',
    days: 3,
    normal: '2026-12-02',
    registeredSameDay: true,
    due: '2026-11-27',
    kind: 'no_wait_weekdays',
  },
  {
    name: 'precedence: registered names it before under-threshold',
    policies: [under3, registered],
    day: '2026-11-24',
    days: 1,
    normal: '2026-11-25',
    registeredSameDay: true,
    due: '2026-11-24',
    kind: 'registered_same_day',
  },
  {
    name: 'switched off: ordinary',
    policies: [{ ...under3, enabled: false }],
    day: '2026-11-24',
    days: 2,
    normal: '2026-11-26',
    due: '2026-11-26',
    kind: null,
  },
  {
    name: 'not yet in force',
    policies: [{ ...under3, validFrom: '2026-12-01' }],
    day: '2026-11-24',
    days: 2,
    normal: '2026-11-26',
    due: '2026-11-26',
    kind: null,
  },
  { name: 'expired', policies: [{ ...under3, validTo: '2026-11-23' }], day: '2026-11-24', days: 2, normal: '2026-11-26', due: '2026-11-26', kind: null },
  {
    name: 'last day in force',
    policies: [{ ...under3, validTo: '2026-11-24' }],
    day: '2026-11-24',
    days: 2,
    normal: '2026-11-26',
    due: '2026-11-24',
    kind: 'under_threshold',
  },
];

for (const c of cases) {
  test(`service policy: ${c.name}`, () => {
    const input: PolicyInput = {
      policies: c.policies,
      procedure: {
        id: c.procedureId ?? 10,
        timeLimit: c.hours ? { value: c.hours, unit: 'working_hours' } : { value: c.days ?? 3, unit: 'working_days' },
        sameDayEligible: c.eligible ?? false,
        registeredSameDay: c.registeredSameDay ?? false,
      },
      receivedDay: c.day,
      normal: { date: c.normal, dueAt: end(c.normal), countsFrom: c.moved ? 'later' : c.day, movedToNextWorkingDay: c.moved ?? false },
      endOfReceiptDay: end(c.day),
    };
    const d = decideAppointment(input);
    assert.equal(d.dueDate, c.due);
    assert.equal(d.dueAt, end(c.due));
    assert.equal(d.policy?.kind ?? null, c.kind);
    assert.equal(d.sameDay, c.due === c.day);
    assert.equal(d.normalDueDate, c.normal);
  });
}

test('service policy: names in Vietnamese', () => {
  assert.equal(policyName(under3), 'Không hẹn đối với thủ tục có thời hạn dưới 03 ngày làm việc');
  assert.equal(policyName({ ...tueFri, name: null }), 'Ngày không chờ (thứ Ba, thứ Sáu)');
  assert.equal(policyName(thursday), 'Ngày thứ năm không hẹn');
  assert.equal(policyName(friday), 'Thứ Sáu không hẹn qua tuần');
});

test('ISO weekdays and week ends', () => {
  assert.equal(isoWeekday('2026-11-27'), 5);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(endOfWeek('2026-11-27'), '2026-11-29');
  assert.equal(endOfWeek('2026-11-30'), '2026-12-06');
  assert.equal(endOfWeek('2026-12-31'), '2027-01-03');
});
