/** Feedback that needs a leader's attention now (the dashboard's first panel), as a count only. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';

/** Items handled by the units, still open (received … in progress) and past their answer deadline at `now`. */
export async function overdueFeedbackCount(db: Db, unitIds: number[], now: Date): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM feedback f WHERE f.unit_id = ANY(${`{${unitIds.join(',') || '0'}}`}::bigint[])
          AND f.status IN ('received', 'accepted', 'assigned', 'in_progress') AND f.answer_due_at < ${now.toISOString()}::timestamptz`,
  );
  return r?.n ?? 0;
}
