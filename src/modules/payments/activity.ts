/**
 * What the reports read of the payments module (the outreach report, the reform report's cashless rate, the leader's
 * dashboard): the one definition of "paid cashless" (thanh toán không dùng tiền mặt) — a fee paid in the period by
 * transfer, against all the fees paid in it (transfer or cash) — and the transfers still waiting for someone to resolve.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';

/** Fees paid in one month (Vietnam time) at one counter (null: none recorded), by how they were paid. */
export interface FeesPaid {
  /** The month's first day, yyyy-mm-dd. */
  month: string;
  counter: string | null;
  transferCount: number;
  transferVnd: number;
  cashCount: number;
  cashVnd: number;
}

export interface PaymentActivity {
  /** Ordered by counter (none first), then month. */
  paid: FeesPaid[];
  /** Transfers unmatched, partial or duplicate now (whatever the period): the reconciliation's work still to do. */
  transfersToResolve: number;
}

/**
 * Fees of the units paid in [start, end), per month and counter, and the units' transfers still to resolve. Read-only;
 * no personal data (no payer names or accounts).
 */
export async function cashlessActivity(db: Db, q: { unitIds: number[]; start: Date; end: Date }): Promise<PaymentActivity> {
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  const [paid, open] = await Promise.all([
    rows<FeesPaid>(
      db,
      sql`SELECT to_char(date_trunc('month', paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS month, counter,
            count(*) FILTER (WHERE paid_by = 'transfer')::int AS "transferCount",
            coalesce(sum(paid_vnd) FILTER (WHERE paid_by = 'transfer'), 0)::float8 AS "transferVnd",
            count(*) FILTER (WHERE paid_by = 'cash')::int AS "cashCount",
            coalesce(sum(paid_vnd) FILTER (WHERE paid_by = 'cash'), 0)::float8 AS "cashVnd"
          FROM dossier_fees
          WHERE unit_id = ANY(${ids}::bigint[]) AND status = 'paid'
            AND paid_at >= ${q.start.toISOString()}::timestamptz AND paid_at < ${q.end.toISOString()}::timestamptz
          GROUP BY 1, 2 ORDER BY counter NULLS FIRST, month`,
    ),
    one<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM payments WHERE unit_id = ANY(${ids}::bigint[]) AND status IN ('unmatched', 'partial', 'duplicate')`,
    ),
  ]);
  return { paid, transfersToResolve: open?.n ?? 0 };
}
