// SQL for printing slips and the register book (kept apart from queries.ts while others edit it; same module, same tables).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { Moment } from './queries.ts';
import type { DossierStatus } from './rules/lifecycle.ts';

/** A staff member as a slip names them: full name and title (chức vụ). */
export function findSigner(db: Db, userId: number): Promise<{ full_name: string; title: string | null } | null> {
  return one(db, sql`SELECT full_name, title FROM users WHERE id = ${userId}`);
}

/** One line of the register book (Sổ theo dõi hồ sơ). PERSONAL DATA: the applicant's name, address and phone. */
export interface RegisterRow {
  code: string;
  status: DossierStatus;
  procedure_name: string;
  applicant_name: string;
  applicant_address: string | null;
  applicant_phone: string | null;
  processing_unit_name: string | null;
  received_at: Moment;
  due_at: Moment;
  processing_started_at: Moment | null;
  result_at: Moment | null;
  returned_at: Moment | null;
}

/** Dossiers a unit received on the days `from`..`to` (inclusive, Vietnam dates), in order of receipt. */
export function listRegister(db: Db, unitId: number, from: string, to: string): Promise<RegisterRow[]> {
  return rows<RegisterRow>(
    db,
    sql`SELECT d.code, d.status, v.name AS procedure_name, d.applicant_name, d.applicant_address, d.applicant_phone,
               pu.name AS processing_unit_name, d.received_at, d.due_at, d.processing_started_at, d.result_at, d.returned_at
        FROM dossiers d
        JOIN procedure_versions v ON v.id = d.procedure_version_id
        LEFT JOIN units pu ON pu.id = d.processing_unit_id
        WHERE d.unit_id = ${unitId} AND d.receipt_day BETWEEN ${from}::date AND ${to}::date
        ORDER BY d.received_at, d.id`,
  );
}
