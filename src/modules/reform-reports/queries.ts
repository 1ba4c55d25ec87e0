/** SQL of the reform reports: reports and their sections, the children's status for a period. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { Figures } from './rules/model-figures.ts';

export interface ReportRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  unit_path: string;
  parent_id: number | null;
  period: string;
  period_from: string;
  period_to: string;
  status: 'draft' | 'submitted';
  doc_number: number | null;
  summary: string | null;
  figures: Partial<Figures>;
  figures_at: Date | null;
  unit_count: number;
  version: number;
  compiled_at: Date | null;
  updated_at: Date;
  updated_by_name: string | null;
  submitted_at: Date | null;
  submitted_by_name: string | null;
  created_at: Date;
}

export interface ChildNarrative {
  unitCode: string;
  unitName: string;
  narrative: string;
}

export interface SectionRow {
  id: number;
  model_code: string;
  model_name: string;
  catalogue_code: string;
  position: number;
  narrative: string;
  children: ChildNarrative[];
  own: boolean;
}

const reportCols = sql`r.id::int AS id, r.unit_id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind,
  u.path AS unit_path, u.parent_id::int AS parent_id, r.period, to_char(r.period_from, 'YYYY-MM-DD') AS period_from,
  to_char(r.period_to, 'YYYY-MM-DD') AS period_to, r.status, r.doc_number, r.summary, r.figures, r.figures_at, r.unit_count,
  r.version, r.compiled_at, r.updated_at, ub.full_name AS updated_by_name, r.submitted_at, sb.full_name AS submitted_by_name, r.created_at
  FROM reform_reports r JOIN units u ON u.id = r.unit_id
  LEFT JOIN users ub ON ub.id = r.updated_by LEFT JOIN users sb ON sb.id = r.submitted_by`;

export function findReport(db: Db, id: number): Promise<ReportRow | null> {
  return one<ReportRow>(db, sql`SELECT ${reportCols} WHERE r.id = ${id}`);
}

/** The report row locked for a change (FOR UPDATE of the report only). */
export function lockReport(db: Db, id: number): Promise<ReportRow | null> {
  return one<ReportRow>(db, sql`SELECT ${reportCols} WHERE r.id = ${id} FOR UPDATE OF r`);
}

export function findReportFor(db: Db, unitId: number, period: string): Promise<ReportRow | null> {
  return one<ReportRow>(db, sql`SELECT ${reportCols} WHERE r.unit_id = ${unitId} AND r.period = ${period}`);
}

/** A unit's reports, newest period first. */
export function listUnitReports(db: Db, unitId: number, limit = 40): Promise<ReportRow[]> {
  return rows<ReportRow>(db, sql`SELECT ${reportCols} WHERE r.unit_id = ${unitId} ORDER BY r.period_from DESC, r.period LIMIT ${limit}`);
}

export function listSections(db: Db, reportId: number): Promise<SectionRow[]> {
  return rows<SectionRow>(
    db,
    sql`SELECT id::int AS id, model_code, model_name, catalogue_code, position, narrative, children, own
        FROM reform_report_sections WHERE report_id = ${reportId} ORDER BY position, id`,
  );
}

/** Creates a draft (nothing when the unit already has a report for the period); returns the report's id. */
export async function insertReport(
  db: Db,
  r: { unitId: number; period: string; from: string; to: string; figures: Figures; unitCount: number; userId: number | null },
): Promise<{ id: number; created: boolean }> {
  const made = await one<{ id: number }>(
    db,
    sql`INSERT INTO reform_reports (unit_id, period, period_from, period_to, figures, figures_at, unit_count, created_by, updated_by)
        VALUES (${r.unitId}, ${r.period}, ${r.from}::date, ${r.to}::date, ${JSON.stringify(r.figures)}::jsonb, now(), ${r.unitCount}, ${r.userId}, ${r.userId})
        ON CONFLICT (unit_id, period) DO NOTHING RETURNING id::int AS id`,
  );
  if (made) return { id: made.id, created: true };
  const found = await one<{ id: number }>(db, sql`SELECT id::int AS id FROM reform_reports WHERE unit_id = ${r.unitId} AND period = ${r.period}`);
  return { id: (found as { id: number }).id, created: false };
}

export async function insertSection(
  db: Db,
  s: { reportId: number; modelCode: string; modelName: string; catalogueCode: string; position: number; own: boolean },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO reform_report_sections (report_id, model_code, model_name, catalogue_code, position, own)
        VALUES (${s.reportId}, ${s.modelCode}, ${s.modelName}, ${s.catalogueCode}, ${s.position}, ${s.own})
        ON CONFLICT (report_id, model_code) DO NOTHING`,
  );
}

/** Saves what the unit wrote and moves the version on by one. */
export async function updateTexts(
  db: Db,
  r: { id: number; summary: string | null; docNumber: number | null; narratives: Map<number, string>; userId: number | null },
): Promise<void> {
  for (const [sectionId, text] of r.narratives) {
    await db.execute(sql`UPDATE reform_report_sections SET narrative = ${text} WHERE id = ${sectionId} AND report_id = ${r.id}`);
  }
  await db.execute(
    sql`UPDATE reform_reports SET summary = ${r.summary}, doc_number = ${r.docNumber}, version = version + 1, updated_by = ${r.userId}, updated_at = now()
        WHERE id = ${r.id}`,
  );
}

export async function updateFigures(db: Db, r: { id: number; figures: Figures; unitCount: number; compiled: boolean; userId: number | null }): Promise<void> {
  await db.execute(
    sql`UPDATE reform_reports SET figures = ${JSON.stringify(r.figures)}::jsonb, figures_at = now(), unit_count = ${r.unitCount},
          compiled_at = CASE WHEN ${r.compiled} THEN now() ELSE compiled_at END, version = version + 1, updated_by = ${r.userId}, updated_at = now()
        WHERE id = ${r.id}`,
  );
}

export async function setChildren(db: Db, sectionId: number, children: ChildNarrative[]): Promise<void> {
  await db.execute(sql`UPDATE reform_report_sections SET children = ${JSON.stringify(children)}::jsonb WHERE id = ${sectionId}`);
}

export async function markSubmitted(db: Db, id: number, userId: number | null): Promise<void> {
  await db.execute(
    sql`UPDATE reform_reports SET status = 'submitted', submitted_at = now(), submitted_by = ${userId}, version = version + 1, updated_by = ${userId},
          updated_at = now() WHERE id = ${id}`,
  );
}

export interface ChildStatusRow {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  report_id: number | null;
  status: 'draft' | 'submitted' | null;
  submitted_at: Date | null;
}

/** The units directly under `parentId` (not merged away) with their report for the period, if any. */
export function childrenStatus(db: Db, parentId: number, period: string): Promise<ChildStatusRow[]> {
  return rows<ChildStatusRow>(
    db,
    sql`SELECT u.id::int AS unit_id, u.code AS unit_code, u.name AS unit_name, r.id::int AS report_id, r.status, r.submitted_at
        FROM units u LEFT JOIN reform_reports r ON r.unit_id = u.id AND r.period = ${period}
        WHERE u.parent_id = ${parentId} AND u.merged_into_id IS NULL
        ORDER BY u.name, u.id`,
  );
}

/** Submitted reports of the units directly under `parentId` for the period, with their sections. */
export function submittedChildSections(
  db: Db,
  parentId: number,
  period: string,
): Promise<{ unit_code: string; unit_name: string; model_code: string; model_name: string; catalogue_code: string; narrative: string }[]> {
  return rows(
    db,
    sql`SELECT u.code AS unit_code, u.name AS unit_name, s.model_code, s.model_name, s.catalogue_code, s.narrative
        FROM reform_reports r JOIN units u ON u.id = r.unit_id JOIN reform_report_sections s ON s.report_id = r.id
        WHERE u.parent_id = ${parentId} AND r.period = ${period} AND r.status = 'submitted'
        ORDER BY s.position, u.name, u.id`,
  );
}

/** Ids of the unit and every unit below it (merged units included: their dossiers still count where they were). */
export async function subtreeIds(db: Db, path: string): Promise<number[]> {
  const list = await rows<{ id: number }>(db, sql`SELECT id::int AS id FROM units WHERE path LIKE ${`${path}%`} ORDER BY path`);
  return list.map((r) => r.id);
}
