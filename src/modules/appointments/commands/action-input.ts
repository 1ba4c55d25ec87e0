import { AppError, type FieldError } from '../../../platform/errors.ts';
import { fromVietnamLocal } from '../rules/slots.ts';

/** A date and time from an action's fields; every bad field named. @throws AppError VALIDATION_FAILED */
export function slotFrom(input: { date?: string; time?: string }, required: boolean, fields = { date: 'date', time: 'time' }): Date | null {
  const date = (input.date ?? '').trim();
  const time = (input.time ?? '').trim();
  if (!date && !time && !required) return null;
  const errors: FieldError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !fromVietnamLocal(date, '00:00')) {
    errors.push({ field: fields.date, message: { vi: 'Hãy chọn ngày (năm-tháng-ngày)', en: 'Choose a date (YYYY-MM-DD)' } });
  }
  if (!/^\d{2}:\d{2}$/.test(time) || !fromVietnamLocal('2026-01-01', time)) {
    errors.push({ field: fields.time, message: { vi: 'Hãy chọn giờ (giờ:phút, vd. 08:30)', en: 'Choose a time (HH:MM)' } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  return fromVietnamLocal(date, time);
}

/** The fields of any staff action (forms and the API send the same names). */
export interface ActionInput {
  /** The version the caller saw (optimistic locking); absent: not checked. */
  version?: number;
  /** propose, confirm: the slot, Vietnam local 'YYYY-MM-DD' and 'HH:MM' (confirm: absent keeps the current slot). */
  date?: string;
  time?: string;
  /** assign: the username of the official or helper. */
  assignee?: string;
  /** done, absent: who went (default: the person assigned) and when (default: the slot's start). */
  visitedBy?: string;
  visitedDate?: string;
  visitedTime?: string;
  /** done: the dossier received at the pick-up, when it was not named in the request. */
  dossierCode?: string;
  note?: string;
  /** cancel: why, told to the citizen. */
  reason?: string;
}

export interface ActionContext {
  now: Date;
  publicUrl: string;
}
