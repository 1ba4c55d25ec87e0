import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { isDay, periodsOverlap } from './days.ts';

export interface RegistrationInput {
  fromDate?: unknown;
  toDate?: unknown;
  note?: unknown;
  procedures?: unknown;
}

export interface RegistrationValues {
  fromDate: string;
  toDate: string | null;
  note: string | null;
  /** Catalogue codes (mã TTHC), deduplicated, in the order given. */
  procedureCodes: string[];
}

export const PROCEDURE_CODE = /^[0-9]{1,2}\.[0-9]{5,6}$/;
export const MAX_PROCEDURES = 200;

/** Procedure codes from a list or from text separated by commas, semicolons, spaces or lines. */
export function procedureCodesOf(raw: unknown): string[] {
  const parts = Array.isArray(raw)
    ? raw.flatMap((x) => (typeof x === 'string' ? x.split(/[\s,;]+/) : []))
    : typeof raw === 'string'
      ? raw.split(/[\s,;]+/)
      : [];
  return [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
}

/**
 * Checks a unit's registration of a model: from a day, optionally to a day not before it, a note up to 2000
 * characters, and procedures only for a same-day model (each a catalogue code). Every bad field is named.
 */
export function checkRegistration(
  input: RegistrationInput,
  model: { sameDay: boolean },
): { ok: true; value: RegistrationValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fromDate = cleanText(input.fromDate);
  const toDate = cleanText(input.toDate);
  const note = cleanText(input.note);
  const codes = procedureCodesOf(input.procedures);
  if (!isDay(fromDate)) errors.push({ field: 'fromDate', message: { vi: 'Hãy nhập ngày bắt đầu thực hiện', en: 'Enter the start date' } });
  if (toDate && !isDay(toDate)) errors.push({ field: 'toDate', message: { vi: 'Ngày kết thúc không hợp lệ', en: 'The end date is not a date' } });
  else if (toDate && isDay(fromDate) && toDate < fromDate)
    errors.push({ field: 'toDate', message: { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', en: 'The end must not be before the start' } });
  if ([...note].length > 2000) errors.push({ field: 'note', message: { vi: 'Ghi chú dài tối đa 2000 ký tự', en: 'At most 2000 characters' } });
  if (codes.length && !model.sameDay)
    errors.push({
      field: 'procedures',
      message: { vi: 'Chỉ mô hình giải quyết trong ngày mới đăng ký thủ tục', en: 'Only a same-day model takes procedures' },
    });
  const wrong = codes.filter((c) => !PROCEDURE_CODE.test(c));
  if (wrong.length)
    errors.push({
      field: 'procedures',
      message: { vi: `Mã thủ tục không hợp lệ: ${wrong.slice(0, 5).join(', ')}`, en: `Invalid procedure codes: ${wrong.slice(0, 5).join(', ')}` },
    });
  if (codes.length > MAX_PROCEDURES)
    errors.push({ field: 'procedures', message: { vi: `Tối đa ${MAX_PROCEDURES} thủ tục`, en: `At most ${MAX_PROCEDURES} procedures` } });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { fromDate, toDate: toDate || null, note: note || null, procedureCodes: codes } };
}

/** The registration among `others` (same unit and model) whose period overlaps [from, to], if any. */
export function overlapping<T extends { id: number; fromDate: string; toDate: string | null }>(
  others: T[],
  period: { from: string; to: string | null },
  exceptId: number | null,
): T | undefined {
  return others.find((o) => o.id !== exceptId && periodsOverlap({ from: o.fromDate, to: o.toDate }, period));
}
