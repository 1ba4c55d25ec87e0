import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { EntrySource } from './rules/calendar-spec.ts';
import type { DayKind } from './rules/working-days.ts';

/** A row of calendar_entries. */
export interface CalendarEntryRow {
  id: number;
  unit_id: number | null;
  date: string;
  kind: DayKind;
  name: string;
  notice: string | null;
  source: EntrySource;
  created_by: number | null;
  created_at: Date;
}

/** A row of calendar_years. */
export interface CalendarYearRow {
  id: number;
  year: number;
  unit_id: number | null;
  notice: string;
  replaces_statutory: boolean;
  updated_by: number | null;
  updated_at: Date;
}

const entryColumns = sql`id, unit_id, date, kind, name, notice, source, created_by, created_at`;
const yearColumns = sql`id, year, unit_id, notice, replaces_statutory, updated_by, updated_at`;

/** The calendar version: moves on every write to calendar_entries or calendar_years (a trigger). */
export async function calendarVersion(db: Db): Promise<number> {
  const row = await one<{ version: number }>(db, sql`SELECT version FROM calendar_state WHERE id = 1`);
  return row?.version ?? 0;
}

/** Every stored entry (national and per unit); the table holds a few dozen rows a year per scope. */
export function listAllEntries(db: Db): Promise<CalendarEntryRow[]> {
  return rows<CalendarEntryRow>(db, sql`SELECT ${entryColumns} FROM calendar_entries ORDER BY date, id`);
}

/** Every recorded yearly notice. */
export function listAllYears(db: Db): Promise<CalendarYearRow[]> {
  return rows<CalendarYearRow>(db, sql`SELECT ${yearColumns} FROM calendar_years ORDER BY year, id`);
}

export function findEntryById(db: Db, id: number): Promise<CalendarEntryRow | null> {
  return one<CalendarEntryRow>(db, sql`SELECT ${entryColumns} FROM calendar_entries WHERE id = ${id}`);
}

/** The entry of one scope (unit, or national when null) on a date. */
export function findEntryAt(db: Db, unitId: number | null, date: string): Promise<CalendarEntryRow | null> {
  return one<CalendarEntryRow>(
    db,
    sql`SELECT ${entryColumns} FROM calendar_entries WHERE unit_id IS NOT DISTINCT FROM ${unitId}::bigint AND date = ${date}::date`,
  );
}

export interface NewEntry {
  unitId: number | null;
  date: string;
  kind: DayKind;
  name: string;
  notice: string | null;
  source: EntrySource;
  createdBy: number | null;
}

/** Inserts an entry; null when the scope already has one on that date. */
export function insertEntry(db: Db, e: NewEntry): Promise<CalendarEntryRow | null> {
  return one<CalendarEntryRow>(
    db,
    sql`INSERT INTO calendar_entries (unit_id, date, kind, name, notice, source, created_by)
        VALUES (${e.unitId}, ${e.date}::date, ${e.kind}, ${e.name}, ${e.notice}, ${e.source}, ${e.createdBy})
        ON CONFLICT ON CONSTRAINT calendar_entries_unit_date_key DO NOTHING
        RETURNING ${entryColumns}`,
  );
}

export async function deleteEntry(db: Db, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM calendar_entries WHERE id = ${id}`);
}

/** The notice recorded for a year in one scope (unit, or national when null). */
export function findYear(db: Db, year: number, unitId: number | null): Promise<CalendarYearRow | null> {
  return one<CalendarYearRow>(db, sql`SELECT ${yearColumns} FROM calendar_years WHERE year = ${year} AND unit_id IS NOT DISTINCT FROM ${unitId}::bigint`);
}

/** Inserts a year's notice unless the scope already has one; null when it did. */
export function insertYearIfAbsent(
  db: Db,
  y: { year: number; unitId: number | null; notice: string; replacesStatutory: boolean; updatedBy: number | null },
): Promise<CalendarYearRow | null> {
  return one<CalendarYearRow>(
    db,
    sql`INSERT INTO calendar_years (year, unit_id, notice, replaces_statutory, updated_by)
        VALUES (${y.year}, ${y.unitId}, ${y.notice}, ${y.replacesStatutory}, ${y.updatedBy})
        ON CONFLICT ON CONSTRAINT calendar_years_year_unit_key DO NOTHING
        RETURNING ${yearColumns}`,
  );
}

/** Records (or replaces) a year's notice for a scope. */
export async function upsertYear(
  db: Db,
  y: { year: number; unitId: number | null; notice: string; replacesStatutory: boolean; updatedBy: number | null },
): Promise<CalendarYearRow> {
  const row = await one<CalendarYearRow>(
    db,
    sql`INSERT INTO calendar_years (year, unit_id, notice, replaces_statutory, updated_by)
        VALUES (${y.year}, ${y.unitId}, ${y.notice}, ${y.replacesStatutory}, ${y.updatedBy})
        ON CONFLICT ON CONSTRAINT calendar_years_year_unit_key
        DO UPDATE SET notice = EXCLUDED.notice, replaces_statutory = EXCLUDED.replaces_statutory,
                      updated_by = EXCLUDED.updated_by, updated_at = now()
        RETURNING ${yearColumns}`,
  );
  if (!row) throw new Error('upsert returned no row');
  return row;
}
