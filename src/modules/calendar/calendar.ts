/**
 * The calendar service: loads a unit's working calendar from the database (national entries, entries of the
 * unit and its ancestors, yearly notices, the unit's weekly rest days and office hours), and computes due dates.
 *
 * Caching: each process keeps the stored entries and notices, and the calendars compiled from them, keyed by
 * the calendar version (calendar_state.version). A trigger moves the version on every write to calendar_entries
 * or calendar_years, whichever process (or person at a SQL prompt) makes it, and the version is read on every
 * load: one primary-key read. A change is therefore seen at once by every process; there is no time-based
 * staleness. A unit's weekly rest days, office hours and place in the tree are read fresh with the unit.
 * Versions come from a sequence, so a rolled-back write never reuses a version another write then commits.
 */

import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitByCode, findUnitById, type OfficeHours as UnitOfficeHours, type UnitRow } from '../units/index.ts';
import { calendarVersion, listAllEntries, listAllYears } from './queries.ts';
import { buildCalendarSpec, type EffectiveEntry, MAX_YEAR_SPAN, type StoredEntry, type YearNotice } from './rules/calendar-spec.ts';
import { compileOfficeHours, computeDueDate, type DueDate, type LocalMoment, type OfficeHours, parseMoment, parseTimeOfDay } from './rules/due-date.ts';
import { type CompiledCalendar, compileCalendar } from './rules/working-days.ts';

/** Civil servants' weekly rest days and office hours, used for the national calendar. */
export const DEFAULT_WEEKEND: readonly number[] = [0, 6];
export const DEFAULT_OFFICE_HOURS: readonly UnitOfficeHours[] = [
  { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
  { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
];

/** A unit's (or the national) calendar for a range of years. */
export interface UnitCalendar {
  unit: UnitRow | null;
  fromYear: number;
  toYear: number;
  weekendDays: number[];
  calendar: CompiledCalendar;
  officeHours: OfficeHours;
  /** One effective entry per date, sorted. */
  entries: EffectiveEntry[];
  /** Effective entries by date. */
  entryOn: Map<string, EffectiveEntry>;
  /** Notices recorded for the years of the range, for the unit's scopes. */
  notices: YearNotice[];
  /** Stored rows of the unit's scopes (national, ancestors, itself), overridden ones included. */
  storedEntries: StoredEntry[];
}

interface Snapshot {
  version: number;
  entries: StoredEntry[];
  notices: YearNotice[];
  compiled: Map<string, UnitCalendar>;
}

let snapshot: Snapshot | null = null;
const MAX_COMPILED = 500;

async function currentSnapshot(db: Db, knownVersion?: number): Promise<Snapshot> {
  // Read the version first: the rows read after it are at least as new, so a cache entry is never older than its key.
  // A caller that read calendar_state.version itself (in one statement with its other reads) passes it.
  const version = knownVersion ?? (await calendarVersion(db));
  if (snapshot && snapshot.version === version) return snapshot;
  const [entries, years] = await Promise.all([listAllEntries(db), listAllYears(db)]);
  snapshot = {
    version,
    entries: entries.map((e) => ({ id: e.id, unitId: e.unit_id, date: e.date, kind: e.kind, name: e.name, notice: e.notice, source: e.source })),
    notices: years.map((y) => ({ year: y.year, unitId: y.unit_id, notice: y.notice, replacesStatutory: y.replaces_statutory })),
    compiled: new Map(),
  };
  return snapshot;
}

/** Forgets every cached calendar of this process (tests; the version check makes it unnecessary otherwise). */
export function clearCalendarCache(): void {
  snapshot = null;
}

/** Ids of the unit's ancestors from the root down, the unit itself last (from its materialised path). */
export function unitChain(unit: UnitRow | null): number[] {
  if (!unit) return [];
  return unit.path.split('/').filter(Boolean).map(Number);
}

/**
 * The working calendar of `unit` (null: the national calendar for civil servants) for the Gregorian years
 * `fromYear`–`toYear`. Dates outside the range see weekly rest days and stored entries only: load the years
 * a computation can reach.
 */
export async function loadCalendar(db: Db, unit: UnitRow | null, fromYear: number, toYear: number, knownVersion?: number): Promise<UnitCalendar> {
  const snap = await currentSnapshot(db, knownVersion);
  const weekendDays = unit ? [...unit.weekend_days].map(Number).sort() : [...DEFAULT_WEEKEND];
  const hours = unit ? unit.office_hours : DEFAULT_OFFICE_HOURS;
  const key = `${unit?.id ?? 'vn'}|${unit?.path ?? ''}|${weekendDays.join(',')}|${JSON.stringify(hours)}|${fromYear}-${toYear}`;
  const hit = snap.compiled.get(key);
  if (hit) return { ...hit, unit };
  const chain = unitChain(unit);
  const built = buildCalendarSpec({ fromYear, toYear, weekendDays, unitChain: chain, entries: snap.entries, notices: snap.notices });
  const scopes = new Set<number | null>([null, ...chain]);
  const result: UnitCalendar = {
    unit,
    fromYear,
    toYear,
    weekendDays,
    calendar: compileCalendar(built.spec),
    officeHours: compileOfficeHours(hours),
    entries: built.entries,
    entryOn: new Map(built.entries.map((e) => [e.date, e])),
    notices: built.notices,
    storedEntries: snap.entries.filter((e) => scopes.has(e.unitId)),
  };
  if (snap.compiled.size >= MAX_COMPILED) snap.compiled.clear();
  snap.compiled.set(key, result);
  return result;
}

/** Which unit a caller means: by code, by id, or none (the national calendar). */
export interface UnitRef {
  unitCode?: string | null;
  unitId?: number | null;
}

/** Finds the unit of a reference. @throws AppError UNIT_NOT_FOUND */
export async function resolveUnit(db: Db, ref: UnitRef): Promise<UnitRow | null> {
  if (ref.unitCode) {
    const unit = await findUnitByCode(db, ref.unitCode);
    if (!unit) throw unitNotFound(ref.unitCode);
    return unit;
  }
  if (ref.unitId !== undefined && ref.unitId !== null) {
    const unit = await findUnitById(db, ref.unitId);
    if (!unit) throw unitNotFound(String(ref.unitId));
    return unit;
  }
  return null;
}

export function unitNotFound(code: string): AppError {
  return new AppError('UNIT_NOT_FOUND', { detail: { vi: `Không có đơn vị mã "${code}"`, en: `No unit with code "${code}"` } });
}

export interface DueDateRequest extends UnitRef {
  /** When the dossier was received: a Date, an ISO date-time (Vietnam time unless it has an offset) or an ISO date. */
  from: Date | string;
  /** Time limit in working days (thời hạn giải quyết … ngày làm việc). */
  workingDays?: number;
  /** Time limit in working hours, counted inside the unit's office hours. */
  workingHours?: number;
  /** The procedure's cut-off hour, 'HH:MM': received after it counts from the next working day. */
  cutoffHour?: string | null;
  /** The unit itself when the caller has just read it (instead of `unitCode`/`unitId`: no second read). */
  unit?: UnitRow;
  /**
   * calendar_state.version as the caller just read it (in one statement with its other reads, e.g. at intake):
   * the cache is checked against it instead of reading the version again.
   */
  calendarVersion?: number;
}

export interface DueDateResult extends DueDate {
  unit: string | null;
}

function invalidField(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ field, message: { vi, en } }] });
}

/** Parses a receipt moment for the calendar service. @throws AppError VALIDATION_FAILED naming `field` */
export function parseReceipt(value: Date | string, field = 'from'): LocalMoment {
  try {
    const moment = parseMoment(value);
    const year = Number(moment.date.slice(0, 4));
    if (year < 1900 || year > 2100) throw new RangeError('out of range');
    return moment;
  } catch {
    throw invalidField(
      field,
      `Tham số “${field}” phải là một ngày có thật (YYYY-MM-DD) hoặc thời điểm ISO 8601, trong khoảng năm 1900–2100`,
      `“${field}” must be a real date (YYYY-MM-DD) or ISO 8601 date-time between the years 1900 and 2100`,
    );
  }
}

/** Years a limit can reach from `fromYear`, a generous first guess (≈245 working days a year). */
function yearsNeeded(req: { workingDays?: number; workingHours?: number }): number {
  const days = req.workingDays ?? Math.ceil((req.workingHours ?? 0) / 4);
  return Math.ceil(days / 200) + 1;
}

/**
 * Computes a due date in the unit's calendar, with the counting rules of rules/due-date.ts (STANDARDS §2):
 * the day of receipt is not counted; N working days end at the end of the N-th working day after it; received
 * after the cut-off hour or outside office hours counts as received on the next working day; working hours are
 * counted inside the unit's office hours. Other modules call this for dossiers' appointment dates.
 *
 * @throws AppError UNIT_NOT_FOUND, VALIDATION_FAILED (bad moment, limit or cut-off)
 */
export async function dueDate(db: Db, req: DueDateRequest): Promise<DueDateResult> {
  const received = parseReceipt(req.from);
  let cutoffMinute: number | null = null;
  if (req.cutoffHour) {
    try {
      cutoffMinute = parseTimeOfDay(req.cutoffHour);
    } catch {
      throw invalidField('cutoff', 'Giờ chốt nhận hồ sơ phải có dạng HH:MM, vd. 15:00', 'The cut-off hour must be HH:MM, e.g. 15:00');
    }
  }
  const unit = req.unit ?? (await resolveUnit(db, req));
  const fromYear = Number(received.date.slice(0, 4));
  let toYear = Math.min(fromYear + yearsNeeded(req), fromYear + MAX_YEAR_SPAN - 1);
  for (;;) {
    const cal = await loadCalendar(db, unit, fromYear, toYear, req.calendarVersion);
    let due: DueDate;
    try {
      due = computeDueDate(cal.calendar, cal.officeHours, { received, workingDays: req.workingDays, workingHours: req.workingHours, cutoffMinute });
    } catch (err) {
      if (err instanceof RangeError) {
        throw invalidField(
          req.workingHours !== undefined ? 'workingHours' : 'workingDays',
          `Thời hạn không hợp lệ: ${err.message}`,
          `Invalid time limit: ${err.message}`,
        );
      }
      throw err;
    }
    const dueYear = Number(due.date.slice(0, 4));
    if (dueYear <= toYear || toYear >= fromYear + MAX_YEAR_SPAN - 1) return { ...due, unit: unit?.code ?? null };
    toYear = Math.min(dueYear + 1, fromYear + MAX_YEAR_SPAN - 1);
  }
}
