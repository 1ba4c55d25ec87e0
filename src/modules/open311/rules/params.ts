/**
 * Reading Open311 GeoReport v2 parameters (STANDARDS §8) and writing its dates. Pure: no I/O, no clock (`now` is a
 * parameter). An empty parameter counts as absent; a repeated one is read as a comma list.
 */
import type { Text } from '../../../platform/i18n/index.ts';

/** The formats a resource is served in, chosen by the path's extension. */
export const open311Formats = ['xml', 'json'] as const;
export type Open311Format = (typeof open311Formats)[number];

export function formatOf(ext: string): Open311Format | null {
  return (open311Formats as readonly string[]).includes(ext) ? (ext as Open311Format) : null;
}

/** The largest window of GET requests / servicerequestupdates, and the most items one answer holds. */
export const WINDOW_DAYS = 90;
export const MAX_ITEMS = 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Vietnam has kept UTC+7 all year since 1975: no daylight saving. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** A parameter as text: trimmed, '' and non-strings absent, repeated values joined with commas. */
export function param(source: Record<string, unknown> | undefined, name: string): string | undefined {
  const raw = source?.[name];
  const v = Array.isArray(raw) ? raw.filter((x) => typeof x === 'string').join(',') : raw;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A comma list without empty entries. */
export function listParam(source: Record<string, unknown> | undefined, name: string): string[] | undefined {
  const v = param(source, name);
  if (v === undefined) return undefined;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2}|\s\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 / W3C date-time as the spec's clients send it (`2026-11-06T09:00:00+07:00`, `…Z`, `2026-11-06`). Without
 * a zone it is Vietnam time. A `+` that arrived as a space (an unencoded query string) is read as `+`. Null when it is
 * not such a date.
 */
export function parseOpen311Date(text: string): Date | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMs = VN_OFFSET_MS;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = zone.trim().replace(':', '');
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = z.replace(/^[+-]/, '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return null;
    offsetMs = sign * (oh * 60 + om) * 60_000;
  } else if (zone) {
    offsetMs = 0;
  }
  const ms = Number(`0.${frac}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms)) - offsetMs;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null; // 31 April and the like
  return new Date(utc);
}

/** A moment as ISO 8601 in Vietnam time with its zone, to the second: `2026-11-06T09:00:00+07:00`. */
export function open311Date(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  return `${new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** One problem with a request, in the error list the spec answers with. */
export interface Open311Problem {
  status: 400 | 403 | 404;
  /** The parameter at fault, named as the client sent it. */
  param?: string;
  message: Text;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Open311Problem[] };

const bad = (param: string, vi: string, en: string): Open311Problem => ({ status: 400, param, message: { vi, en } });

export interface Window {
  start: Date;
  end: Date;
}

/**
 * The date window of a list: `start_date` and `end_date` at most 90 days apart. One of them alone reaches 90 days
 * from it; neither: the 90 days up to `now`.
 */
export function readWindow(query: Record<string, unknown> | undefined, now: Date): Checked<Window> {
  const problems: Open311Problem[] = [];
  const read = (name: string): Date | null | undefined => {
    const v = param(query, name);
    if (v === undefined) return undefined;
    const d = parseOpen311Date(v);
    if (!d) {
      problems.push(
        bad(name, `${name} phải là ngày giờ ISO 8601, vd. 2026-11-06T09:00:00+07:00`, `${name} must be an ISO 8601 date-time, e.g. 2026-11-06T09:00:00+07:00`),
      );
      return null;
    }
    return d;
  };
  const start = read('start_date');
  const end = read('end_date');
  if (problems.length) return { ok: false, problems };
  const e = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const s = start ?? new Date(e.getTime() - WINDOW_DAYS * DAY_MS);
  if (e.getTime() < s.getTime()) return { ok: false, problems: [bad('end_date', 'end_date phải sau start_date', 'end_date must not be before start_date')] };
  if (e.getTime() - s.getTime() > WINDOW_DAYS * DAY_MS) {
    return {
      ok: false,
      problems: [
        bad('end_date', `start_date và end_date cách nhau tối đa ${WINDOW_DAYS} ngày`, `start_date and end_date may be at most ${WINDOW_DAYS} days apart`),
      ],
    };
  }
  return { ok: true, value: { start: s, end: e } };
}

export interface RequestFilter {
  /** The codes asked for; when given, every other filter is ignored (as the spec says). */
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: ('open' | 'closed')[] | null;
  window: Window | null;
}

const CODE_RE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** GET requests' filters: service_request_id (comma list), service_code (comma list), status, the date window. */
export function readRequestFilter(query: Record<string, unknown> | undefined, now: Date): Checked<RequestFilter> {
  const ids = listParam(query, 'service_request_id');
  if (ids) {
    if (ids.length > MAX_ITEMS) return { ok: false, problems: [bad('service_request_id', `Tối đa ${MAX_ITEMS} mã`, `At most ${MAX_ITEMS} ids`)] };
    return { ok: true, value: { ids: ids.map((i) => i.toUpperCase()), serviceCodes: null, statuses: null, window: null } };
  }
  const problems: Open311Problem[] = [];
  const codes = listParam(query, 'service_code')?.map((c) => c.toLowerCase());
  if (codes?.some((c) => !CODE_RE.test(c))) problems.push(bad('service_code', 'Mã dịch vụ không hợp lệ', 'Not a valid service_code'));
  const statuses = listParam(query, 'status')?.map((s) => s.toLowerCase());
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) problems.push(bad('status', 'status phải là open hoặc closed', 'status must be open or closed'));
  const window = readWindow(query, now);
  if (!window.ok) problems.push(...window.problems);
  if (problems.length || !window.ok) return { ok: false, problems };
  return {
    ok: true,
    value: { ids: null, serviceCodes: codes ?? null, statuses: (statuses as ('open' | 'closed')[] | undefined) ?? null, window: window.value },
  };
}

/** Rounds a coordinate to 3 decimals (about 110 m of latitude): where, not whose door. */
export function roundCoordinate(v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  return Math.round(v * 1000) / 1000;
}
