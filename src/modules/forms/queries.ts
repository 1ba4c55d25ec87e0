/** SQL on the forms module's table (declaration_sets). Personal data lives in `identities` and `field_values`. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { CardIdentity } from './rules/template.ts';
import type { FormValues } from './rules/values.ts';

export interface TemplateRef {
  key: string;
  version: number;
}

export interface StoredWarning {
  code: string;
  message: { vi: string; en: string };
}

export interface DeclarationSetRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  created_by: number | null;
  creator_name: string | null;
  dossier_id: number | null;
  /** The code of the dossier the set was received with (dossiers.code), once attached. */
  dossier_code: string | null;
  procedure_code: string | null;
  templates: TemplateRef[];
  identities: CardIdentity[];
  field_values: FormValues;
  warnings: StoredWarning[];
  version: number;
  created_at: Date;
  updated_at: Date;
  purge_after: Date | null;
}

const selectSet = sql`
  SELECT s.id::int AS id, s.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
         s.created_by::int AS created_by, cu.full_name AS creator_name, s.dossier_id::int AS dossier_id, d.code AS dossier_code, s.procedure_code,
         s.templates, s.identities, s.field_values, s.warnings, s.version, s.created_at, s.updated_at, s.purge_after
  FROM declaration_sets s
  JOIN units u ON u.id = s.unit_id
  LEFT JOIN users cu ON cu.id = s.created_by
  LEFT JOIN dossiers d ON d.id = s.dossier_id`;

export async function findSet(db: Db, id: number, lock = false): Promise<DeclarationSetRow | null> {
  return one<DeclarationSetRow>(db, sql`${selectSet} WHERE s.id = ${id} ${lock ? sql`FOR UPDATE OF s` : sql``}`);
}

export async function insertSet(
  db: Db,
  input: {
    unitId: number;
    createdBy: number | null;
    procedureCode: string | null;
    templates: TemplateRef[];
    identities: CardIdentity[];
    values: FormValues;
    warnings: StoredWarning[];
    now: Date;
    purgeAfter: Date;
  },
): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO declaration_sets (unit_id, created_by, procedure_code, templates, identities, field_values, warnings, created_at, updated_at, purge_after)
        VALUES (${input.unitId}, ${input.createdBy}, ${input.procedureCode}, ${JSON.stringify(input.templates)}::jsonb,
                ${JSON.stringify(input.identities)}::jsonb, ${JSON.stringify(input.values)}::jsonb, ${JSON.stringify(input.warnings)}::jsonb,
                ${input.now}, ${input.now}, ${input.purgeAfter})
        RETURNING id::int AS id`,
  );
  return (row as { id: number }).id;
}

export async function updateSet(
  db: Db,
  id: number,
  input: { templates: TemplateRef[]; identities: CardIdentity[]; values: FormValues; warnings: StoredWarning[]; now: Date },
): Promise<void> {
  await db.execute(sql`
    UPDATE declaration_sets
    SET templates = ${JSON.stringify(input.templates)}::jsonb, identities = ${JSON.stringify(input.identities)}::jsonb,
        field_values = ${JSON.stringify(input.values)}::jsonb, warnings = ${JSON.stringify(input.warnings)}::jsonb,
        version = version + 1, updated_at = ${input.now}
    WHERE id = ${id}`);
}

export async function setDossier(db: Db, id: number, dossierId: number, now: Date): Promise<void> {
  await db.execute(sql`UPDATE declaration_sets SET dossier_id = ${dossierId}, purge_after = NULL, version = version + 1, updated_at = ${now} WHERE id = ${id}`);
}

export async function dossierExists(db: Db, dossierId: number): Promise<{ id: number; unit_id: number } | null> {
  return one(db, sql`SELECT id::int AS id, unit_id::int AS unit_id FROM dossiers WHERE id = ${dossierId}`);
}

/** A unit's sets made since `since`, newest first (no personal data: the list shows ids, forms and times). */
export async function listSets(db: Db, unitId: number, since: Date, limit: number, offset: number): Promise<{ rows: DeclarationSetRow[]; total: number }> {
  const [found, count] = await Promise.all([
    rows<DeclarationSetRow>(
      db,
      sql`${selectSet} WHERE s.unit_id = ${unitId} AND s.created_at >= ${since} ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM declaration_sets WHERE unit_id = ${unitId} AND created_at >= ${since}`),
  ]);
  return { rows: found, total: count?.n ?? 0 };
}

/** Deletes up to `limit` unattached sets whose purge time has passed; returns how many went. */
export async function deleteExpiredSets(db: Db, now: Date, limit: number): Promise<number> {
  const res = await db.execute(sql`
    DELETE FROM declaration_sets WHERE id IN (
      SELECT id FROM declaration_sets WHERE dossier_id IS NULL AND purge_after <= ${now}
      ORDER BY purge_after LIMIT ${limit} FOR UPDATE SKIP LOCKED)`);
  return res.rowCount ?? 0;
}
