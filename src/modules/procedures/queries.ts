import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, rows } from '../../platform/db/query.ts';
import type { Fee, ProcedureContent, ProcedureDocument, VersionStatus } from './schema.ts';

export interface ProcedureRow {
  id: number;
  code: string;
  created_at: Date;
}

/** What a version keeps in `data` (the rest has columns of its own). */
export interface VersionData {
  agency: string | null;
  timeLimitNote: string | null;
  fees: Fee[];
  documents: ProcedureDocument[];
  steps: string[];
  legalBasis: string[];
  result: string | null;
  unverified: string[];
}

export interface VersionRow {
  id: number;
  procedure_id: number;
  code: string;
  version: number;
  status: VersionStatus;
  effective_from: string | null;
  effective_to: string | null;
  name: string;
  field: string;
  level: ProcedureContent['level'];
  unit_kinds: string[];
  time_limit_value: number;
  time_limit_unit: ProcedureContent['timeLimit']['unit'];
  cutoff_hour: string | null;
  online_level: ProcedureContent['onlineLevel'];
  same_day_eligible: boolean;
  data: VersionData;
  created_by: number | null;
  created_at: Date | string;
  published_at: Date | string | null;
}

const columns = sql`v.id, v.procedure_id, p.code, v.version, v.status, v.effective_from, v.effective_to, v.name, v.field, v.level, v.unit_kinds,
  v.time_limit_value, v.time_limit_unit, v.cutoff_hour, v.online_level, v.same_day_eligible, v.data, v.created_by, v.created_at, v.published_at`;
const from = sql`procedure_versions v JOIN procedures p ON p.id = v.procedure_id`;

/**
 * In force on `day` (see rules/versions.ts inForceOn; the two must agree), as a condition on a version aliased `v`:
 * exported for queries of other modules that read the version in force together with their own rows.
 */
export const inForce = (day: string) =>
  sql`(v.status <> 'draft' AND v.effective_from <= ${day}::date AND (v.effective_to IS NULL OR ${day}::date < v.effective_to))`;

export function findProcedureByCode(db: Db, code: string): Promise<ProcedureRow | null> {
  return one<ProcedureRow>(db, sql`SELECT id, code, created_at FROM procedures WHERE code = ${code}`);
}

/** Locks a procedure for the rest of the transaction, so two publications cannot interleave. */
export function lockProcedure(db: Db, id: number): Promise<ProcedureRow | null> {
  return one<ProcedureRow>(db, sql`SELECT id, code, created_at FROM procedures WHERE id = ${id} FOR UPDATE`);
}

export async function insertProcedure(db: Db, code: string): Promise<ProcedureRow> {
  const row = await one<ProcedureRow>(db, sql`INSERT INTO procedures (code) VALUES (${code}) RETURNING id, code, created_at`);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function listVersions(db: Db, procedureId: number): Promise<VersionRow[]> {
  return rows<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE v.procedure_id = ${procedureId} ORDER BY v.version`);
}

export function findVersion(db: Db, procedureId: number, version: number): Promise<VersionRow | null> {
  return one<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE v.procedure_id = ${procedureId} AND v.version = ${version}`);
}

export function findVersionById(db: Db, id: number): Promise<VersionRow | null> {
  return one<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE v.id = ${id}`);
}

export function findDraft(db: Db, procedureId: number): Promise<VersionRow | null> {
  return one<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE v.procedure_id = ${procedureId} AND v.status = 'draft'`);
}

/** The version of a procedure in force on `day`. */
export function findVersionInForce(db: Db, code: string, day: string): Promise<VersionRow | null> {
  return one<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE p.code = ${code} AND ${inForce(day)}`);
}

function dataOf(c: ProcedureContent): VersionData {
  return {
    agency: c.agency,
    timeLimitNote: c.timeLimit.note,
    fees: c.fees,
    documents: c.documents,
    steps: c.steps,
    legalBasis: c.legalBasis,
    result: c.result,
    unverified: c.unverified,
  };
}

const textArray = (list: readonly string[]) => sql`${`{${list.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export interface NewVersion {
  procedureId: number;
  version: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  content: ProcedureContent;
  createdBy: number | null;
}

export async function insertVersion(db: Db, v: NewVersion): Promise<VersionRow> {
  const c = v.content;
  const inserted = await one<{ id: number }>(
    db,
    sql`INSERT INTO procedure_versions (procedure_id, version, status, effective_from, name, field, level, unit_kinds, time_limit_value, time_limit_unit,
          cutoff_hour, online_level, same_day_eligible, data, created_by, published_at)
        VALUES (${v.procedureId}, ${v.version}, ${v.status}, ${v.effectiveFrom}::date, ${c.name}, ${c.field}, ${c.level}, ${textArray(c.unitTypes)},
          ${c.timeLimit.value}, ${c.timeLimit.unit}, ${c.cutoffHour}, ${c.onlineLevel}, ${c.sameDayEligible}, ${JSON.stringify(dataOf(c))}::jsonb,
          ${v.createdBy}, ${v.status === 'draft' ? null : sql`now()`})
        RETURNING id`,
  );
  return (await findVersionById(db, (inserted as { id: number }).id)) as VersionRow;
}

/** Rewrites a draft's content (the database refuses this for any other status). */
export async function updateDraftContent(db: Db, id: number, c: ProcedureContent, createdBy: number | null): Promise<VersionRow> {
  await db.execute(sql`
    UPDATE procedure_versions SET name = ${c.name}, field = ${c.field}, level = ${c.level}, unit_kinds = ${textArray(c.unitTypes)},
      time_limit_value = ${c.timeLimit.value}, time_limit_unit = ${c.timeLimit.unit}, cutoff_hour = ${c.cutoffHour}, online_level = ${c.onlineLevel},
      same_day_eligible = ${c.sameDayEligible}, data = ${JSON.stringify(dataOf(c))}::jsonb, created_by = ${createdBy}, created_at = now()
    WHERE id = ${id} AND status = 'draft'`);
  return (await findVersionById(db, id)) as VersionRow;
}

export async function renumberVersion(db: Db, id: number, version: number): Promise<void> {
  await db.execute(sql`UPDATE procedure_versions SET version = ${version} WHERE id = ${id} AND status = 'draft'`);
}

export async function setEffectiveTo(db: Db, id: number, day: string): Promise<void> {
  await db.execute(sql`UPDATE procedure_versions SET effective_to = ${day}::date WHERE id = ${id}`);
}

export async function markPublished(db: Db, id: number, effectiveFrom: string): Promise<void> {
  await db.execute(
    sql`UPDATE procedure_versions SET status = 'published', effective_from = ${effectiveFrom}::date, published_at = now() WHERE id = ${id} AND status = 'draft'`,
  );
}

export async function markWithdrawn(db: Db, id: number, effectiveTo: string): Promise<void> {
  await db.execute(sql`UPDATE procedure_versions SET status = 'withdrawn', effective_to = ${effectiveTo}::date WHERE id = ${id} AND status = 'published'`);
}

export async function nextVersionNumber(db: Db, procedureId: number): Promise<number> {
  const r = await one<{ n: number }>(db, sql`SELECT coalesce(max(version), 0) + 1 AS n FROM procedure_versions WHERE procedure_id = ${procedureId}`);
  return r?.n ?? 1;
}

export interface SearchFilters {
  /** Cleaned query text (see rules/search.ts). */
  text?: string | null;
  codePrefix?: string | null;
  field?: string;
  level?: string;
  unitKind?: string;
  onlineLevel?: string;
  sameDay?: boolean;
  /** current: in force today; draft: open drafts; all: each procedure's newest version. */
  status: 'current' | 'draft' | 'all';
  today: string;
  limit: number;
  offset: number;
}

/**
 * Finds procedures, ranked for people who type without diacritics: the exact code; then names
 * equal to the query, then names starting with it, then names containing it, then names holding
 * every word in any order; ties by pg_trgm word similarity, similarity and the shorter name.
 * Matching uses vn_unaccent on both sides, so "dang ky" finds "Đăng ký".
 *
 * Two passes keep it fast: the first matches every word as a substring (served by the trigram
 * index, a few milliseconds over thousands of versions); only when that finds nothing does a
 * second pass match by trigram word similarity, which tolerates typos ("khia sinh") but costs
 * several times more.
 */
export async function searchProcedures(db: Db, f: SearchFilters): Promise<{ rows: VersionRow[]; total: number }> {
  const base: SQL[] = [];
  if (f.status === 'current') base.push(inForce(f.today));
  else if (f.status === 'draft') base.push(sql`v.status = 'draft'`);
  else base.push(sql`v.version = (SELECT max(version) FROM procedure_versions x WHERE x.procedure_id = v.procedure_id)`);
  if (f.field) base.push(sql`v.field = ${f.field}`);
  if (f.level) base.push(sql`v.level = ${f.level}`);
  if (f.unitKind) base.push(sql`${f.unitKind} = ANY(v.unit_kinds)`);
  if (f.onlineLevel) base.push(sql`v.online_level = ${f.onlineLevel}`);
  if (f.sameDay !== undefined) base.push(sql`v.same_day_eligible = ${f.sameDay}`);
  const run = async (extra: SQL | null, order: SQL) => {
    const where = extra ? [...base, extra] : base;
    const list = await rows<VersionRow & { total: number }>(
      db,
      sql`SELECT ${columns}, count(*) OVER () AS total FROM ${from}
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY ${order}
          LIMIT ${f.limit} OFFSET ${f.offset}`,
    );
    return { rows: list, total: Number(list[0]?.total ?? 0) };
  };
  if (!f.text) return run(null, sql`v.field, v.name, p.code`);

  const nq = sql`vn_unaccent(${f.text})`;
  const rank = sql`word_similarity(${nq}, v.search_name) DESC, similarity(${nq}, v.search_name) DESC, length(v.name), p.code`;
  const words = f.text.split(' ').filter(Boolean);
  const everyWord = sql.join(
    words.map((w) => sql`v.search_all LIKE '%' || vn_unaccent(${likeEscape(w)}) || '%'`),
    sql` AND `,
  );
  const exact = await run(
    sql`(${f.codePrefix ? sql`starts_with(p.code, ${f.codePrefix}) OR ` : sql``}(${everyWord}))`,
    sql`CASE WHEN p.code = ${f.text} THEN 0 WHEN v.search_name = ${nq} THEN 1 WHEN starts_with(v.search_name, ${nq}) THEN 2
      WHEN position(${nq} IN v.search_name) > 0 THEN 3 ELSE 4 END, ${rank}`,
  );
  if (exact.total > 0 || f.offset > 0) return exact;
  return run(sql`${nq} <% v.search_all`, rank);
}

/** Every version in force on `day`, by code (the export). */
export function listInForce(db: Db, day: string): Promise<VersionRow[]> {
  return rows<VersionRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${inForce(day)} ORDER BY p.code`);
}

/** The distinct fields (lĩnh vực) of procedures in force, for the filter list. */
export async function listFields(db: Db, day: string): Promise<string[]> {
  const r = await rows<{ field: string }>(db, sql`SELECT DISTINCT v.field FROM ${from} WHERE ${inForce(day)} ORDER BY v.field`);
  return r.map((x) => x.field);
}

export interface UnitForMatching {
  id: number;
  kind: string;
  parent_kind: string | null;
}

/** Units not merged away, with their parent's kind (for the default carry-out rule). */
export function listActiveUnitsForMatching(db: Db): Promise<UnitForMatching[]> {
  return rows<UnitForMatching>(
    db,
    sql`SELECT u.id, u.kind, pu.kind AS parent_kind FROM units u LEFT JOIN units pu ON pu.id = u.parent_id WHERE u.merged_into_id IS NULL ORDER BY u.id`,
  );
}

export async function insertUnitProcedure(db: Db, unitId: number, procedureId: number, sameDay: boolean): Promise<number> {
  const res = await db.execute(
    sql`INSERT INTO unit_procedures (unit_id, procedure_id, same_day) VALUES (${unitId}, ${procedureId}, ${sameDay}) ON CONFLICT DO NOTHING`,
  );
  return res.rowCount ?? 0;
}

/** Whether the unit registered the procedure for same-day settlement (unit_procedures.same_day; seed 004 appendix). */
export async function isRegisteredSameDay(db: Db, unitId: number, procedureId: number): Promise<boolean> {
  const r = await one<{ same_day: boolean }>(db, sql`SELECT same_day FROM unit_procedures WHERE unit_id = ${unitId} AND procedure_id = ${procedureId}`);
  return r?.same_day ?? false;
}

/** Moves the procedures a unit carries out to another unit, keeping the target's own settings. */
export async function moveUnitProcedures(db: Db, fromId: number, intoId: number): Promise<number> {
  await db.execute(sql`
    INSERT INTO unit_procedures (unit_id, procedure_id, same_day)
    SELECT ${intoId}, procedure_id, same_day FROM unit_procedures WHERE unit_id = ${fromId}
    ON CONFLICT (unit_id, procedure_id) DO NOTHING`);
  const res = await db.execute(sql`DELETE FROM unit_procedures WHERE unit_id = ${fromId}`);
  return res.rowCount ?? 0;
}

export interface CarryingUnit {
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  same_day: boolean;
  /** The parent unit's name: "Phường 1" exists in many cities. */
  parent_name: string | null;
}

/** Units that carry out a procedure (where to go), in tree order. */
export function unitsCarrying(db: Db, procedureId: number, limit = 200): Promise<CarryingUnit[]> {
  return rows<CarryingUnit>(
    db,
    sql`SELECT u.code, u.name, u.address, u.phone, up.same_day, pu.name AS parent_name
        FROM unit_procedures up JOIN units u ON u.id = up.unit_id LEFT JOIN units pu ON pu.id = u.parent_id
        WHERE up.procedure_id = ${procedureId} AND u.merged_into_id IS NULL ORDER BY u.path LIMIT ${limit}`,
  );
}

/**
 * The versions in force on `day` of the procedures a unit carries out (unit_procedures): what its desk publishes
 * (the public unit page, the QR guide sheets). Drafts never; a version withdrawn from a later date still is in force.
 */
export function listCarriedInForce(db: Db, unitId: number, day: string): Promise<VersionRow[]> {
  return rows<VersionRow>(
    db,
    sql`SELECT ${columns} FROM ${from} JOIN unit_procedures up ON up.procedure_id = v.procedure_id
        WHERE up.unit_id = ${unitId} AND ${inForce(day)} ORDER BY v.field, v.name, p.code`,
  );
}
