import { formatVnDate, formatVnDateTime, formatVnShortDate, formatVnTime } from '../../../platform/documents/index.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * Placeholders in template text: `{{path.to.value}}`, optionally `{{path?}}` (may be missing: prints
 * nothing) and one filter `{{path | date}}`. Values are inserted as plain text: PDF has no markup to escape,
 * and `<b>` stays the four characters "<b>".
 *
 * Filters: date ("ngày 24 tháng 11 năm 2026"), time ("14 giờ 30 phút"), datetime (both), short
 * ("24/11/2026"), upper, pad2 ("02").
 */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.]+)(\?)?\s*(?:\|\s*([a-z0-9]+)\s*)?\}\}/gu;

export type Scope = Record<string, unknown>;

const filters: Record<string, (v: unknown) => string> = {
  date: (v) => formatVnDate(asDate(v)),
  time: (v) => formatVnTime(asDate(v)),
  datetime: (v) => formatVnDateTime(asDate(v)),
  short: (v) => formatVnShortDate(asDate(v)),
  upper: (v) => printable(v).toLocaleUpperCase('vi'),
  pad2: (v) => printable(v).padStart(2, '0'),
};

function asDate(v: unknown): Date | string {
  if (v instanceof Date || typeof v === 'string') return v;
  throw new TypeError(`not a date: ${String(v)}`);
}

function printable(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return formatVnDate(v);
  throw new TypeError('not printable');
}

/** The value at a dotted path, or undefined. */
export function lookup(scope: Scope, path: string): unknown {
  let cur: unknown = scope;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** True when the path holds something worth printing (not missing, not empty text, not an empty list). */
export function present(scope: Scope, path: string): boolean {
  const v = lookup(scope, path);
  if (v === undefined || v === null || v === '' || v === false) return false;
  return !(Array.isArray(v) && v.length === 0);
}

function missing(placeholder: string, template: string): AppError {
  return new AppError('UNPROCESSABLE', {
    detail: {
      vi: `Thiếu dữ liệu cho trường {{${placeholder}}} của biểu mẫu`,
      en: `The slip needs a value for {{${placeholder}}}`,
    },
    extra: { placeholder, template },
  });
}

/**
 * Fills every placeholder of `template` from `scope`. A required placeholder with no value is an error
 * naming it (UNPROCESSABLE, `extra.placeholder`), never a silent blank on an official paper.
 */
export function fillPlaceholders(template: string, scope: Scope): string {
  return template.replace(PLACEHOLDER, (_m, path: string, optional: string | undefined, filter: string | undefined) => {
    const value = lookup(scope, path);
    if (value === undefined || value === null) {
      if (optional) return '';
      throw missing(path, template);
    }
    if (filter !== undefined && !(filter in filters)) throw new Error(`unknown placeholder filter "${filter}" in ${template}`);
    try {
      return filter ? (filters[filter] as (v: unknown) => string)(value) : printable(value);
    } catch (err) {
      throw new AppError('UNPROCESSABLE', {
        detail: { vi: `Giá trị của trường {{${path}}} không hợp lệ`, en: `The value of {{${path}}} cannot be printed` },
        extra: { placeholder: path, template, reason: (err as Error).message },
      });
    }
  });
}

/** Every placeholder path a template text refers to (for checking definitions). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
