/**
 * What the reports read of the appointments module (the outreach report, the reform report's M6 figures): the one
 * definition of a home visit requested, done (đã thực hiện) and done on time, as counts only (no personal data).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';

export interface HomeVisitActivity {
  /** Requests made in the period (cancelled ones included: they were asked for). */
  requested: number;
  /** Of those, requests of a priority group (đối tượng ưu tiên). */
  priority: number;
  /** Visits done in the period: counted on the day the visit was made (visited_at), not the day it was recorded. */
  done: number;
  /** Done no later than the end of the agreed slot. */
  doneOnTime: number;
  /** Visits made in the period that found nobody at home. */
  absent: number;
  /** Requests cancelled in the period. */
  cancelled: number;
}

/** Home-visit counts of the units over [start, end). */
export async function homeVisitActivity(db: Db, q: { unitIds: number[]; start: Date; end: Date }): Promise<HomeVisitActivity> {
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  const s = q.start.toISOString();
  const e = q.end.toISOString();
  const made = sql`created_at >= ${s}::timestamptz AND created_at < ${e}::timestamptz`;
  const visited = sql`visited_at >= ${s}::timestamptz AND visited_at < ${e}::timestamptz`;
  const r = await one<HomeVisitActivity>(
    db,
    sql`SELECT count(*) FILTER (WHERE ${made})::int AS requested,
          count(*) FILTER (WHERE ${made} AND priority_group IS NOT NULL)::int AS priority,
          count(*) FILTER (WHERE status = 'done' AND ${visited})::int AS done,
          count(*) FILTER (WHERE status = 'done' AND ${visited} AND visited_at <= slot_end)::int AS "doneOnTime",
          count(*) FILTER (WHERE status = 'absent' AND ${visited})::int AS absent,
          count(*) FILTER (WHERE status = 'cancelled' AND updated_at >= ${s}::timestamptz AND updated_at < ${e}::timestamptz)::int AS cancelled
        FROM appointments WHERE unit_id = ANY(${ids}::bigint[])`,
  );
  return r ?? { requested: 0, priority: 0, done: 0, doneOnTime: 0, absent: 0, cancelled: 0 };
}
