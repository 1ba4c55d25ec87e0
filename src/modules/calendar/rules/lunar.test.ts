import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leapMonthOf, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

// Tết Nguyên đán in Vietnam (UTC+7). Sources:
// - 2024–2027, 2007, 1985: STANDARDS §2; 2024/2025/2026 also the official holiday notices (official-schedules.ts).
// - 2007-02-17 (China 02-18) and the future differences 2030 and 2053: the Vietnamese calendar office as
//   reported by viet-jo.com (2006-07-06) and zaidap.com / scienceinfo.net.
// - 1968-01-29 (China and South Vietnam 01-30): new moon 16:29 UT on 29 January 1968 (Aslaksen, "The
//   Mathematics of the Chinese Calendar", quoted by wiki.suikawiki.org), i.e. 23:29 in UTC+7.
// - 1900, 1950, 1954, 2000, 2001, 2012, 2020, 2023, 2028: published Chinese New Year lists (factmonster.com,
//   emmancorner.blogspot.com, fedest.com) for years where UTC+7 and UTC+8 agree.
// - 2050, 2100: not found on a public page; checked against an independent computation (astronomy-engine,
//   and the Hong Kong Observatory–based tables of lunar-javascript for UTC+8), which agree.
const TET: [number, string][] = [
  [1900, '1900-01-31'],
  [1950, '1950-02-17'],
  [1954, '1954-02-03'],
  [1968, '1968-01-29'],
  [1985, '1985-01-21'],
  [2000, '2000-02-05'],
  [2001, '2001-01-24'],
  [2007, '2007-02-17'],
  [2012, '2012-01-23'],
  [2020, '2020-01-25'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2030, '2030-02-02'],
  [2050, '2050-01-23'],
  [2053, '2053-02-18'],
  [2100, '2100-02-09'],
];

for (const [year, date] of TET) {
  test(`Tết ${year} is ${date} (UTC+7)`, () => {
    assert.equal(tetDate(year), date);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    assert.deepEqual(solarToLunar(y, m, d), { year, month: 1, day: 1, leap: false });
  });
}

// The same years in the Chinese calendar (UTC+8), where the time zone moves the new moon across midnight.
const CHINESE_NEW_YEAR: [number, string][] = [
  [1968, '1968-01-30'],
  [1985, '1985-02-20'],
  [2007, '2007-02-18'],
  [2024, '2024-02-10'],
  [2030, '2030-02-03'],
  [2053, '2053-02-19'],
];

for (const [year, date] of CHINESE_NEW_YEAR) {
  test(`Chinese New Year ${year} is ${date} (tz = 8)`, () => {
    assert.equal(tetDate(year, 8), date);
  });
}

test('1985: the 1984 solstice falls on 21/12 in Hanoi but 22/12 in Beijing, so Tết is a month apart', () => {
  // Vietnam: month 11 starts 23/11/1984, no leap month in Giáp Tý, Tết 21/01/1985, the leap month moves
  // to Ất Sửu. China: leap 10th month from 23/11/1984 and Chinese New Year on 20/02/1985.
  assert.deepEqual(solarToLunar(1984, 11, 23), { year: 1984, month: 11, day: 1, leap: false });
  assert.deepEqual(solarToLunar(1984, 11, 23, 8), { year: 1984, month: 10, day: 1, leap: true });
  assert.deepEqual(solarToLunar(1985, 1, 21), { year: 1985, month: 1, day: 1, leap: false });
  assert.deepEqual(solarToLunar(1985, 1, 21, 8), { year: 1984, month: 12, day: 1, leap: false });
  assert.equal(leapMonthOf(1984), null);
  assert.equal(leapMonthOf(1984, 8), 10);
});

// Leap months (tháng nhuận): 2020 nhuận tháng 4, 2023 nhuận tháng 2, 2025 nhuận tháng 6 (published Vietnamese
// calendars); 2033 has the rare leap 11th month of the "2033 problem" (same in UTC+7 and UTC+8).
const LEAPS: [number, number | null, string | null][] = [
  [2020, 4, '2020-05-23'],
  [2023, 2, '2023-03-22'],
  [2024, null, null],
  [2025, 6, '2025-07-25'],
  [2026, null, null],
  [2028, 5, '2028-06-23'],
  [2033, 11, '2033-12-22'],
];

for (const [year, month, start] of LEAPS) {
  test(`lunar year ${year} has leap month ${month ?? 'none'}`, () => {
    assert.equal(leapMonthOf(year), month);
    if (month !== null && start !== null) {
      const [y, m, d] = start.split('-').map(Number) as [number, number, number];
      assert.deepEqual(lunarToSolar(year, month, 1, true), { year: y, month: m, day: d });
      assert.deepEqual(solarToLunar(y, m, d), { year, month, day: 1, leap: true });
    }
  });
}

// Giỗ Tổ Hùng Vương (10/3 âm lịch) and Tết Trung thu (15/8 âm lịch): dates from the official schedules and
// published calendars.
const LUNAR_DAYS: [string, number, number, number, string][] = [
  ['Giỗ Tổ Hùng Vương', 2024, 3, 10, '2024-04-18'],
  ['Giỗ Tổ Hùng Vương', 2025, 3, 10, '2025-04-07'],
  ['Giỗ Tổ Hùng Vương', 2026, 3, 10, '2026-04-26'],
  ['Tết Trung thu', 2024, 8, 15, '2024-09-17'],
  ['Tết Trung thu', 2025, 8, 15, '2025-10-06'],
  ['Last day of Giáp Thìn (29 tháng Chạp)', 2024, 12, 29, '2025-01-28'],
  ['Last day of Quý Mão (30 tháng Chạp)', 2023, 12, 30, '2024-02-09'],
];

for (const [label, year, month, day, date] of LUNAR_DAYS) {
  test(`${label} ${day}/${month}/${year} âm lịch is ${date}`, () => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    assert.deepEqual(lunarToSolar(year, month, day), { year: y, month: m, day: d });
    assert.deepEqual(solarToLunar(y, m, d), { year, month, day, leap: false });
  });
}

test('lunarToSolar rejects a leap month that does not exist and a day 30 of a 29-day month', () => {
  assert.throws(() => lunarToSolar(2024, 3, 1, true), RangeError);
  assert.throws(() => lunarToSolar(2025, 5, 1, true), RangeError);
  assert.throws(() => lunarToSolar(2024, 12, 30), RangeError); // tháng Chạp Giáp Thìn has 29 days
  assert.throws(() => lunarToSolar(2025, 13, 1), RangeError);
  assert.throws(() => lunarToSolar(2025, 1, 0), RangeError);
  assert.throws(() => lunarToSolar(2025, 1, 1.5), RangeError);
});

test('solarToLunar rejects invalid dates and years outside 1900–2100', () => {
  assert.throws(() => solarToLunar(2023, 2, 29), RangeError);
  assert.throws(() => solarToLunar(2024, 13, 1), RangeError);
  assert.throws(() => solarToLunar(1899, 12, 31), RangeError);
  assert.throws(() => solarToLunar(2101, 1, 1), RangeError);
  assert.throws(() => tetDate(1899), RangeError);
  assert.deepEqual(solarToLunar(1900, 1, 1), { year: 1899, month: 12, day: 1, leap: false });
  assert.deepEqual(solarToLunar(2100, 12, 31), { year: 2100, month: 12, day: 1, leap: false });
});

test('every day 1900-01-01..2100-12-31 round-trips and lunar days run on without gaps', () => {
  const start = Date.UTC(1900, 0, 1);
  const end = Date.UTC(2100, 11, 31);
  let previous = solarToLunar(1900, 1, 1);
  let months = 0;
  for (let ms = start; ms <= end; ms += 86400000) {
    const date = new Date(ms);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const lunar = solarToLunar(y, m, d);
    const back = lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap);
    if (back.year !== y || back.month !== m || back.day !== d) {
      assert.fail(`${y}-${m}-${d} → ${JSON.stringify(lunar)} → ${JSON.stringify(back)}`);
    }
    if (ms !== start) {
      if (lunar.day === 1) {
        months++;
        if (previous.day !== 29 && previous.day !== 30) assert.fail(`month of ${previous.day} days before ${y}-${m}-${d}`);
        const expectedMonth = lunar.leap ? previous.month : (previous.month % 12) + 1;
        if (lunar.month !== expectedMonth || (lunar.leap && previous.leap)) {
          assert.fail(`month sequence broken at ${y}-${m}-${d}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
        }
        const expectedYear = lunar.month === 1 && !lunar.leap ? previous.year + 1 : previous.year;
        if (lunar.year !== expectedYear) assert.fail(`year sequence broken at ${y}-${m}-${d}`);
      } else if (lunar.day !== previous.day + 1 || lunar.month !== previous.month || lunar.leap !== previous.leap) {
        assert.fail(`day sequence broken at ${y}-${m}-${d}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
      }
    }
    previous = lunar;
  }
  // 201 years ≈ 2486 lunations.
  assert.ok(months > 2480 && months < 2490, `months: ${months}`);
});

test('every lunar year 1900–2100 has 12 or 13 months and Tết between 21 January and 20 February', () => {
  for (let year = 1900; year <= 2100; year++) {
    const tet = tetDate(year);
    assert.ok(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `Tết ${year}: ${tet}`);
    const leap = leapMonthOf(year);
    assert.ok(leap === null || (leap >= 1 && leap <= 12));
  }
});
