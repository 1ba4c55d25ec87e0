/** All SQL on procedure_samples (hồ sơ mẫu). Lists never read the file content; only the download does. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { SampleMime } from './rules/sample-file.ts';

export interface SampleRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  procedure_id: number;
  procedure_code: string;
  title: string;
  note: string | null;
  mime: SampleMime;
  size: number;
  sha256: string;
  uploaded_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const columns = sql`s.id, s.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, s.procedure_id, p.code AS procedure_code,
  s.title, s.note, s.mime, s.size, s.sha256, us.full_name AS uploaded_by_name, s.created_at, s.updated_at`;
const from = sql`procedure_samples s JOIN units u ON u.id = s.unit_id JOIN procedures p ON p.id = s.procedure_id
  LEFT JOIN users us ON us.id = s.uploaded_by`;

/** One sample without its content; `lock` holds it for the rest of the transaction (replace, delete). */
export function findSample(db: Db, id: number, lock = false): Promise<SampleRow | null> {
  return one<SampleRow>(db, sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id}${lock ? sql` FOR UPDATE OF s` : sql``}`);
}

/** The bytes of a sample, for the public download (read only once the ETag did not match). */
export async function sampleContent(db: Db, id: number, sha256: string): Promise<Buffer | null> {
  const row = await one<{ content: Buffer }>(db, sql`SELECT content FROM procedure_samples WHERE id = ${id} AND sha256 = ${sha256}`);
  return row?.content ?? null;
}

/** A unit's samples, every procedure, oldest first within a procedure. */
export function listSamplesOfUnit(db: Db, unitId: number): Promise<SampleRow[]> {
  return rows<SampleRow>(db, sql`SELECT ${columns} FROM ${from} WHERE s.unit_id = ${unitId} ORDER BY s.procedure_id, s.created_at, s.id`);
}

/**
 * The samples of a procedure the public sees: from units that still carry it out (unit_procedures) and were not
 * merged away, in unit-tree order, oldest first within a unit.
 */
export function listPublicSamples(db: Db, procedureId: number): Promise<SampleRow[]> {
  return rows<SampleRow>(
    db,
    sql`SELECT ${columns} FROM ${from}
        WHERE s.procedure_id = ${procedureId} AND u.merged_into_id IS NULL
          AND EXISTS (SELECT 1 FROM unit_procedures up WHERE up.unit_id = s.unit_id AND up.procedure_id = s.procedure_id)
        ORDER BY u.path, s.created_at, s.id`,
  );
}

export interface NewSample {
  unitId: number;
  procedureId: number;
  title: string;
  note: string | null;
  mime: SampleMime;
  content: Buffer;
  sha256: string;
  by: number | null;
}

export async function insertSample(db: Db, s: NewSample): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO procedure_samples (unit_id, procedure_id, title, note, mime, size, sha256, content, uploaded_by)
        VALUES (${s.unitId}, ${s.procedureId}, ${s.title}, ${s.note}, ${s.mime}, ${s.content.length}, ${s.sha256}, ${s.content}, ${s.by})
        RETURNING id`,
  );
  if (!row) throw new Error('insert returned no row');
  return Number(row.id);
}

/** New title and note, and a new file when given (the id, and so the public URL's id, stays). */
export async function updateSample(
  db: Db,
  id: number,
  s: { title: string; note: string | null; file: { mime: SampleMime; content: Buffer; sha256: string } | null; by: number | null },
): Promise<void> {
  const file = s.file
    ? sql`, mime = ${s.file.mime}, size = ${s.file.content.length}, sha256 = ${s.file.sha256}, content = ${s.file.content}, uploaded_by = ${s.by}`
    : sql``;
  await db.execute(sql`UPDATE procedure_samples SET title = ${s.title}, note = ${s.note}, updated_at = now()${file} WHERE id = ${id}`);
}

export async function deleteSample(db: Db, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM procedure_samples WHERE id = ${id}`);
}
