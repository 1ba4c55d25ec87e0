import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import { versionInForceOn } from '../procedures/index.ts';

/** Timestamps arrive as text from drizzle's node-postgres driver. */
type Moment = Date | string;

// Kiosk catalogue -------------------------------------------------------------------------------------------------
// Read-only joins over the procedures module's tables (unit_procedures and the version in force, through its
// exported condition), like the dossiers module's intake query: the kiosk shows the catalogue, it never changes it.

export interface KioskProcedureRow {
  code: string;
  name: string;
  field: string;
  time_limit_value: number;
  time_limit_unit: 'working_days' | 'working_hours';
  online_level: 'full' | 'partial' | 'none';
  same_day: boolean;
}

export interface KioskProcedureDetail extends KioskProcedureRow {
  cutoff_hour: string | null;
  data: {
    agency?: string | null;
    timeLimitNote?: string | null;
    fees?: { kind: string; name: string; amountVnd: number; note: string | null; exemptions: string[] }[];
    documents?: { name: string; copies: number; kind: string; formTemplate: string | null }[];
    steps?: string[];
    result?: string | null;
  };
}

const unitVersions = (unitId: number) => sql`unit_procedures up
  JOIN procedure_versions v ON v.procedure_id = up.procedure_id
  JOIN procedures p ON p.id = v.procedure_id
  WHERE up.unit_id = ${unitId}`;

/** The procedures a unit carries out that are published and in force on `day`, by field and name. */
export function listKioskProcedures(db: Db, unitId: number, day: string): Promise<KioskProcedureRow[]> {
  return rows<KioskProcedureRow>(
    db,
    sql`SELECT p.code, v.name, v.field, v.time_limit_value, v.time_limit_unit, v.online_level, (up.same_day OR v.same_day_eligible) AS same_day
        FROM ${unitVersions(unitId)} AND ${versionInForceOn(day)}
        ORDER BY v.field, v.name, p.code`,
  );
}

/** One procedure as the kiosk shows it, when the unit carries it and a version is in force on `day`. */
export function findKioskProcedure(db: Db, unitId: number, code: string, day: string): Promise<KioskProcedureDetail | null> {
  return one<KioskProcedureDetail>(
    db,
    sql`SELECT p.code, v.name, v.field, v.time_limit_value, v.time_limit_unit, v.online_level, (up.same_day OR v.same_day_eligible) AS same_day,
          v.cutoff_hour, v.data
        FROM ${unitVersions(unitId)} AND p.code = ${code} AND ${versionInForceOn(day)}`,
  );
}

/**
 * What a unit's kiosk shows, as one hash: the ids of the versions in force (a publication, a withdrawal taking effect
 * or a unit taking on a procedure changes the set), every message with its last change, the unit's name, address and
 * hours, and the day (messages have dates). One index-backed statement: cheap enough to poll every 30 s per kiosk.
 */
export async function kioskVersion(db: Db, unitId: number, day: string): Promise<string> {
  const r = await one<{ h: string }>(
    db,
    sql`SELECT md5(concat_ws('|', ${day}::text,
          (SELECT string_agg(v.id::text, ',' ORDER BY v.id) FROM ${unitVersions(unitId)} AND ${versionInForceOn(day)}),
          (SELECT string_agg(m.id || ':' || m.updated_at::text, ',' ORDER BY m.id) FROM kiosk_messages m WHERE m.unit_id = ${unitId}),
          (SELECT u.updated_at::text FROM units u WHERE u.id = ${unitId}))) AS h`,
  );
  return (r as { h: string }).h;
}

/** What a unit's LED board shows, as one hash: its messages, the day and today's figures (counted by the caller). */
export async function boardVersion(db: Db, unitId: number, day: string, figures: string): Promise<string> {
  const r = await one<{ h: string }>(
    db,
    sql`SELECT md5(concat_ws('|', ${day}::text, ${figures}::text,
          (SELECT string_agg(m.id || ':' || m.updated_at::text, ',' ORDER BY m.id) FROM kiosk_messages m WHERE m.unit_id = ${unitId}),
          (SELECT u.updated_at::text FROM units u WHERE u.id = ${unitId}))) AS h`,
  );
  return (r as { h: string }).h;
}

// Messages --------------------------------------------------------------------------------------------------------

export interface MessageRow {
  id: number;
  unit_id: number;
  position: number;
  body: string;
  enabled: boolean;
  valid_from: string | null;
  valid_to: string | null;
  created_by: number | null;
  created_at: Moment;
  updated_at: Moment;
}

const messageColumns = sql`id, unit_id, position, body, enabled, valid_from::text AS valid_from, valid_to::text AS valid_to, created_by, created_at, updated_at`;

export async function listMessages(db: Db, unitId: number): Promise<MessageRow[]> {
  const list = await rows<MessageRow>(db, sql`SELECT ${messageColumns} FROM kiosk_messages WHERE unit_id = ${unitId} ORDER BY position, id`);
  return list.map(normalise);
}

/** A message of a unit (locked for the transaction when `lock`). */
export async function findMessage(db: Db, unitId: number, id: number, lock = false): Promise<MessageRow | null> {
  const r = await one<MessageRow>(
    db,
    sql`SELECT ${messageColumns} FROM kiosk_messages WHERE id = ${id} AND unit_id = ${unitId} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return r ? normalise(r) : null;
}

/** A message by id alone, for the staff pages whose URL names only the message. */
export async function findMessageById(db: Db, id: number): Promise<MessageRow | null> {
  const r = await one<MessageRow>(db, sql`SELECT ${messageColumns} FROM kiosk_messages WHERE id = ${id}`);
  return r ? normalise(r) : null;
}

/** Serialises every change to one unit's messages (positions are renumbered as a whole). */
export async function lockUnitMessages(db: Db, unitId: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(7402313, ${unitId}::int)`);
}

export interface NewMessage {
  unitId: number;
  position: number;
  body: string;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  createdBy: number | null;
}

export async function insertMessage(db: Db, m: NewMessage): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO kiosk_messages (unit_id, position, body, enabled, valid_from, valid_to, created_by)
        VALUES (${m.unitId}, ${m.position}, ${m.body}, ${m.enabled}, ${m.validFrom}::date, ${m.validTo}::date, ${m.createdBy})
        RETURNING id`,
  );
  return Number((r as { id: number }).id);
}

export async function updateMessage(
  db: Db,
  id: number,
  m: { body: string; enabled: boolean; validFrom: string | null; validTo: string | null },
): Promise<void> {
  await db.execute(sql`
    UPDATE kiosk_messages SET body = ${m.body}, enabled = ${m.enabled}, valid_from = ${m.validFrom}::date, valid_to = ${m.validTo}::date,
      updated_at = clock_timestamp()
    WHERE id = ${id}`);
}

/** Renumbers a unit's messages 1..n in the given order; only rows whose position changes are touched. */
export async function setPositions(db: Db, unitId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    UPDATE kiosk_messages m SET position = o.n, updated_at = clock_timestamp()
    FROM unnest(${`{${ids.join(',')}}`}::bigint[]) WITH ORDINALITY AS o(id, n)
    WHERE m.id = o.id AND m.unit_id = ${unitId} AND m.position <> o.n`);
}

export async function deleteMessage(db: Db, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM kiosk_messages WHERE id = ${id}`);
}

function normalise(r: MessageRow): MessageRow {
  return { ...r, id: Number(r.id), unit_id: Number(r.unit_id), position: Number(r.position), created_by: r.created_by === null ? null : Number(r.created_by) };
}
