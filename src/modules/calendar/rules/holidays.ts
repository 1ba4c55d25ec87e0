/**
 * Statutory public holidays (ngày nghỉ lễ, tết) generated for a year, with compensatory days off.
 *
 * Legal basis: Bộ luật Lao động 2019 (Luật số 45/2019/QH14, in force 1 January 2021):
 * - Điều 112.1: Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days; Ngày Chiến thắng 1 day (30/4); Ngày Quốc tế
 *   lao động 1 day (1/5); Quốc khánh 2 days (2/9 and one adjacent day before or after); Giỗ Tổ Hùng Vương
 *   1 day (10/3 lunar).
 * - Điều 112.3: each year the Prime Minister decides the exact Tết days and the day adjacent to 2/9; the
 *   notice implementing that decision (Bộ Lao động - Thương binh và Xã hội until February 2025, Bộ Nội vụ
 *   since) is authoritative and replaces the defaults below (see official-schedules.ts).
 * - Điều 111.3: when a weekly rest day coincides with a holiday, the worker takes a compensatory day off
 *   (nghỉ bù) on the next working day.
 *
 * Defaults used when no yearly notice exists (our choices, not the law's):
 * - Tết: the last day of the old lunar year plus days 1–4 of the new one (the choice of 2026; 2024 and 2025
 *   took two days before and three after).
 * - Quốc khánh: 3/9 when 2/9 is a Monday or a Thursday (so the two days join a weekend), otherwise 1/9.
 *   This reproduces every decision from 2021 to 2026 (2021: 3/9, 2022: 1/9, 2023: 1/9, 2024: 3/9, 2025:
 *   1/9, 2026: 1/9).
 * Swapped working days (hoán đổi, làm bù) exist only in notices and are never generated here.
 *
 * Pure module: no I/O, no clock.
 */

import { lunarToSolar, solarToLunar } from './lunar.ts';
import type { CalendarEntry } from './working-days.ts';
import { dayNumberToIso, isoToDayNumber, weekdayOfDayNumber } from './working-days.ts';

/** First year under Bộ luật Lao động 2019 (the 2012 code had one day for Quốc khánh). */
export const FIRST_STATUTORY_YEAR = 2021;
export const LAST_STATUTORY_YEAR = 2100;

/** An extra fixed-date holiday added by a later act (e.g. a day an administrator enters before a release). */
export interface ExtraFixedHoliday {
  month: number;
  day: number;
  name: string;
}

export interface StatutoryHolidayOptions {
  /** Weekly rest days for the compensatory-day rule; civil servants (default): Saturday and Sunday. */
  weekendDays?: number[];
  /** Which day joins 2/9: 'auto' (default, see module comment), 'before' (1/9) or 'after' (3/9). */
  nationalDayAdjacent?: 'auto' | 'before' | 'after';
  /** Fixed-date holidays added by later law, e.g. { month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam' }. */
  extraFixedHolidays?: ExtraFixedHoliday[];
}

const NEW_YEAR_DAY_LABELS = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shortDate(dayNumber: number): string {
  const [, m, d] = dayNumberToIso(dayNumber).split('-');
  return `${d}/${m}`;
}

/**
 * The statutory holidays of Gregorian `year` for civil servants (Bộ luật Lao động 2019, Điều 112) plus the
 * compensatory days off of Điều 111.3, sorted by date. Tết is the one whose first lunar day falls in `year`.
 * The yearly government notice overrides the Tết days and the 2/9 adjacent day chosen here.
 *
 * @throws RangeError for a year outside 2021–2100.
 */
export function statutoryHolidays(year: number, options: StatutoryHolidayOptions = {}): CalendarEntry[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(`statutory holidays are defined for ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR}, got ${year}`);
  }
  const weekendDays = options.weekendDays ?? [0, 6];
  if (weekendDays.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(weekendDays).size >= 7) {
    throw new RangeError('weekendDays must be distinct integers 0–6 leaving at least one working day');
  }
  const isRestDay = (day: number): boolean => weekendDays.includes(weekdayOfDayNumber(day));
  const holidays: { day: number; name: string; short: string }[] = [];
  const add = (date: string, name: string, short: string): void => {
    holidays.push({ day: isoToDayNumber(date), name, short });
  };

  add(iso(year, 1, 1), 'Tết Dương lịch', 'Tết Dương lịch');

  // Tết Âm lịch: last day of the old lunar year (29 or 30 tháng Chạp) and mùng 1–4 tháng Giêng.
  const tet = lunarToSolar(year, 1, 1);
  const tetDay = isoToDayNumber(iso(tet.year, tet.month, tet.day));
  const lastDayNumber = tetDay - 1;
  const [ly, lm, ld] = dayNumberToIso(lastDayNumber).split('-').map(Number) as [number, number, number];
  const chapDay = solarToLunar(ly, lm, ld).day;
  add(dayNumberToIso(lastDayNumber), `Tết Nguyên đán (${chapDay} tháng Chạp)`, 'Tết Nguyên đán');
  NEW_YEAR_DAY_LABELS.forEach((label, i) => {
    add(dayNumberToIso(tetDay + i), `Tết Nguyên đán (${label} tháng Giêng)`, 'Tết Nguyên đán');
  });

  const hung = lunarToSolar(year, 3, 10);
  add(iso(hung.year, hung.month, hung.day), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Giỗ Tổ Hùng Vương');
  add(iso(year, 4, 30), 'Ngày Chiến thắng (30/4)', 'Ngày Chiến thắng');
  add(iso(year, 5, 1), 'Ngày Quốc tế lao động (1/5)', 'Ngày Quốc tế lao động');

  const nationalDay = isoToDayNumber(iso(year, 9, 2));
  const choice = options.nationalDayAdjacent ?? 'auto';
  const weekday = weekdayOfDayNumber(nationalDay);
  const after = choice === 'after' || (choice === 'auto' && (weekday === 1 || weekday === 4));
  add(iso(year, 9, 2), 'Quốc khánh (2/9)', 'Quốc khánh');
  add(dayNumberToIso(nationalDay + (after ? 1 : -1)), `Quốc khánh (ngày liền kề, ${after ? '3/9' : '1/9'})`, 'Quốc khánh');

  for (const extra of options.extraFixedHolidays ?? []) {
    add(iso(year, extra.month, extra.day), extra.name, extra.name);
  }

  holidays.sort((a, b) => a.day - b.day);
  const holidayDays = new Set(holidays.map((h) => h.day));
  if (holidayDays.size !== holidays.length) {
    throw new RangeError(`two holidays fall on the same day in ${year}`);
  }

  // Điều 111.3: each holiday on a weekly rest day moves to the next working day that is neither a holiday
  // nor already taken by an earlier compensatory day (so Tết on Saturday and Sunday gives Monday and Tuesday
  // after the last Tết day).
  const entries: CalendarEntry[] = holidays.map((h) => ({
    date: dayNumberToIso(h.day),
    kind: 'holiday',
    name: h.name,
  }));
  const taken = new Set<number>();
  for (const h of holidays) {
    if (!isRestDay(h.day)) continue;
    let day = h.day + 1;
    while (isRestDay(day) || holidayDays.has(day) || taken.has(day)) day++;
    taken.add(day);
    entries.push({
      date: dayNumberToIso(day),
      kind: 'day_off',
      name: `Nghỉ bù ${h.short} (${shortDate(h.day)} trùng ngày nghỉ hằng tuần)`,
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return entries;
}

/**
 * The fixed-date holidays of Gregorian `year` that no yearly decision moves (Bộ luật Lao động 2019,
 * Điều 112.1): Tết Dương lịch 1/1, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5 and Quốc khánh 2/9 itself. No
 * compensatory days: in a year with an official notice those (and Tết, the day next to 2/9 and any swap) come
 * from the notice's entries. Names are those `statutoryHolidays` gives.
 *
 * @throws RangeError for a year outside 2021–2100.
 */
export function fixedStatutoryHolidays(year: number): CalendarEntry[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(`statutory holidays are defined for ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR}, got ${year}`);
  }
  const hung = lunarToSolar(year, 3, 10);
  return [
    { date: iso(year, 1, 1), kind: 'holiday', name: 'Tết Dương lịch' },
    { date: iso(hung.year, hung.month, hung.day), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: iso(year, 4, 30), kind: 'holiday', name: 'Ngày Chiến thắng (30/4)' },
    { date: iso(year, 5, 1), kind: 'holiday', name: 'Ngày Quốc tế lao động (1/5)' },
    { date: iso(year, 9, 2), kind: 'holiday', name: 'Quốc khánh (2/9)' },
  ];
}
