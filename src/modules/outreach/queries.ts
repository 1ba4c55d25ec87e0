/**
 * Read-only counts the outreach report needs that the owning modules do not export: home visits (appointments tables)
 * and fees paid cashless or in cash (payments tables), per set of units and period.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';

export interface HomeVisits {
  requested: number;
  priority: number;
  done: number;
  /** Done no later than the end of the agreed slot. */
  doneOnTime: number;
  absent: number;
  cancelled: number;
}

export async function homeVisits(db: Db, q: { unitIds: number[]; start: Date; end: Date }): Promise<HomeVisits> {
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  const s = q.start.toISOString();
  const e = q.end.toISOString();
  const r = await one<Record<string, string>>(
    db,
    sql`SELECT
      count(*) FILTER (WHERE created_at >= ${s}::timestamptz AND created_at < ${e}::timestamptz) AS requested,
      count(*) FILTER (WHERE created_at >= ${s}::timestamptz AND created_at < ${e}::timestamptz AND priority_group IS NOT NULL) AS priority,
      count(*) FILTER (WHERE status = 'done' AND outcome_at >= ${s}::timestamptz AND outcome_at < ${e}::timestamptz) AS done,
      count(*) FILTER (WHERE status = 'done' AND outcome_at >= ${s}::timestamptz AND outcome_at < ${e}::timestamptz
                         AND coalesce(visited_at, outcome_at) <= slot_end) AS done_on_time,
      count(*) FILTER (WHERE status = 'absent' AND outcome_at >= ${s}::timestamptz AND outcome_at < ${e}::timestamptz) AS absent,
      count(*) FILTER (WHERE status = 'cancelled' AND updated_at >= ${s}::timestamptz AND updated_at < ${e}::timestamptz) AS cancelled
      FROM appointments WHERE unit_id = ANY(${ids}::bigint[])`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return { requested: n('requested'), priority: n('priority'), done: n('done'), doneOnTime: n('done_on_time'), absent: n('absent'), cancelled: n('cancelled') };
}

export interface FeeCollection {
  counter: string | null;
  transferCount: number;
  transferVnd: number;
  cashCount: number;
  cashVnd: number;
}

/** Fees paid in the period by how they were paid, per counter (null: no counter recorded). */
export function feeCollection(db: Db, q: { unitIds: number[]; start: Date; end: Date }): Promise<FeeCollection[]> {
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  return rows<FeeCollection>(
    db,
    sql`SELECT counter, count(*) FILTER (WHERE paid_by = 'transfer')::int AS "transferCount",
          coalesce(sum(paid_vnd) FILTER (WHERE paid_by = 'transfer'), 0)::float8 AS "transferVnd",
          count(*) FILTER (WHERE paid_by = 'cash')::int AS "cashCount",
          coalesce(sum(paid_vnd) FILTER (WHERE paid_by = 'cash'), 0)::float8 AS "cashVnd"
        FROM dossier_fees
        WHERE unit_id = ANY(${ids}::bigint[]) AND status = 'paid' AND paid_at >= ${q.start.toISOString()}::timestamptz AND paid_at < ${q.end.toISOString()}::timestamptz
        GROUP BY counter ORDER BY counter NULLS FIRST`,
  );
}
