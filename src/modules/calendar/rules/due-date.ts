/**
 * Due dates of time limits counted in working days or working hours, from the moment a dossier is received,
 * in Vietnam time (UTC+7, no daylight saving).
 *
 * Legal basis and our reading of it (STANDARDS §2; Bộ luật Dân sự 2015, Điều 144–148, unless the one-stop
 * decree or the procedure says otherwise):
 * - Working days: the day of receipt is not counted; a limit of N working days ends at the end of the N-th
 *   working day after it (working-days.ts, `addWorkingDays`).
 * - Cut-off hour and office hours (per-procedure and per-unit settings): a dossier received after the cut-off
 *   hour, after the unit's last office session of the day, or on a day the unit does not receive dossiers
 *   (weekend without reception hours, holiday, day off) is deemed received on the next working day, and that
 *   day is the (uncounted) day of receipt. "Counts from the next working day" can only mean this: were the
 *   next working day the first counted day, a cut-off would change nothing. It also keeps due dates monotonic
 *   (a later receipt never gets an earlier due date). A unit with reception hours on a Saturday morning
 *   receives on that Saturday; counting then starts on the next working day.
 * - A plain date without a time is itself the day of receipt (the cut-off cannot apply).
 * - Working hours: counted inside the unit's office sessions on working days only (e.g. 07:00–11:30 and
 *   13:30–17:00), from the moment of receipt, or from the first session of the next working day when received
 *   after the cut-off; the due moment is the exact instant the hours run out.
 * A make-up working day (ngày làm bù) on a weekday without listed hours uses the hours of the first listed
 * weekday (Monday first).
 *
 * Pure module: no I/O, no clock.
 */

import type { CompiledCalendar } from './working-days.ts';
import { dayNumberToIso, isoToDayNumber, weekdayOfDayNumber } from './working-days.ts';

/** Vietnam's offset from UTC, in minutes (UTC+7 all year). */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
/** Largest time limit in working hours accepted (about 14 years of 8-hour days). */
export const MAX_WORKING_HOURS = 3650 * 8;

/** A unit's office session, e.g. { days: [1,2,3,4,5], open: '07:00', close: '11:30' }. */
export interface OfficeSession {
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  open: string;
  close: string;
}

/** A moment in Vietnam local time. */
export interface LocalMoment {
  /** 'YYYY-MM-DD' in Vietnam. */
  date: string;
  /** Seconds since local midnight, 0–86399. */
  second: number;
  /** false when only a date was given. */
  hasTime: boolean;
}

export interface DueDateInput {
  received: LocalMoment;
  /** Limit in working days (integer 0–3650); exactly one of workingDays and workingHours. */
  workingDays?: number;
  /** Limit in working hours (integer, 0–29200). */
  workingHours?: number;
  /** Cut-off as minutes after midnight (e.g. 15:00 → 900), or null. */
  cutoffMinute?: number | null;
}

export interface DueDate {
  /** Due date, 'YYYY-MM-DD'. */
  date: string;
  /** Working days: the end of the unit's office hours on `date`; working hours: the exact due moment. ISO with +07:00. */
  dueAt: string;
  /** The day of receipt used for counting: the day received, or the next working day when received late. */
  countsFrom: string;
  /** true when the receipt was moved to the next working day (after the cut-off, after hours or on a closed day). */
  movedToNextWorkingDay: boolean;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Parses an ISO 8601 date ('2026-02-13') or date-time ('2026-02-13T16:00', '2026-02-13T09:00:00Z',
 * '…+07:00') into Vietnam local time. A date-time without an offset is Vietnam time.
 *
 * @throws RangeError for anything else, or a date or time that does not exist.
 */
export function parseMoment(value: string | Date): LocalMoment {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return fromEpochMs(ms);
  }
  const m = typeof value === 'string' ? MOMENT.exec(value.trim()) : null;
  if (!m) throw new RangeError(`expected an ISO 8601 date or date-time, got ${JSON.stringify(value)}`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const day = isoToDayNumber(date);
  if (m[4] === undefined) return { date, second: 0, hasTime: false };
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || min > 59 || s > 59) throw new RangeError(`not a time of day: ${value}`);
  let offset = VIETNAM_OFFSET_MINUTES;
  const zone = m[7];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 14 || om > 59) throw new RangeError(`not a UTC offset: ${zone}`);
    offset = sign * (oh * 60 + om);
  } else if (zone) offset = 0;
  let second = h * 3600 + min * 60 + s + (VIETNAM_OFFSET_MINUTES - offset) * 60;
  let local = day;
  while (second < 0) {
    second += 86400;
    local--;
  }
  while (second >= 86400) {
    second -= 86400;
    local++;
  }
  return { date: dayNumberToIso(local), second, hasTime: true };
}

/** Vietnam local time of an instant (milliseconds since the epoch). */
export function fromEpochMs(ms: number): LocalMoment {
  const localSeconds = Math.floor(ms / 1000) + VIETNAM_OFFSET_MINUTES * 60;
  const day = Math.floor(localSeconds / 86400);
  return { date: dayNumberToIso(day), second: localSeconds - day * 86400, hasTime: true };
}

/** 'HH:MM' (00:00–23:59, or 24:00 for the end of a day) → minutes after midnight. @throws RangeError */
export function parseTimeOfDay(value: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`expected a time as 'HH:MM', got ${JSON.stringify(value)}`);
  return minutes;
}

/** ISO 8601 with the +07:00 offset, e.g. '2026-02-27T17:00:00+07:00'. */
export function formatVietnamMoment(date: string, second: number): string {
  const s = Math.min(Math.max(0, Math.round(second)), 86399);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}+07:00`;
}

type Span = [number, number]; // seconds after midnight, open–close

/** Office sessions as second spans per weekday, validated once. */
export interface OfficeHours {
  /** Sessions of a weekday 0–6, sorted by opening time. */
  byWeekday: Span[][];
  /** Sessions used on a working day whose weekday lists none (e.g. a make-up Saturday). */
  fallback: Span[];
  /** No sessions at all: every working day counts whole (00:00–24:00). */
  empty: boolean;
}

/** Indexes office sessions by weekday. @throws RangeError for a bad time, a closing before an opening or a weekday outside 0–6. */
export function compileOfficeHours(sessions: readonly OfficeSession[]): OfficeHours {
  const byWeekday: Span[][] = [[], [], [], [], [], [], []];
  for (const s of sessions) {
    const open = parseTimeOfDay(s.open) * 60;
    const close = parseTimeOfDay(s.close) * 60;
    if (close <= open) throw new RangeError(`office session closes before it opens: ${s.open}–${s.close}`);
    for (const d of s.days) {
      if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`weekday must be 0–6, got ${String(d)}`);
      byWeekday[d]?.push([open, close]);
    }
  }
  for (const list of byWeekday) list.sort((a, b) => a[0] - b[0]);
  const firstListed = [1, 2, 3, 4, 5, 6, 0].find((d) => (byWeekday[d]?.length ?? 0) > 0);
  return { byWeekday, fallback: firstListed === undefined ? [] : (byWeekday[firstListed] ?? []), empty: firstListed === undefined };
}

const WHOLE_DAY: Span[] = [[0, 86400]];

/** Sessions in which hours are counted on `date`: none on a non-working day. */
function workingSessions(cal: CompiledCalendar, hours: OfficeHours, day: number): Span[] {
  if (!cal.isWorkingDay(dayNumberToIso(day))) return [];
  if (hours.empty) return WHOLE_DAY;
  const listed = hours.byWeekday[weekdayOfDayNumber(day)] ?? [];
  return listed.length > 0 ? listed : hours.fallback;
}

/** Sessions in which dossiers are received on `date`: working sessions, or a weekend's listed reception hours. */
function receptionSessions(cal: CompiledCalendar, hours: OfficeHours, day: number): Span[] {
  const status = cal.dayStatus(dayNumberToIso(day));
  if (status.working) return workingSessions(cal, hours, day);
  if (status.kind !== 'weekend' || hours.empty) return [];
  return hours.byWeekday[weekdayOfDayNumber(day)] ?? [];
}

function checkLimits(input: DueDateInput): void {
  const hasDays = input.workingDays !== undefined;
  const hasHours = input.workingHours !== undefined;
  if (hasDays === hasHours) throw new RangeError('give exactly one of workingDays and workingHours');
  if (hasHours) {
    const h = input.workingHours as number;
    if (!Number.isInteger(h) || h < 0 || h > MAX_WORKING_HOURS) throw new RangeError(`workingHours must be an integer from 0 to ${MAX_WORKING_HOURS}`);
  }
  const c = input.cutoffMinute;
  if (c !== undefined && c !== null && (!Number.isInteger(c) || c < 0 || c > 24 * 60)) throw new RangeError('cutoffMinute must be 0–1440');
}

/**
 * The due date of a time limit for a dossier received at `input.received`, under the unit's compiled
 * calendar and office hours (see the module comment for the rules).
 *
 * @throws RangeError for a limit out of range, both or neither limit given.
 */
export function computeDueDate(cal: CompiledCalendar, hours: OfficeHours, input: DueDateInput): DueDate {
  checkLimits(input);
  const { received } = input;
  const receivedDay = isoToDayNumber(received.date);
  const cutoff = input.cutoffMinute ?? null;
  let moved = false;
  if (received.hasTime) {
    const sessions = receptionSessions(cal, hours, receivedDay);
    const lastClose = sessions.length > 0 ? (sessions[sessions.length - 1] as Span)[1] : -1;
    const afterCutoff = cutoff !== null && received.second > cutoff * 60;
    moved = afterCutoff || sessions.length === 0 || received.second > lastClose;
  }
  const countsFromDay = moved ? isoToDayNumber(cal.nextWorkingDay(received.date)) : receivedDay;
  const countsFrom = dayNumberToIso(countsFromDay);

  if (input.workingDays !== undefined) {
    const date = cal.addWorkingDays(countsFrom, input.workingDays);
    const day = isoToDayNumber(date);
    const sessions = workingSessions(cal, hours, day);
    const reception = sessions.length > 0 ? sessions : receptionSessions(cal, hours, day);
    const close = reception.length > 0 ? (reception[reception.length - 1] as Span)[1] : 86400;
    return { date, dueAt: formatVietnamMoment(date, close === 86400 ? 86399 : close), countsFrom, movedToNextWorkingDay: moved };
  }

  // Working hours: consume office time session by session.
  let remaining = (input.workingHours as number) * 3600;
  let cursor = moved || !received.hasTime ? 0 : received.second;
  for (let day = countsFromDay; ; day++) {
    if (day - countsFromDay > 366 * 100) throw new RangeError('the office hours leave too little working time for this limit');
    for (const [open, close] of workingSessions(cal, hours, day)) {
      const start = Math.max(open, cursor);
      if (start >= close) continue;
      if (remaining <= close - start) {
        const date = dayNumberToIso(day);
        const at = start + remaining;
        return { date, dueAt: formatVietnamMoment(date, at === 86400 ? 86399 : at), countsFrom, movedToNextWorkingDay: moved };
      }
      remaining -= close - start;
    }
    cursor = 0;
  }
}
