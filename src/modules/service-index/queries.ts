import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import { periodBounds } from '../../platform/period.ts';
import { versionInForceOn } from '../procedures/index.ts';

/**
 * The counts the index needs that the dossier and feedback indicators do not give: the units' procedures published
 * and in force, received dossiers owing a fee and paid online, and those whose applicant has a 12-digit personal
 * number. Read-only SQL over the procedures, dossiers and payments tables.
 */
export async function extraIndexCounts(
  db: Db,
  q: { unitIds: number[]; from: string; to: string; day: string; now: Date },
): Promise<{ listed: number; publishedInForce: number; withFees: number; paidOnline: number; personalNumber: number }> {
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  const row = await one<Record<string, string>>(
    db,
    sql`SELECT
      (SELECT count(DISTINCT up.procedure_id) FROM unit_procedures up WHERE up.unit_id = ANY(${ids}::bigint[])) AS listed,
      (SELECT count(DISTINCT up.procedure_id) FROM unit_procedures up
         WHERE up.unit_id = ANY(${ids}::bigint[])
           AND EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = up.procedure_id AND ${versionInForceOn(q.day)})) AS published,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.receipt_day BETWEEN ${q.from}::date AND ${q.to}::date
         AND EXISTS (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = d.id AND f.amount_vnd > 0 AND f.status <> 'cancelled')) AS with_fees,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.receipt_day BETWEEN ${q.from}::date AND ${q.to}::date
         AND d.paid_online
         AND EXISTS (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = d.id AND f.amount_vnd > 0 AND f.status <> 'cancelled')) AS paid_online,
      (SELECT count(*) FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND d.receipt_day BETWEEN ${q.from}::date AND ${q.to}::date
         AND d.applicant_id_number ~ '^[0-9]{12}$') AS personal_number`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    listed: n('listed'),
    publishedInForce: n('published'),
    withFees: n('with_fees'),
    paidOnline: n('paid_online'),
    personalNumber: n('personal_number'),
  };
}

/** The ratios entered by hand for the unit and exactly this period. */
export async function manualInputs(db: Db, unitId: number, from: string, to: string): Promise<Record<string, number>> {
  const list = await rows<{ code: string; ratio: string }>(
    db,
    sql`SELECT code, ratio FROM service_index_inputs WHERE unit_id = ${unitId} AND period_from = ${from}::date AND period_to = ${to}::date`,
  );
  return Object.fromEntries(list.map((r) => [r.code, Number(r.ratio)]));
}

export async function saveManualInput(
  db: Db,
  x: { unitId: number; from: string; to: string; code: string; ratio: number; note: string | null; userId: number | null },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO service_index_inputs (unit_id, period_from, period_to, code, ratio, note, entered_by)
        VALUES (${x.unitId}, ${x.from}::date, ${x.to}::date, ${x.code}, ${x.ratio}, ${x.note}::text, ${x.userId}::bigint)
        ON CONFLICT (unit_id, period_from, period_to, code)
        DO UPDATE SET ratio = EXCLUDED.ratio, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by, entered_at = now()`,
  );
}

export type DrillKind = 'late' | 'overdue' | 'not_online' | 'unpaid' | 'no_electronic_result' | 'no_personal_number';

export interface DrillRow {
  code: string;
  unit_name: string;
  procedure_code: string;
  status: string;
  received_at: string;
  due_at: string;
  result_at: string | null;
}

/**
 * The dossiers behind a score (drill-down): settled late in the period, in progress past their due moment at its end,
 * received and not online, owing a fee and not paid online, without an electronic result, without a personal number.
 */
export async function drillDown(db: Db, q: { unitIds: number[]; from: string; to: string; now: Date; kind: DrillKind; limit: number; offset: number }) {
  const { start, end, asOf } = periodBounds(q.from, q.to, q.now);
  const ids = `{${q.unitIds.join(',') || '0'}}`;
  const received = sql`d.receipt_day BETWEEN ${q.from}::date AND ${q.to}::date`;
  const hasFee = sql`EXISTS (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = d.id AND f.amount_vnd > 0 AND f.status <> 'cancelled')`;
  const where = {
    late: sql`d.result_at >= ${start.toISOString()}::timestamptz AND d.result_at < ${end.toISOString()}::timestamptz
              AND (d.extension_count > 0 OR d.result_at > d.due_at)`,
    overdue: sql`d.received_at < ${asOf.toISOString()}::timestamptz
                 AND COALESCE(d.result_at, d.refused_at, d.ended_at, 'infinity'::timestamptz) >= ${asOf.toISOString()}::timestamptz
                 AND (d.extension_count > 0 OR (d.status <> 'supplement_requested' AND d.due_at < ${asOf.toISOString()}::timestamptz))`,
    not_online: sql`${received} AND NOT d.online`,
    unpaid: sql`${received} AND NOT d.paid_online AND ${hasFee}`,
    no_electronic_result: sql`${received} AND NOT d.electronic_result`,
    no_personal_number: sql`${received} AND (d.applicant_id_number IS NULL OR d.applicant_id_number !~ '^[0-9]{12}$')`,
  }[q.kind];
  const list = await rows<DrillRow>(
    db,
    sql`SELECT d.code, u.name AS unit_name, p.code AS procedure_code, d.status, d.received_at, d.due_at, d.result_at
        FROM dossiers d JOIN units u ON u.id = d.unit_id JOIN procedures p ON p.id = d.procedure_id
        WHERE d.unit_id = ANY(${ids}::bigint[]) AND ${where}
        ORDER BY d.received_at, d.id LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const total = await one<{ n: string }>(db, sql`SELECT count(*) AS n FROM dossiers d WHERE d.unit_id = ANY(${ids}::bigint[]) AND ${where}`);
  return { rows: list, total: Number(total?.n ?? 0) };
}
