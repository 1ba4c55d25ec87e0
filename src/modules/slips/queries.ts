import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';

/** A row of slip_templates. */
export interface SlipTemplateRow {
  id: number;
  code: string;
  version: number;
  circular: string;
  title: string;
  effective_from: string;
  effective_to: string | null;
  definition: unknown;
  created_at: Date;
}

const columns = sql`id, code, version, circular, title, effective_from::text AS effective_from, effective_to::text AS effective_to, definition, created_at`;

/** The version of a template in force on `date` ('YYYY-MM-DD'); the highest version wins an overlap. */
export function findTemplateInForce(db: Db, code: string, date: string): Promise<SlipTemplateRow | null> {
  return one<SlipTemplateRow>(
    db,
    sql`SELECT ${columns} FROM slip_templates
        WHERE code = ${code} AND effective_from <= ${date}::date AND (effective_to IS NULL OR effective_to > ${date}::date)
        ORDER BY version DESC LIMIT 1`,
  );
}

/** Every stored version, by code then version. */
export function listTemplates(db: Db): Promise<SlipTemplateRow[]> {
  return rows<SlipTemplateRow>(db, sql`SELECT ${columns} FROM slip_templates ORDER BY code, version`);
}

export interface NewSlipTemplate {
  code: string;
  version: number;
  circular: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  definition: unknown;
}

/** Inserts a template version unless (code, version) exists; null when it did. */
export function insertTemplateIfAbsent(db: Db, t: NewSlipTemplate): Promise<SlipTemplateRow | null> {
  return one<SlipTemplateRow>(
    db,
    sql`INSERT INTO slip_templates (code, version, circular, title, effective_from, effective_to, definition)
        VALUES (${t.code}, ${t.version}, ${t.circular}, ${t.title}, ${t.effectiveFrom}::date, ${t.effectiveTo}::date,
                ${JSON.stringify(t.definition)}::jsonb)
        ON CONFLICT (code, version) DO NOTHING
        RETURNING ${columns}`,
  );
}
