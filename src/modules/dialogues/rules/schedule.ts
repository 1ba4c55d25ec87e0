import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';

export const dialogueKinds = ['radio', 'business_coffee'] as const;
export type DialogueKind = (typeof dialogueKinds)[number];
export const dialogueFormats = ['meeting', 'site_visit'] as const;
export type DialogueFormat = (typeof dialogueFormats)[number];
export const dialogueStatuses = ['planned', 'held', 'cancelled'] as const;
export type DialogueStatus = (typeof dialogueStatuses)[number];

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 5000;
export const PLACE_MAX = 300;
export const SUMMARY_MAX = 20000;
export const REASON_MAX = 1000;
/** A dialogue is one sitting: a radio programme or a meeting, at most a day long. */
export const MAX_HOURS = 24;

const VN_OFFSET_MS = 7 * 3600_000;

/**
 * A wall-clock time typed in Vietnam (a form's datetime-local, `2026-10-15T09:00`, seconds optional) as the moment it
 * names. Vietnam keeps UTC+7 all year. null when the text is not such a time or names no real day.
 */
export function vietnamLocalToDate(text: string): Date | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const utc = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== (mo as number) - 1 || back.getUTCDate() !== d || (h as number) > 23 || (mi as number) > 59) {
    return null;
  }
  return new Date(utc - VN_OFFSET_MS);
}

/** A moment as Vietnam wall-clock time for a datetime-local input: `2026-10-15T09:00`. */
export function dateToVietnamLocal(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** The day in Vietnam on which a moment falls, YYYY-MM-DD. */
export function vietnamDayOf(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export interface DialogueDraftInput {
  kind?: unknown;
  format?: unknown;
  title?: unknown;
  description?: unknown;
  place?: unknown;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface DialogueDraft {
  kind: DialogueKind;
  format: DialogueFormat | null;
  title: string;
  description: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
}

const len = (s: string) => [...s].length;
const msg = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/**
 * Checks a dialogue's schedule (the form and the JSON API take the same rules): a known kind; a business coffee is a
 * meeting or a site visit, a radio dialogue has no format; the title 3–300 characters; the place 2–300; an optional
 * description up to 5000; the end after the start and at most 24 hours later. Every bad field is named.
 */
export function checkDialogueDraft(input: DialogueDraftInput): { ok: true; value: DialogueDraft } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = dialogueKinds.find((k) => k === input.kind);
  if (!kind) errors.push(msg('kind', 'Hãy chọn loại đối thoại', 'Choose the kind of dialogue'));
  const formatText = cleanText(input.format);
  const format = dialogueFormats.find((f) => f === formatText) ?? null;
  if (kind === 'business_coffee' && !format)
    errors.push(msg('format', 'Hãy chọn hình thức: gặp mặt hoặc khảo sát thực tế', 'Choose a meeting or a site visit'));
  if (kind === 'radio' && formatText)
    errors.push(msg('format', 'Đối thoại trên sóng phát thanh không có hình thức gặp mặt hay khảo sát', 'A radio dialogue has no format'));
  const title = cleanText(input.title);
  if (len(title) < 3 || len(title) > TITLE_MAX)
    errors.push(msg('title', `Chủ đề cần từ 3 đến ${TITLE_MAX} ký tự`, `The title needs 3 to ${TITLE_MAX} characters`));
  const description = cleanText(input.description);
  if (len(description) > DESCRIPTION_MAX)
    errors.push(msg('description', `Nội dung dài tối đa ${DESCRIPTION_MAX} ký tự`, `At most ${DESCRIPTION_MAX} characters`));
  const place = cleanText(input.place);
  if (len(place) < 2 || len(place) > PLACE_MAX)
    errors.push(msg('place', `Địa điểm cần từ 2 đến ${PLACE_MAX} ký tự`, `The place needs 2 to ${PLACE_MAX} characters`));
  const { startsAt, endsAt } = input;
  if (!startsAt) errors.push(msg('startsAt', 'Hãy nhập thời gian bắt đầu (ngày và giờ)', 'Enter the start (date and time)'));
  if (!endsAt) errors.push(msg('endsAt', 'Hãy nhập thời gian kết thúc (ngày và giờ)', 'Enter the end (date and time)'));
  if (startsAt && endsAt) {
    if (endsAt.getTime() <= startsAt.getTime()) {
      errors.push(msg('endsAt', 'Thời gian kết thúc phải sau thời gian bắt đầu', 'The end must be after the start'));
    } else if (endsAt.getTime() - startsAt.getTime() > MAX_HOURS * 3600_000) {
      errors.push(msg('endsAt', `Một buổi đối thoại dài tối đa ${MAX_HOURS} giờ`, `A dialogue lasts at most ${MAX_HOURS} hours`));
    }
  }
  if (errors.length || !kind || !startsAt || !endsAt) return { ok: false, errors };
  return {
    ok: true,
    value: { kind, format: kind === 'business_coffee' ? format : null, title, description: description || null, place, startsAt, endsAt },
  };
}

export interface DialogueState {
  status: DialogueStatus;
  startsAt: Date;
  cancelReason: string | null;
  summary: string | null;
}

export type OutcomeAction = 'hold' | 'cancel' | 'summary';

/**
 * What an official records after the schedule: the dialogue was held (not before it starts; a public summary of
 * 1–20000 characters is required), it was cancelled (only while planned, with a reason of 3–1000 characters), or the
 * summary of a held dialogue is corrected. A cancelled dialogue stays cancelled: schedule a new one instead.
 */
export function applyOutcome(
  state: DialogueState,
  action: OutcomeAction,
  input: { summary?: unknown; reason?: unknown },
  now: Date,
): { ok: true; next: DialogueState } | { ok: false; errors: FieldError[]; conflict?: boolean } {
  const summary = cleanText(input.summary);
  const reason = cleanText(input.reason);
  if (action === 'cancel') {
    if (state.status !== 'planned')
      return { ok: false, conflict: true, errors: [msg('status', 'Chỉ hủy được buổi đối thoại chưa diễn ra', 'Only a planned dialogue can be cancelled')] };
    if (len(reason) < 3 || len(reason) > REASON_MAX)
      return { ok: false, errors: [msg('reason', `Hãy ghi lý do hủy (3 đến ${REASON_MAX} ký tự)`, `Give the reason (3 to ${REASON_MAX} characters)`)] };
    return { ok: true, next: { ...state, status: 'cancelled', cancelReason: reason } };
  }
  if (action === 'hold' && state.status !== 'planned') {
    return {
      ok: false,
      conflict: true,
      errors: [msg('status', 'Buổi đối thoại đã được ghi nhận hoặc đã hủy', 'The dialogue is already recorded as held or cancelled')],
    };
  }
  if (action === 'summary' && state.status !== 'held') {
    return { ok: false, conflict: true, errors: [msg('status', 'Chỉ sửa tóm tắt của buổi đã diễn ra', 'Only a held dialogue has a summary')] };
  }
  if (action === 'hold' && state.startsAt.getTime() > now.getTime()) {
    return { ok: false, errors: [msg('status', 'Buổi đối thoại chưa đến giờ bắt đầu', 'The dialogue has not started yet')] };
  }
  if (len(summary) < 1 || len(summary) > SUMMARY_MAX) {
    return {
      ok: false,
      errors: [msg('summary', `Hãy viết tóm tắt kết quả (tối đa ${SUMMARY_MAX} ký tự)`, `Write a summary (at most ${SUMMARY_MAX} characters)`)],
    };
  }
  return { ok: true, next: { ...state, status: 'held', summary } };
}

/** Whether the public may still send questions: the dialogue is planned and has not started. */
export function acceptsQuestions(d: { status: DialogueStatus; startsAt: Date }, now: Date): boolean {
  return d.status === 'planned' && d.startsAt.getTime() > now.getTime();
}
