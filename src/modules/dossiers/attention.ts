/**
 * What needs a leader's attention today among the dossiers of a set of units (the dashboard's first panel), as counts
 * only: in progress past their due moment (or extended), due later today, and returned to the citizen but not closed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';

export interface DossierAttention {
  overdue: number;
  dueToday: number;
  returnedNotClosed: number;
}

/** The counts at `now`; `today` is its Vietnam date (yyyy-mm-dd). */
export async function dossierAttention(db: Db, unitIds: number[], now: Date, today: string): Promise<DossierAttention> {
  const ids = `{${unitIds.join(',') || '0'}}`;
  const at = now.toISOString();
  const r = await one<DossierAttention>(
    db,
    sql`SELECT
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.result_at IS NULL AND d.refused_at IS NULL AND d.ended_at IS NULL
         AND (d.extension_count > 0 OR (d.status <> 'supplement_requested' AND d.due_at < ${at}::timestamptz)))::int AS overdue,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.result_at IS NULL AND d.refused_at IS NULL AND d.ended_at IS NULL
         AND d.due_date = ${today}::date AND d.due_at >= ${at}::timestamptz)::int AS "dueToday",
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.returned_at IS NOT NULL AND d.closed_at IS NULL)::int AS "returnedNotClosed"`,
  );
  return r ?? { overdue: 0, dueToday: 0, returnedNotClosed: 0 };
}
