/** Dialogue commitments that need a leader's attention today (the dashboard's first panel), as a count only. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';

/** Commitments the units own (they must act), still open and past their deadline on `today` (a Vietnam date). */
export async function overdueCommitmentCount(db: Db, unitIds: number[], today: string): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${`{${unitIds.join(',') || '0'}}`}::bigint[])
          AND c.status = 'open' AND c.deadline < ${today}::date`,
  );
  return r?.n ?? 0;
}
