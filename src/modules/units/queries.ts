import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';

export interface OfficeHours {
  days: number[];
  open: string;
  close: string;
}

export interface UnitRow {
  id: number;
  code: string;
  admin_code: string | null;
  name: string;
  kind: string;
  parent_id: number | null;
  path: string;
  depth: number;
  weekend_days: number[];
  office_hours: OfficeHours[];
  address: string | null;
  phone: string | null;
  email: string | null;
  merged_into_id: number | null;
  merged_on: string | null;
  created_at: Date;
  updated_at: Date;
}

const columns = sql`id, code, admin_code, name, kind, parent_id, path, depth, weekend_days, office_hours, address, phone, email, merged_into_id, merged_on, created_at, updated_at`;

/** A unit row as one JSON value, for modules that read a unit inside a larger statement (see unitFromJson). */
export type UnitJson = { readonly __unitJson: unique symbol } | null;

/** SQL building the JSON of the unit row aliased `alias` (every column of UnitRow). */
export function unitJson(alias: SQL): SQL {
  return sql`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'admin_code', ${alias}.admin_code,
    'name', ${alias}.name, 'kind', ${alias}.kind, 'parent_id', ${alias}.parent_id, 'path', ${alias}.path, 'depth', ${alias}.depth,
    'weekend_days', ${alias}.weekend_days, 'office_hours', ${alias}.office_hours, 'address', ${alias}.address, 'phone', ${alias}.phone,
    'email', ${alias}.email, 'merged_into_id', ${alias}.merged_into_id, 'merged_on', ${alias}.merged_on,
    'created_at', ${alias}.created_at, 'updated_at', ${alias}.updated_at) END`;
}

/** The UnitRow of a unitJson value (timestamps as text, as drizzle's driver gives them elsewhere). */
export function unitFromJson(json: UnitJson): UnitRow | null {
  return json as unknown as UnitRow | null;
}

/** Every unit, in tree order (parents before children, siblings by name). */
export function listUnits(db: Db): Promise<UnitRow[]> {
  return rows<UnitRow>(db, sql`SELECT ${columns} FROM units ORDER BY path`);
}

/** Units whose name, code or national code matches `q`, ignoring diacritics. */
export function searchUnits(db: Db, q: string, limit = 50): Promise<UnitRow[]> {
  return rows<UnitRow>(
    db,
    sql`SELECT ${columns} FROM units
        WHERE vn_unaccent(name) LIKE '%' || vn_unaccent(${q}) || '%' OR code = lower(${q}) OR admin_code = ${q}
        ORDER BY merged_into_id IS NOT NULL, depth, name LIMIT ${limit}`,
  );
}

export function findUnitByCode(db: Db, code: string): Promise<UnitRow | null> {
  return one<UnitRow>(db, sql`SELECT ${columns} FROM units WHERE code = ${code}`);
}

export function findUnitById(db: Db, id: number): Promise<UnitRow | null> {
  return one<UnitRow>(db, sql`SELECT ${columns} FROM units WHERE id = ${id}`);
}

/** Locks a unit row for the rest of the transaction. */
export function lockUnit(db: Db, id: number): Promise<UnitRow | null> {
  return one<UnitRow>(db, sql`SELECT ${columns} FROM units WHERE id = ${id} FOR UPDATE`);
}

export function childrenOf(db: Db, id: number): Promise<UnitRow[]> {
  return rows<UnitRow>(db, sql`SELECT ${columns} FROM units WHERE parent_id = ${id} ORDER BY name`);
}

export interface NewUnit {
  code: string;
  adminCode: string | null;
  name: string;
  kind: string;
  parentId: number | null;
  weekendDays?: number[];
  officeHours?: OfficeHours[];
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Inserts a unit and computes its path from its parent's in the same statement. */
export async function insertUnit(db: Db, u: NewUnit): Promise<UnitRow> {
  const row = await one<UnitRow>(
    db,
    sql`WITH n AS (SELECT nextval('units_id_seq') AS id),
             p AS (SELECT path, depth FROM units WHERE id = ${u.parentId})
        INSERT INTO units (id, code, admin_code, name, kind, parent_id, path, depth, weekend_days, office_hours, address, phone, email)
        SELECT n.id, ${u.code}, ${u.adminCode}, ${u.name}, ${u.kind}, ${u.parentId},
               coalesce((SELECT path FROM p), '/') || n.id || '/',
               coalesce((SELECT depth + 1 FROM p), 0),
               coalesce(${u.weekendDays ? sql`${`{${u.weekendDays.join(',')}}`}::smallint[]` : null}, '{0,6}'::smallint[]),
               coalesce(${u.officeHours ? JSON.stringify(u.officeHours) : null}::jsonb,
                 '[{"days":[1,2,3,4,5],"open":"07:00","close":"11:30"},{"days":[1,2,3,4,5],"open":"13:30","close":"17:00"}]'::jsonb),
               ${u.address ?? null}, ${u.phone ?? null}, ${u.email ?? null}
        FROM n
        RETURNING ${columns}`,
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}

export interface UnitChanges {
  name: string;
  adminCode: string | null;
  kind: string;
  weekendDays: number[];
  officeHours: OfficeHours[];
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function updateUnit(db: Db, id: number, c: UnitChanges): Promise<UnitRow> {
  const row = await one<UnitRow>(
    db,
    sql`UPDATE units SET name = ${c.name}, admin_code = ${c.adminCode}, kind = ${c.kind},
          weekend_days = ${`{${c.weekendDays.join(',')}}`}::smallint[], office_hours = ${JSON.stringify(c.officeHours)}::jsonb,
          address = ${c.address}, phone = ${c.phone}, email = ${c.email}, updated_at = now()
        WHERE id = ${id} RETURNING ${columns}`,
  );
  if (!row) throw new Error('unit vanished during update');
  return row;
}

/** Re-parents a unit and rewrites the paths and depths of its whole subtree. */
export async function moveUnit(db: Db, unit: UnitRow, newParent: UnitRow | null): Promise<void> {
  const newPath = `${newParent ? newParent.path : '/'}${unit.id}/`;
  const depthDelta = (newParent ? newParent.depth + 1 : 0) - unit.depth;
  await db.execute(sql`
    UPDATE units SET path = ${newPath} || substr(path, ${unit.path.length + 1}), depth = depth + ${depthDelta},
      parent_id = CASE WHEN id = ${unit.id} THEN ${newParent?.id ?? null}::bigint ELSE parent_id END, updated_at = now()
    WHERE path LIKE ${`${unit.path}%`}`);
}

export async function markMerged(db: Db, id: number, intoId: number, on: string): Promise<void> {
  await db.execute(sql`UPDATE units SET merged_into_id = ${intoId}, merged_on = ${on}, updated_at = now() WHERE id = ${id}`);
}

/** Ancestors of a unit from the root down, the unit itself excluded. */
export function ancestorsOf(db: Db, unit: UnitRow): Promise<UnitRow[]> {
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  if (ids.length === 0) return Promise.resolve([]);
  return rows<UnitRow>(db, sql`SELECT ${columns} FROM units WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY depth`);
}
