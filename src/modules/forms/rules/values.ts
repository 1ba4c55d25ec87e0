/**
 * Values of a declaration set: one flat map from field key to text, shared by every form of the set. Pure rules:
 * normalising what a form or the API sent, validating it against the set's templates, merging updates.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { type FormField, type FormTemplate, fieldsOf } from './template.ts';

export type FormValues = Record<string, string>;

/** Longest value of any box when the template gives no limit. */
export const DEFAULT_MAX_LENGTH = 500;

/** The fields of several templates, each key once (first definition wins). */
export function fieldsByKey(templates: FormTemplate[]): Map<string, FormField> {
  const out = new Map<string, FormField>();
  for (const t of templates) for (const f of fieldsOf(t)) if (!out.has(f.key)) out.set(f.key, f);
  return out;
}

/** 'YYYY-MM-DD' when `text` is a real calendar date written as YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY, with - or .). */
export function parseDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return null;
  if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 'DD/MM/YYYY' of an ISO date (other text is returned as is). */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Keeps the keys the templates know, trimmed and in NFC, drops empty ones; dates typed as DD/MM/YYYY become
 * YYYY-MM-DD and ticked checkboxes ('on', 'true', '1') become 'true'. Unknown keys are ignored, never stored.
 */
export function normaliseValues(templates: FormTemplate[], input: Record<string, unknown>): FormValues {
  const fields = fieldsByKey(templates);
  const out: FormValues = {};
  for (const [key, field] of fields) {
    const raw = input[key];
    if (raw === undefined || raw === null) continue;
    let text = (Array.isArray(raw) ? raw.at(-1) : raw) as unknown;
    if (typeof text === 'boolean') text = text ? 'true' : '';
    if (typeof text === 'number') text = String(text);
    if (typeof text !== 'string') continue;
    let v = text
      .normalize('NFC')
      .replace(/\s+/g, field.type === 'textarea' ? ' ' : ' ')
      .trim();
    if (v === '') continue;
    if (field.type === 'checkbox') {
      if (!['on', 'true', '1', 'yes'].includes(v.toLowerCase())) continue;
      v = 'true';
    }
    if (field.type === 'date') v = parseDate(v) ?? v;
    out[key] = v;
  }
  return out;
}

/**
 * Checks values against the templates: required boxes (when `requireAll`), length, pattern, real dates and the
 * options of a choice. Messages name the box by its label, in Vietnamese and English.
 */
export function validateValues(templates: FormTemplate[], values: FormValues, opts: { requireAll: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, f] of fieldsByKey(templates)) {
    const v = values[key];
    const label = f.label;
    if (v === undefined || v === '') {
      if (opts.requireAll && f.required) errors.push({ field: key, message: { vi: `Hãy nhập «${label}»`, en: `Enter “${label}”` } });
      continue;
    }
    const max = f.maxLength ?? DEFAULT_MAX_LENGTH;
    if ([...v].length > max) {
      errors.push({ field: key, message: { vi: `«${label}» dài tối đa ${max} ký tự`, en: `“${label}” must be at most ${max} characters` } });
      continue;
    }
    if (f.type === 'date' && !parseDate(v)) {
      errors.push({
        field: key,
        message: { vi: `«${label}» không phải là ngày có thật (ghi ngày/tháng/năm, ví dụ 15/03/2026)`, en: `“${label}” is not a real date (day/month/year)` },
      });
      continue;
    }
    if (f.type === 'select' && !(f.options ?? []).some((o) => o.value === v)) {
      errors.push({ field: key, message: { vi: `«${label}»: hãy chọn một giá trị trong danh sách`, en: `“${label}”: choose one of the options` } });
      continue;
    }
    if (f.pattern && !new RegExp(`^(?:${f.pattern.source})$`, 'u').test(v)) {
      errors.push({ field: key, message: { vi: `«${label}»: ${f.pattern.message}`, en: `“${label}” has the wrong format` } });
    }
  }
  return errors;
}

/** Required boxes still empty, in page order (the API reports them instead of refusing a partial set). */
export function missingRequired(templates: FormTemplate[], values: FormValues): string[] {
  return [...fieldsByKey(templates).values()].filter((f) => f.required && !values[f.key]).map((f) => f.key);
}

/**
 * Merges an update into the set's values. A key present in `update` replaces the stored value ('' clears it); with `replace`,
 * a known key absent from the update is cleared (a full form post), otherwise kept (an API patch). Keys no
 * template of the set knows are dropped.
 */
export function mergeValues(templates: FormTemplate[], stored: FormValues, update: FormValues, opts: { replace: boolean }): FormValues {
  const fields = fieldsByKey(templates);
  const out: FormValues = {};
  for (const key of fields.keys()) {
    if (key in update) {
      // An empty value in the update clears the box.
      if (update[key]) out[key] = update[key] as string;
    } else if (!opts.replace && stored[key] !== undefined) out[key] = stored[key] as string;
  }
  return out;
}
