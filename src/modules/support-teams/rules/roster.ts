/**
 * Rules of the support teams (Đội hỗ trợ dịch vụ công miễn phí, model M5): teams and members, duty shifts in Vietnam
 * time, who is on duty at a moment, and what the public may see of a member. Pure: no I/O, no clock (`now` is a
 * parameter).
 */
import type { FieldError } from '../../../platform/errors.ts';
import { checkContact, cleanText } from '../../../platform/text/index.ts';

export const organisations = ['youth_union', 'women_union', 'veterans', 'farmers', 'fatherland_front', 'trade_union', 'other'] as const;
export type Organisation = (typeof organisations)[number];
export const dutyKinds = ['desk', 'hotline', 'online_chat', 'home_visit'] as const;
export type DutyKind = (typeof dutyKinds)[number];

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const PERSON_MAX = 120;
export const NOTE_MAX = 500;
/** A shift is part of one day: at most 12 hours. */
export const MAX_SHIFT_HOURS = 12;

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const len = (s: string) => [...s].length;
const msg = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });
/** Text that looks like markup is refused in names: it is never rendered as HTML, but a name with tags is a mistake or an attack. */
const MARKUP = /[<>]/;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface TeamDraft {
  name: string;
  organisation: Organisation;
  description: string | null;
}

/** A team: a name of 2–200 characters without markup, a known organisation, an optional description up to 2000. */
export function checkTeam(input: { name?: unknown; organisation?: unknown; description?: unknown }): Checked<TeamDraft> {
  const errors: FieldError[] = [];
  const name = cleanText(input.name);
  if (len(name) < 2 || len(name) > NAME_MAX) errors.push(msg('name', `Tên đội cần từ 2 đến ${NAME_MAX} ký tự`, `The name needs 2 to ${NAME_MAX} characters`));
  else if (MARKUP.test(name)) errors.push(msg('name', 'Tên đội không được chứa ký tự < hoặc >', 'The name must not contain < or >'));
  const organisation = organisations.find((o) => o === input.organisation);
  if (!organisation) errors.push(msg('organisation', 'Hãy chọn tổ chức', 'Choose the organisation'));
  const description = cleanText(input.description);
  if (len(description) > DESCRIPTION_MAX) errors.push(msg('description', `Mô tả dài tối đa ${DESCRIPTION_MAX} ký tự`, `At most ${DESCRIPTION_MAX} characters`));
  if (errors.length || !organisation) return { ok: false, errors };
  return { ok: true, value: { name, organisation, description: description || null } };
}

export interface MemberDraft {
  fullName: string;
  organisation: Organisation;
  phone: string | null;
  publicPhoneConsent: boolean;
  username: string | null;
}

/**
 * A member: a full name of 2–120 characters without markup, a known organisation, an optional Vietnamese phone number
 * (kept as 0xxxxxxxxx), consent to show it publicly while on duty (only with a phone), and an optional staff username
 * of the account the member signs in with.
 */
export function checkMember(input: {
  fullName?: unknown;
  organisation?: unknown;
  phone?: unknown;
  publicPhoneConsent?: boolean;
  username?: unknown;
}): Checked<MemberDraft> {
  const errors: FieldError[] = [];
  const fullName = cleanText(input.fullName);
  if (len(fullName) < 2 || len(fullName) > PERSON_MAX)
    errors.push(msg('fullName', `Họ và tên cần từ 2 đến ${PERSON_MAX} ký tự`, `The name needs 2 to ${PERSON_MAX} characters`));
  else if (MARKUP.test(fullName)) errors.push(msg('fullName', 'Họ và tên không được chứa ký tự < hoặc >', 'The name must not contain < or >'));
  const organisation = organisations.find((o) => o === input.organisation);
  if (!organisation) errors.push(msg('organisation', 'Hãy chọn tổ chức', 'Choose the organisation'));
  const phoneText = cleanText(input.phone);
  let phone: string | null = null;
  if (phoneText) {
    const c = checkContact(phoneText);
    if (!c.ok || c.kind !== 'phone')
      errors.push(msg('phone', 'Số điện thoại không đúng (10 chữ số, bắt đầu bằng 0)', 'Not a valid phone number (10 digits starting with 0)'));
    else phone = c.value;
  }
  const consent = input.publicPhoneConsent === true;
  if (consent && !phoneText) errors.push(msg('publicPhoneConsent', 'Chỉ đồng ý công khai khi có số điện thoại', 'Consent needs a phone number to publish'));
  const username = cleanText(input.username).toLowerCase();
  if (username && !/^[a-z0-9._-]{3,64}$/.test(username)) errors.push(msg('username', 'Tên đăng nhập không đúng', 'Not a valid username'));
  if (errors.length || !organisation) return { ok: false, errors };
  return { ok: true, value: { fullName, organisation, phone, publicPhoneConsent: consent && phone !== null, username: username || null } };
}

/** The moment a Vietnam date and wall-clock time name (`2026-10-15`, `07:30`), or null when they name none. */
export function vietnamMoment(date: string, time: string): Date | null {
  const d = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  const t = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const utc = Date.UTC(y, mo - 1, day, Number(t[1]), Number(t[2]));
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== day) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/** The Vietnam date (YYYY-MM-DD) of a moment. */
export const vietnamDay = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
/** The Vietnam wall-clock time (HH:MM) of a moment. */
export const vietnamTime = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);

/** The Monday of the week (Vietnam) a date falls in, and the seven dates from it. */
export function weekOf(date: string): { monday: string; days: string[] } {
  const at = Date.parse(`${date}T00:00:00Z`);
  const dow = new Date(at).getUTCDay(); // 0 = Sunday
  const monday = at - ((dow + 6) % 7) * DAY_MS;
  const days = Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
  return { monday: days[0] as string, days };
}

/** A date moved by whole days. */
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface ShiftDraft {
  duty: DutyKind;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
  memberIds: number[];
}

/**
 * A duty shift: a known duty, a date and start–end times in Vietnam (HH:MM, end after start, at most 12 hours, in one
 * day), not starting in the past (`now`), at least one member and at most 20, and a note up to 500 characters.
 */
export function checkShift(
  input: { duty?: unknown; date?: unknown; start?: unknown; end?: unknown; note?: unknown; memberIds?: unknown },
  now: Date,
): Checked<ShiftDraft> {
  const errors: FieldError[] = [];
  const duty = dutyKinds.find((k) => k === input.duty);
  if (!duty) errors.push(msg('duty', 'Hãy chọn hình thức trực', 'Choose the duty'));
  const date = cleanText(input.date);
  const start = cleanText(input.start);
  const end = cleanText(input.end);
  const validDate = vietnamMoment(date, '00:00') !== null;
  if (!validDate) errors.push(msg('date', 'Hãy nhập ngày trực (yyyy-mm-dd)', 'Enter the date (yyyy-mm-dd)'));
  const startsAt = validDate ? vietnamMoment(date, start) : null;
  const endsAt = validDate ? vietnamMoment(date, end) : null;
  if (validDate && !startsAt) errors.push(msg('start', 'Hãy nhập giờ bắt đầu (hh:mm)', 'Enter the start time (hh:mm)'));
  if (validDate && !endsAt) errors.push(msg('end', 'Hãy nhập giờ kết thúc (hh:mm)', 'Enter the end time (hh:mm)'));
  if (startsAt && endsAt) {
    if (endsAt <= startsAt) errors.push(msg('end', 'Giờ kết thúc phải sau giờ bắt đầu', 'The end must be after the start'));
    else if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 3600_000)
      errors.push(msg('end', `Một ca trực dài tối đa ${MAX_SHIFT_HOURS} giờ`, `A shift lasts at most ${MAX_SHIFT_HOURS} hours`));
    if (startsAt.getTime() < now.getTime()) errors.push(msg('date', 'Không tạo được ca trực trong quá khứ', 'A shift cannot start in the past'));
  }
  const rawIds = Array.isArray(input.memberIds) ? input.memberIds : input.memberIds === undefined || input.memberIds === null ? [] : [input.memberIds];
  const memberIds = [...new Set(rawIds.map((v) => Number(v)))];
  if (memberIds.length === 0) errors.push(msg('memberIds', 'Hãy chọn ít nhất một thành viên trực', 'Choose at least one member'));
  else if (memberIds.length > 20) errors.push(msg('memberIds', 'Một ca trực có tối đa 20 thành viên', 'At most 20 members a shift'));
  else if (memberIds.some((n) => !Number.isSafeInteger(n) || n < 1)) errors.push(msg('memberIds', 'Thành viên không hợp lệ', 'Not a valid member'));
  const note = cleanText(input.note);
  if (len(note) > NOTE_MAX) errors.push(msg('note', `Ghi chú dài tối đa ${NOTE_MAX} ký tự`, `At most ${NOTE_MAX} characters`));
  if (errors.length || !duty || !startsAt || !endsAt) return { ok: false, errors };
  return { ok: true, value: { duty, startsAt, endsAt, note: note || null, memberIds } };
}

/** Whether two time spans [start, end) overlap (one ending as the other starts does not). */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** Whether a shift is running at `now`. */
export const isOnDuty = (s: { startsAt: Date; endsAt: Date }, now: Date): boolean =>
  s.startsAt.getTime() <= now.getTime() && now.getTime() < s.endsAt.getTime();

/**
 * The phone the public may see for a member: only while the member is on duty (`onDuty`) and only when the member
 * agreed (public_phone_consent). Otherwise null, and the page shows the unit's phone.
 */
export function publicPhoneOf(m: { phone: string | null; publicPhoneConsent: boolean }, onDuty: boolean): string | null {
  return onDuty && m.publicPhoneConsent && m.phone ? m.phone : null;
}
