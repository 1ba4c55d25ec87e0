/**
 * Read-only figures the dashboards need beside the dossier, feedback and index functions other modules export: what
 * needs attention today across a set of units, and the cashless share of fees paid per month. Plain reads of the
 * dossiers, feedback, dialogue and payment tables (no writes; the owning modules keep their rules).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';

export interface Attention {
  overdueDossiers: number;
  dueToday: number;
  returnedNotClosed: number;
  overdueFeedback: number;
  overdueCommitments: number;
  paymentsToResolve: number;
}

export async function attentionToday(db: Db, unitIds: number[], now: Date, today: string): Promise<Attention> {
  const ids = `{${unitIds.join(',') || '0'}}`;
  const at = now.toISOString();
  const r = await one<Record<string, string>>(
    db,
    sql`SELECT
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.result_at IS NULL AND d.refused_at IS NULL AND d.ended_at IS NULL
         AND (d.extension_count > 0 OR (d.status <> 'supplement_requested' AND d.due_at < ${at}::timestamptz))) AS overdue_dossiers,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.result_at IS NULL AND d.refused_at IS NULL AND d.ended_at IS NULL
         AND d.due_date = ${today}::date AND d.due_at >= ${at}::timestamptz) AS due_today,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.returned_at IS NOT NULL AND d.closed_at IS NULL) AS returned_not_closed,
      (SELECT count(*) FROM feedback f WHERE f.unit_id = ANY(${ids}::bigint[]) AND f.status IN ('received', 'accepted', 'assigned', 'in_progress')
         AND f.answer_due_at < ${at}::timestamptz) AS overdue_feedback,
      (SELECT count(*) FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${ids}::bigint[]) AND c.status = 'open' AND c.deadline < ${today}::date) AS overdue_commitments,
      (SELECT count(*) FROM payments p WHERE p.unit_id = ANY(${ids}::bigint[]) AND p.status IN ('unmatched', 'partial', 'duplicate')) AS payments_to_resolve`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    overdueDossiers: n('overdue_dossiers'),
    dueToday: n('due_today'),
    returnedNotClosed: n('returned_not_closed'),
    overdueFeedback: n('overdue_feedback'),
    overdueCommitments: n('overdue_commitments'),
    paymentsToResolve: n('payments_to_resolve'),
  };
}

/** Fees paid per month (Vietnam time) and how many of them by transfer (cashless), months [fromMonth, toMonth]. */
export async function monthlyCashless(
  db: Db,
  unitIds: number[],
  fromMonth: string,
  toMonth: string,
): Promise<{ month: string; paid: number; transfer: number }[]> {
  const ids = `{${unitIds.join(',') || '0'}}`;
  return rows<{ month: string; paid: number; transfer: number }>(
    db,
    sql`SELECT to_char(date_trunc('month', f.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS month, count(*)::int AS paid,
          count(*) FILTER (WHERE f.paid_by = 'transfer')::int AS transfer
        FROM dossier_fees f
        WHERE f.unit_id = ANY(${ids}::bigint[]) AND f.status = 'paid'
          AND f.paid_at >= (${fromMonth}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
          AND f.paid_at < ((${toMonth}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        GROUP BY 1 ORDER BY 1`,
  );
}
