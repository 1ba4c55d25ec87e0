import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendarSpec, reasonOf, type StoredEntry, type YearNotice } from './calendar-spec.ts';
import { officialSchedules } from './official-schedules.ts';
import { compileCalendar } from './working-days.ts';

// The seeded national schedules as stored rows.
let nextId = 1;
const seeded: StoredEntry[] = officialSchedules.flatMap((s) =>
  s.entries.map((e) => ({ id: nextId++, unitId: null, date: e.date, kind: e.kind, name: e.name, notice: null, source: 'notice' as const })),
);
const seededNotices: YearNotice[] = officialSchedules.map((s) => ({ year: s.year, unitId: null, notice: s.notice, replacesStatutory: true }));

const national = (fromYear: number, toYear: number, extra: Partial<Parameters<typeof buildCalendarSpec>[0]> = {}) =>
  buildCalendarSpec({ fromYear, toYear, weekendDays: [0, 6], unitChain: [], entries: seeded, notices: seededNotices, ...extra });

const CASES: { label: string; build: () => ReturnType<typeof buildCalendarSpec>; date: string; working: boolean; reason?: RegExp }[] = [
  { label: '2025 notice: 27/01 is Tết', build: () => national(2025, 2025), date: '2025-01-27', working: false, reason: /6150\/TB-LĐTBXH/ },
  {
    label: '2025 notice replaces the default Tết: Monday 03/02 (default compensatory day) is worked',
    build: () => national(2025, 2025),
    date: '2025-02-03',
    working: true,
  },
  {
    label: 'without the notice the 2025 default gives 03/02 off',
    build: () => national(2025, 2025, { entries: [], notices: [] }),
    date: '2025-02-03',
    working: false,
    reason: /Nghỉ bù Tết Nguyên đán/,
  },
  { label: '2025 swap: Friday 02/5 off', build: () => national(2025, 2025), date: '2025-05-02', working: false, reason: /hoán đổi/ },
  { label: '2025 swap: Saturday 26/4 worked', build: () => national(2025, 2025), date: '2025-04-26', working: true, reason: /Ngày làm bù/ },
  { label: '2026 Quốc khánh 02/9', build: () => national(2026, 2026), date: '2026-09-02', working: false, reason: /Quốc khánh/ },
  {
    label: '2027 has no notice: statutory Tết (06/02 is mùng 1, Saturday)',
    build: () => national(2027, 2027),
    date: '2027-02-05',
    working: false,
    reason: /Tết Nguyên đán/,
  },
  { label: '2027 statutory compensatory day for Tết on the weekend', build: () => national(2027, 2027), date: '2027-02-11', working: false, reason: /Nghỉ bù/ },
  {
    label: 'a notice that replaces the defaults still keeps the fixed-date holidays it forgot (30/4/2027)',
    build: () => national(2027, 2027, { notices: [{ year: 2027, unitId: null, notice: 'Thông báo X', replacesStatutory: true }] }),
    date: '2027-04-30',
    working: false,
    reason: /Ngày Chiến thắng/,
  },
  {
    label: '…but not the default Tết days',
    build: () => national(2027, 2027, { notices: [{ year: 2027, unitId: null, notice: 'Thông báo X', replacesStatutory: true }] }),
    date: '2027-02-08',
    working: true,
  },
  {
    label: 'a supplementary notice (replacesStatutory false) keeps the defaults',
    build: () => national(2027, 2027, { notices: [{ year: 2027, unitId: null, notice: 'Thông báo Y', replacesStatutory: false }] }),
    date: '2027-02-08',
    working: false,
  },
  {
    label: 'an administrator adds 24/11/2026',
    build: () =>
      national(2026, 2026, {
        entries: [...seeded, { id: 999, unitId: null, date: '2026-11-24', kind: 'holiday', name: 'Ngày Văn hóa Việt Nam', notice: null, source: 'admin' }],
      }),
    date: '2026-11-24',
    working: false,
    reason: /^Ngày Văn hóa Việt Nam$/,
  },
  {
    label: "a unit's own entry beats the national one on the same date",
    build: () =>
      national(2026, 2026, {
        unitChain: [1, 7],
        entries: [...seeded, { id: 998, unitId: 7, date: '2026-08-31', kind: 'working_override', name: 'Trực tiếp nhận hồ sơ', notice: null, source: 'admin' }],
      }),
    date: '2026-08-31',
    working: true,
    reason: /Trực tiếp nhận hồ sơ/,
  },
  {
    label: "another unit's entry does not apply",
    build: () =>
      national(2026, 2026, {
        unitChain: [1, 7],
        entries: [...seeded, { id: 997, unitId: 8, date: '2026-03-10', kind: 'day_off', name: 'Nghỉ riêng', notice: null, source: 'admin' }],
      }),
    date: '2026-03-10',
    working: true,
  },
  {
    label: "an ancestor's (province) entry applies to its communes",
    build: () =>
      national(2026, 2026, {
        unitChain: [1, 7],
        entries: [
          ...seeded,
          { id: 996, unitId: 1, date: '2026-03-10', kind: 'day_off', name: 'Nghỉ theo quyết định của tỉnh', notice: 'QĐ 1/QĐ-UBND', source: 'admin' },
        ],
      }),
    date: '2026-03-10',
    working: false,
    reason: /Nghỉ theo quyết định của tỉnh \(QĐ 1\/QĐ-UBND\)/,
  },
  {
    label: 'a unit resting only on Sunday works Saturdays',
    build: () => national(2026, 2026, { weekendDays: [0] }),
    date: '2026-03-07',
    working: true,
  },
  { label: 'years before 2021: weekends only', build: () => national(2000, 2000), date: '2000-01-03', working: true },
];

test('how statutory days, notices and entries combine', () => {
  for (const c of CASES) {
    const built = c.build();
    const status = compileCalendar(built.spec).dayStatus(c.date);
    assert.equal(status.working, c.working, c.label);
    if (c.reason) assert.match(status.reason ?? '', c.reason, c.label);
  }
});

test('effective entries carry their source and stored id', () => {
  const built = national(2026, 2026, { entries: [], notices: [] });
  const tet = built.entries.find((e) => e.date === '2026-02-17');
  assert.equal(tet?.source, 'statutory');
  assert.equal(tet?.id, null);
  const withNotice = national(2026, 2026);
  const swapped = withNotice.entries.find((e) => e.date === '2026-08-31');
  assert.equal(swapped?.source, 'notice');
  assert.equal(typeof swapped?.id, 'number');
  assert.equal(withNotice.notices.length, 1);
});

test('reasons append the notice only when the name does not cite it', () => {
  assert.equal(reasonOf({ name: 'Ngày Văn hóa Việt Nam', notice: null }), 'Ngày Văn hóa Việt Nam');
  assert.equal(reasonOf({ name: 'Nghỉ bù', notice: 'Thông báo 9441/TB-BNV' }), 'Nghỉ bù (Thông báo 9441/TB-BNV)');
  assert.equal(reasonOf({ name: 'Quốc khánh – Thông báo 9441/TB-BNV', notice: 'Thông báo 9441/TB-BNV' }), 'Quốc khánh – Thông báo 9441/TB-BNV');
});

test('bad year ranges are refused', () => {
  assert.throws(() => national(2026, 2025), RangeError);
  assert.throws(() => national(1900, 2100), RangeError);
});
