/**
 * Dialogue indicators for a set of units over a period (issue 7 item 6): dialogues held by kind, and the commitments
 * made at them (cam kết) open and overdue at the end of the period, and kept in it. Commitments count for their owner
 * unit, the one that must act.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';
import { periodBounds, vietnamDate } from '../../platform/period.ts';

export interface DialogueIndicators {
  held: { radio: number; businessCoffee: number };
  commitments: { open: number; overdue: number; doneInPeriod: number; doneOnTimeInPeriod: number };
}

export async function computeDialogueIndicators(db: Db, q: { unitIds: number[]; from: string; to: string; now: Date }): Promise<DialogueIndicators> {
  const { start, end, asOf } = periodBounds(q.from, q.to, q.now);
  const ids = `{${q.unitIds.join(',')}}`;
  const s = start.toISOString();
  const e = end.toISOString();
  const at = asOf.toISOString();
  const row = await one<Record<string, string | number>>(
    db,
    sql`SELECT
      (SELECT count(*) FROM dialogues d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.status = 'held' AND d.kind = 'radio'
         AND d.starts_at >= ${s}::timestamptz AND d.starts_at < ${e}::timestamptz) AS radio,
      (SELECT count(*) FROM dialogues d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.status = 'held' AND d.kind = 'business_coffee'
         AND d.starts_at >= ${s}::timestamptz AND d.starts_at < ${e}::timestamptz) AS coffee,
      (SELECT count(*) FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${ids}::bigint[]) AND c.created_at < ${at}::timestamptz
         AND (c.closed_at IS NULL OR c.closed_at >= ${at}::timestamptz)) AS open,
      (SELECT count(*) FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${ids}::bigint[]) AND c.created_at < ${at}::timestamptz
         AND (c.closed_at IS NULL OR c.closed_at >= ${at}::timestamptz) AND c.deadline < ${vietnamDate(asOf)}::date) AS overdue,
      (SELECT count(*) FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${ids}::bigint[]) AND c.status = 'done'
         AND c.closed_at >= ${s}::timestamptz AND c.closed_at < ${e}::timestamptz) AS done,
      (SELECT count(*) FROM dialogue_commitments c WHERE c.owner_unit_id = ANY(${ids}::bigint[]) AND c.status = 'done'
         AND c.closed_at >= ${s}::timestamptz AND c.closed_at < ${e}::timestamptz
         AND (c.closed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= c.deadline) AS done_on_time`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    held: { radio: n('radio'), businessCoffee: n('coffee') },
    commitments: { open: n('open'), overdue: n('overdue'), doneInPeriod: n('done'), doneOnTimeInPeriod: n('done_on_time') },
  };
}
