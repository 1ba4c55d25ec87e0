/**
 * Slot rules of home visits: a visit (slot_start to slot_start + the unit's visit length) must be in the future, not
 * too far ahead, on a working day of the unit's calendar (weekly rest days, public holidays and yearly notices come
 * from the calendar module), inside one of the unit's office sessions (units.office_hours, by default 07:00–11:30 and
 * 13:30–17:00), and must leave the unit's travel time free between it and every other visit of the person assigned
 * (one trip: visit, travel, next visit). Pure: `now`, the calendar and the other visits are parameters. Times are
 * Vietnam local time (UTC+7 all year); instants are Dates.
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const VIETNAM_OFFSET_MS = 7 * 3600_000;
/** Defaults of a unit without appointment_settings. */
export const DEFAULT_VISIT_MINUTES = 45;
export const DEFAULT_TRAVEL_MINUTES = 30;
/** Visits are booked at most this many days ahead. */
export const MAX_DAYS_AHEAD = 90;
/** The citizen's reminder goes out the day before the visit at this Vietnam time. */
export const REMINDER_HOUR = 16;

export interface SlotSettings {
  visitMinutes: number;
  travelMinutes: number;
}

/** A unit's office session as units.office_hours stores it: weekdays 0 = Sunday … 6 = Saturday, 'HH:MM'. */
export interface OfficeSession {
  days: readonly number[];
  open: string;
  close: string;
}

/** What the calendar says of a day (CompiledCalendar.dayStatus of the calendar module). */
export interface DayInfo {
  working: boolean;
  kind: string;
  reason: string | null;
}

export interface OtherVisit {
  code: string;
  start: Date;
  end: Date;
}

export interface SlotContext {
  now: Date;
  dayStatus(isoDate: string): DayInfo;
  officeHours: readonly OfficeSession[];
  settings: SlotSettings;
  /** The assigned person's other open visits (empty when nobody is assigned yet). */
  others: readonly OtherVisit[];
  /** The assigned person's name, for the overlap message. */
  assigneeName?: string | null;
}

export type SlotRefusalReason = 'invalid' | 'past' | 'too_far' | 'closed_day' | 'outside_hours' | 'overlap';
export type SlotCheck = { ok: true; start: Date; end: Date } | { ok: false; reason: SlotRefusalReason; message: Text; otherCode?: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnam local date 'YYYY-MM-DD' and minute of the day of an instant. */
export function vietnamLocal(at: Date): { date: string; minute: number } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** 'HH:MM' of a minute of the day. */
export const hhmm = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
/** dd/mm/yyyy of 'YYYY-MM-DD'. */
export const viDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** "09:00–09:45 ngày 12/03/2026" of a visit. */
export function describeVisit(start: Date, end: Date): string {
  const a = vietnamLocal(start);
  const b = vietnamLocal(end);
  return `${hhmm(a.minute)}–${hhmm(b.minute)} ngày ${viDate(a.date)}`;
}

/**
 * The instant of a Vietnam local date and time ('YYYY-MM-DD', 'HH:MM'), or null when either is not a real date or time
 * (2026-02-30, 24:10, "9h").
 */
export function fromVietnamLocal(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, h, min] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59 || y < 2000 || y > 2100) return null;
  const ms = Date.UTC(y, m - 1, day, h, min) - VIETNAM_OFFSET_MS;
  const back = new Date(ms + VIETNAM_OFFSET_MS);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== day) return null;
  return new Date(ms);
}

const minutesOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();
const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekdayNamesEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Office sessions of a working day, as [open, close] minutes: the sessions listed for its weekday, or, on a working
 * day whose weekday lists none (a make-up Saturday), those of the first weekday that lists some (as the due-date rules do).
 */
export function sessionsOn(isoDate: string, hours: readonly OfficeSession[]): [number, number][] {
  const of = (wd: number) =>
    hours
      .filter((s) => s.days.includes(wd))
      .map((s): [number, number] => [minutesOf(s.open), minutesOf(s.close)])
      .sort((a, b) => a[0] - b[0]);
  const listed = of(weekdayOf(isoDate));
  if (listed.length) return listed;
  for (const wd of [1, 2, 3, 4, 5, 6, 0]) {
    const s = of(wd);
    if (s.length) return s;
  }
  return [[0, 24 * 60]];
}

/** The sessions as people read them: "07:00–11:30, 13:30–17:00". */
export const describeSessions = (sessions: [number, number][]): string => sessions.map(([a, b]) => `${hhmm(a)}–${hhmm(b)}`).join(', ');

/**
 * Checks a visit starting at `start` against the rules above; a refusal names the problem in Vietnamese and English
 * (the date that is a holiday and why, the office hours, the other visit and the travel time).
 */
export function checkSlot(start: Date, ctx: SlotContext): SlotCheck {
  if (Number.isNaN(start.getTime())) return { ok: false, reason: 'invalid', message: { vi: 'Thời điểm hẹn không hợp lệ', en: 'Not a valid time' } };
  const end = new Date(start.getTime() + ctx.settings.visitMinutes * 60_000);
  const { date, minute } = vietnamLocal(start);
  const endMinute = minute + ctx.settings.visitMinutes;
  const when = `${hhmm(minute)} ngày ${viDate(date)}`;
  const whenEn = `${hhmm(minute)} on ${viDate(date)}`;
  if (start.getTime() <= ctx.now.getTime()) {
    return {
      ok: false,
      reason: 'past',
      message: { vi: `Giờ hẹn ${when} đã qua: hãy chọn một thời điểm sắp tới`, en: `${whenEn} is in the past: choose a time ahead` },
    };
  }
  if (start.getTime() > ctx.now.getTime() + MAX_DAYS_AHEAD * 86_400_000) {
    return {
      ok: false,
      reason: 'too_far',
      message: { vi: `Chỉ hẹn trước tối đa ${MAX_DAYS_AHEAD} ngày`, en: `Visits are booked at most ${MAX_DAYS_AHEAD} days ahead` },
    };
  }
  const day = ctx.dayStatus(date);
  if (!day.working) {
    const wd = weekdayOf(date);
    const why = day.kind === 'weekend' ? `${weekdayNames[wd]}, ngày nghỉ cuối tuần` : (day.reason ?? 'ngày nghỉ');
    const whyEn = day.kind === 'weekend' ? `a ${weekdayNamesEn[wd]}, a weekly rest day` : `a day off (${day.reason ?? 'holiday'})`;
    return {
      ok: false,
      reason: 'closed_day',
      message: {
        vi: `Ngày ${viDate(date)} là ${why}: không hẹn được, hãy chọn một ngày làm việc`,
        en: `${viDate(date)} is ${whyEn}: choose a working day`,
      },
    };
  }
  const sessions = sessionsOn(date, ctx.officeHours);
  if (!sessions.some(([open, close]) => minute >= open && endMinute <= close)) {
    const hours = describeSessions(sessions);
    return {
      ok: false,
      reason: 'outside_hours',
      message: {
        vi: `Lượt hẹn ${hhmm(minute)}–${hhmm(endMinute % 1440)} nằm ngoài giờ làm việc (${hours}): buổi hẹn ${ctx.settings.visitMinutes} phút phải nằm trọn trong một buổi làm việc`,
        en: `The visit ${hhmm(minute)}–${hhmm(endMinute % 1440)} is outside office hours (${hours}): a ${ctx.settings.visitMinutes}-minute visit must fit in one session`,
      },
    };
  }
  const gap = ctx.settings.travelMinutes * 60_000;
  const clash = [...ctx.others]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .find((o) => start.getTime() < o.end.getTime() + gap && o.start.getTime() < end.getTime() + gap);
  if (clash) {
    const who = ctx.assigneeName ? ` của ${ctx.assigneeName}` : '';
    const whoEn = ctx.assigneeName ? ` of ${ctx.assigneeName}` : '';
    return {
      ok: false,
      reason: 'overlap',
      otherCode: clash.code,
      message: {
        vi: `Trùng lịch với lượt hẹn ${clash.code} (${describeVisit(clash.start, clash.end)})${who}: cần cách ít nhất ${ctx.settings.travelMinutes} phút đi lại giữa hai lượt hẹn`,
        en: `Overlaps visit ${clash.code} (${describeVisit(clash.start, clash.end)})${whoEn}: at least ${ctx.settings.travelMinutes} minutes of travel are needed between two visits`,
      },
    };
  }
  return { ok: true, start, end };
}

/**
 * When the citizen's reminder goes out: the day before the visit at 16:00 Vietnam time; null when that moment is not
 * after `now` (a visit confirmed for tomorrow evening or today: the confirmation itself is the reminder).
 */
export function reminderAt(slotStart: Date, now: Date): Date | null {
  const { date } = vietnamLocal(slotStart);
  const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000);
  const at = new Date(dayBefore.getTime() + REMINDER_HOUR * 3600_000 - VIETNAM_OFFSET_MS);
  return at.getTime() > now.getTime() ? at : null;
}
