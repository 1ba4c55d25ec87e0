/**
 * Working days (ngày làm việc) over an explicit calendar specification, and the counting of time limits
 * in working days.
 *
 * Legal basis:
 * - Bộ luật Lao động 2019, Điều 111 (weekly rest: civil servants rest on Saturday and Sunday) and Điều 112
 *   (public holidays); each year's notice for civil servants (thông báo nghỉ lễ, Tết) swaps days and names
 *   make-up working Saturdays. All of that is data in `CalendarSpec.entries`; this module knows no dates.
 * - Counting a time limit (STANDARDS §2, from Bộ luật Dân sự 2015 Điều 144–148 unless the one-stop decree or
 *   the procedure says otherwise): the day of receipt is not counted; a limit of N working days ends at the
 *   end of the N-th working day after it.
 *
 * Dates are plain 'YYYY-MM-DD' strings (proleptic Gregorian, years 0001–9999) and are handled as integer
 * day numbers, never through local time. Pure module: no I/O, no clock.
 */

/** Kind of a dated calendar entry. */
export type DayKind = 'holiday' | 'day_off' | 'working_override';

/** One dated entry from the law or a yearly notice. */
export interface CalendarEntry {
  /** 'YYYY-MM-DD'. */
  date: string;
  /**
   * 'holiday': a public holiday (ngày nghỉ lễ, tết); 'day_off': another non-working day (nghỉ bù, a swapped
   * weekday); 'working_override': a rest day worked instead (ngày làm bù), e.g. a Saturday.
   */
  kind: DayKind;
  /** Vietnamese reason shown to users, with the notice number, e.g. 'Ngày làm bù (Thông báo 6150/TB-LĐTBXH)'. */
  name: string;
}

/** A working-day calendar: the weekly rest days plus dated entries. */
export interface CalendarSpec {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday; civil servants: [0, 6]. */
  weekendDays: number[];
  /** Dated entries from the law and from each year's official notice. */
  entries: CalendarEntry[];
}

/** What a given day is, and why. */
export type DayStatus = {
  working: boolean;
  /** Vietnamese reason, or null for an ordinary working weekday. */
  reason: string | null;
  kind: 'weekday' | 'weekend' | 'holiday' | 'day_off' | 'make_up_working_day';
};

/** A calendar with its entries indexed once; all operations are O(1) per day visited. */
export interface CompiledCalendar {
  readonly spec: CalendarSpec;
  dayStatus(isoDate: string): DayStatus;
  isWorkingDay(isoDate: string): boolean;
  addWorkingDays(fromIsoDate: string, n: number): string;
  workingDaysBetween(fromIsoDate: string, toIsoDate: string): number;
  nextWorkingDay(isoDate: string): string;
}

/** Largest number of working days `addWorkingDays` accepts (about 14 years). */
export const MAX_WORKING_DAYS = 3650;

const REASON_WEEKEND = 'Cuối tuần';
const REASON_MAKE_UP = 'Ngày làm bù';
const KINDS: readonly DayKind[] = ['holiday', 'day_off', 'working_override'];
/** When one date carries several entries, the higher rank wins: a notice's working day beats the rest. */
const KIND_RANK: Record<DayKind, number> = { working_override: 3, holiday: 2, day_off: 1 };

// ---------------------------------------------------------------------------------------------------------
// Day numbers: days since 1970-01-01 (civil-from-days / days-from-civil, integer arithmetic only)
// ---------------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/**
 * Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date.
 * @throws RangeError for anything that is not a real calendar date in that exact format.
 */
export function isoToDayNumber(isoDate: string): number {
  const match = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  if (!match) throw new RangeError(`expected a date as 'YYYY-MM-DD', got ${JSON.stringify(isoDate)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const days = daysFromCivil(y, m, d);
  const [y2, m2, d2] = civilFromDays(days);
  if (y < 1 || y2 !== y || m2 !== m || d2 !== d) throw new RangeError(`not a calendar date: ${isoDate}`);
  return days;
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function dayNumberToIso(days: number): string {
  const [y, m, d] = civilFromDays(days);
  if (y < 1 || y > 9999) throw new RangeError(`date out of range (year ${y})`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------------------------------------

function checkWorkingDayCount(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`the number of working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${String(n)}`);
  }
}

/**
 * Validates a calendar spec and indexes its entries by day, once.
 *
 * @throws RangeError for a weekend day outside 0–6, a week with no working weekday, a bad date or kind.
 */
export function compileCalendar(spec: CalendarSpec): CompiledCalendar {
  if (!spec || !Array.isArray(spec.weekendDays) || !Array.isArray(spec.entries)) {
    throw new RangeError('a calendar spec needs weekendDays and entries arrays');
  }
  const weekend: boolean[] = [false, false, false, false, false, false, false];
  for (const day of spec.weekendDays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new RangeError(`weekendDays must hold integers 0 (Sunday) to 6 (Saturday), got ${String(day)}`);
    }
    weekend[day] = true;
  }
  if (weekend.every(Boolean)) throw new RangeError('a calendar needs at least one working day in the week');

  const byDay = new Map<number, CalendarEntry>();
  for (const entry of spec.entries) {
    if (!entry || !KINDS.includes(entry.kind)) {
      throw new RangeError(`unknown calendar entry kind ${JSON.stringify(entry?.kind)}`);
    }
    if (typeof entry.name !== 'string') throw new RangeError(`calendar entry ${entry.date} needs a name`);
    const day = isoToDayNumber(entry.date);
    const existing = byDay.get(day);
    if (!existing || KIND_RANK[entry.kind] > KIND_RANK[existing.kind]) byDay.set(day, entry);
  }

  const isWorking = (day: number): boolean => {
    const entry = byDay.get(day);
    if (entry) return entry.kind === 'working_override';
    return !weekend[weekdayOfDayNumber(day)];
  };

  const statusOf = (day: number): DayStatus => {
    const entry = byDay.get(day);
    if (entry) {
      if (entry.kind === 'working_override') {
        const name = entry.name.trim();
        const reason = name === '' ? REASON_MAKE_UP : name.startsWith(REASON_MAKE_UP) ? name : `${REASON_MAKE_UP}: ${name}`;
        return { working: true, reason, kind: 'make_up_working_day' };
      }
      return { working: false, reason: entry.name, kind: entry.kind };
    }
    if (weekend[weekdayOfDayNumber(day)]) return { working: false, reason: REASON_WEEKEND, kind: 'weekend' };
    return { working: true, reason: null, kind: 'weekday' };
  };

  /** The n-th working day strictly after `from`; terminates because every week has a working weekday. */
  const addDays = (from: number, n: number): number => {
    let day = from;
    let counted = 0;
    while (counted < n) {
      day++;
      if (isWorking(day)) counted++;
    }
    return day;
  };

  const countBetween = (from: number, to: number): number => {
    if (to < from) return -countBetween(to, from);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (isWorking(day)) count++;
    return count;
  };

  return {
    spec,
    dayStatus: (isoDate) => statusOf(isoToDayNumber(isoDate)),
    isWorkingDay: (isoDate) => isWorking(isoToDayNumber(isoDate)),
    addWorkingDays: (fromIsoDate, n) => {
      checkWorkingDayCount(n);
      return dayNumberToIso(addDays(isoToDayNumber(fromIsoDate), n));
    },
    workingDaysBetween: (fromIsoDate, toIsoDate) => countBetween(isoToDayNumber(fromIsoDate), isoToDayNumber(toIsoDate)),
    nextWorkingDay: (isoDate) => dayNumberToIso(addDays(isoToDayNumber(isoDate), 1)),
  };
}

// One compiled calendar per spec object. Specs are treated as immutable values: build a new spec object
// (not a mutated one) when an administrator adds a day, or call compileCalendar directly.
const compiledSpecs = new WeakMap<CalendarSpec, CompiledCalendar>();

function compiled(spec: CalendarSpec): CompiledCalendar {
  let calendar = compiledSpecs.get(spec);
  if (!calendar) {
    calendar = compileCalendar(spec);
    compiledSpecs.set(spec, calendar);
  }
  return calendar;
}

// ---------------------------------------------------------------------------------------------------------
// Function API
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether `isoDate` is a working day, and why not. Precedence: a make-up working day (ngày làm bù) beats the
 * weekend; a holiday or day off beats an ordinary weekday; otherwise the weekly rest days decide
 * (Bộ luật Lao động 2019, Điều 111–112, and the year's notice).
 */
export function dayStatus(spec: CalendarSpec, isoDate: string): DayStatus {
  return compiled(spec).dayStatus(isoDate);
}

/** True when `isoDate` is a working day under `spec`. */
export function isWorkingDay(spec: CalendarSpec, isoDate: string): boolean {
  return compiled(spec).isWorkingDay(isoDate);
}

/**
 * Due date of a time limit of `n` working days counted from `fromIsoDate` (the day of receipt): the day of
 * receipt is not counted and the limit ends at the end of the n-th working day after it (STANDARDS §2;
 * Bộ luật Dân sự 2015, Điều 147). With n = 0 the same date is returned. A dossier received on a rest day
 * therefore has its first counted day on the next working day.
 *
 * @throws RangeError unless n is an integer from 0 to 3650.
 */
export function addWorkingDays(spec: CalendarSpec, fromIsoDate: string, n: number): string {
  return compiled(spec).addWorkingDays(fromIsoDate, n);
}

/**
 * Number of working days strictly after `fromIsoDate` up to and including `toIsoDate`; negative when
 * `toIsoDate` is before `fromIsoDate`. Inverse of addWorkingDays: workingDaysBetween(s, d, addWorkingDays(s, d, n)) = n.
 */
export function workingDaysBetween(spec: CalendarSpec, fromIsoDate: string, toIsoDate: string): number {
  return compiled(spec).workingDaysBetween(fromIsoDate, toIsoDate);
}

/**
 * First working day strictly after `isoDate` (e.g. where a dossier received after the cut-off hour or on a
 * rest day starts to count).
 */
export function nextWorkingDay(spec: CalendarSpec, isoDate: string): string {
  return compiled(spec).nextWorkingDay(isoDate);
}
