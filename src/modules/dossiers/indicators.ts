/**
 * Dossier indicators of a unit (or a set of units) over a period (M1 item 8, STANDARDS §9): the counts come from a few
 * aggregate queries over `dossiers` (indexes in migrations/0008_dossier_indicators.sql and 0009_dossier_report_facts.sql),
 * the classifications and the service-index score from rules/indicators.ts. Nothing is aggregated ahead of time: the
 * report is always the data as it is; only facts of a single row (its settlement class, result day, same-day result,
 * and the unit of an apology or rating) are stored on that row, kept by PostgreSQL in the same statement.
 *
 * Which moment counts for what:
 * - received, online share, index flags, same-day rate: dossiers received in the period;
 * - settled early / on time / late, average time per procedure: dossiers whose result was ready in the period;
 * - in progress within the limit / overdue, returned but not closed: the stock at `asOf` (end of period, or now);
 * - apology documents: issued in the period; satisfaction: ratings given in the period.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { rows } from '../../platform/db/query.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { UnitRow } from '../units/index.ts';
import { addDays, cumulativeWorkingDays, type ProgressGroup, periodBounds, periodDays, progressGroup, rate, satisfiedShare } from './rules/indicators.ts';
import { ratings } from './schema.ts';

export interface ProcedureTime {
  code: string;
  name: string;
  settled: number;
  averageWorkingDays: number | null;
  averageCalendarDays: number | null;
}

export interface DossierIndicators {
  from: string;
  to: string;
  asOf: string;
  received: number;
  settled: { total: number; early: number; onTime: number; late: number; onTimeRate: number | null };
  inProgress: { total: number; onTime: number; overdue: number };
  sameDay: { dossiers: number; settledSameDay: number; rate: number | null };
  online: { dossiers: number; share: number | null };
  flags: { paidOnline: number; digitised: number; electronicResult: number; reusedDocuments: number };
  returnedNotClosed: number;
  apologies: number;
  averageWorkingDays: number | null;
  averageCalendarDays: number | null;
  procedures: ProcedureTime[];
  satisfaction: { total: number; levels: Record<(typeof ratings)[number], number>; satisfiedShare: number | null };
  serviceIndex: { progress: ProgressGroup & { averageSettlingWorkingDays: number | null } };
}

/** How far before the period the working-day table reaches: dossiers settled in it may have started long before. */
const LOOKBACK_DAYS = 400;
const TOP_PROCEDURES = 20;

interface SettledRow {
  procedure_id: number;
  total: number;
  early: number;
  on_time: number;
  late: number;
  working_days: number;
  calendar_days: number;
}

/**
 * Computes the indicators for the dossiers received at `unitIds` over [from, to] (Vietnam dates, already checked).
 * Working days are counted with the calendar of `calendarUnit` (the unit the report is about).
 */
export async function computeDossierIndicators(
  db: Db,
  input: { unitIds: number[]; calendarUnit: UnitRow; from: string; to: string; now: Date },
): Promise<DossierIndicators> {
  const { start, end, asOf } = periodBounds(input.from, input.to, input.now);
  const ids = sql`${`{${input.unitIds.join(',') || '0'}}`}::bigint[]`;
  const s = start.toISOString();
  const e = end.toISOString();
  const a = asOf.toISOString();

  const base = addDays(input.from, -LOOKBACK_DAYS);
  const days = LOOKBACK_DAYS + periodDays(input.from, input.to) + 1;
  const cal = await loadCalendar(db, input.calendarUnit, Number(base.slice(0, 4)), Number(input.to.slice(0, 4)) + 1);
  const cum = `{${cumulativeWorkingDays(cal.calendar, base, days).join(',')}}`;

  // Each query reads one range of one index per unit, from the index alone (migrations/0008 and 0009): the classification
  // of a settled dossier, its result day and same-day result are stored on the row, apologies and ratings carry the unit.
  const [receivedRows, settledRows, progressRows, returnedRows, apologyRows, ratingRows] = await Promise.all([
    rows<Record<string, number>>(
      db,
      sql`SELECT count(*)::int AS received,
            count(*) FILTER (WHERE online)::int AS online,
            count(*) FILTER (WHERE paid_online)::int AS paid_online,
            count(*) FILTER (WHERE digitised)::int AS digitised,
            count(*) FILTER (WHERE electronic_result)::int AS electronic_result,
            count(*) FILTER (WHERE reused_documents)::int AS reused_documents,
            count(*) FILTER (WHERE same_day)::int AS same_day,
            count(*) FILTER (WHERE same_day_settled)::int AS same_day_settled
          FROM dossiers
          WHERE unit_id = ANY(${ids}) AND received_at >= ${s}::timestamptz AND received_at < ${e}::timestamptz`,
    ),
    // Settled in the period, by procedure: early / on time / late as stored in dossiers.settlement (rules of
    // rules/indicators.ts classifySettlement: late = an apology was issued or the result came after the due moment).
    rows<SettledRow>(
      db,
      sql`SELECT procedure_id, count(*)::int AS total,
                 count(*) FILTER (WHERE settlement = 'early')::int AS early,
                 count(*) FILTER (WHERE settlement = 'on_time')::int AS on_time,
                 count(*) FILTER (WHERE settlement = 'late')::int AS late,
                 sum(GREATEST(0, (${cum}::int[])[result_day - ${base}::date + 1]
                                 - (${cum}::int[])[GREATEST(counts_from, ${base}::date) - ${base}::date + 1]
                                 - paused_working_days))::float8 AS working_days,
                 (sum(extract(epoch FROM result_at - received_at)) / 86400)::float8 AS calendar_days
          FROM dossiers
          WHERE unit_id = ANY(${ids}) AND result_at >= ${s}::timestamptz AND result_at < ${e}::timestamptz
          GROUP BY procedure_id`,
    ),
    // The stock in progress at asOf: received before it and neither settled, refused nor ended by then.
    rows<{ total: number; overdue: number }>(
      db,
      sql`SELECT count(*)::int AS total,
                 count(*) FILTER (WHERE extension_count > 0 OR (status <> 'supplement_requested' AND due_at < ${a}::timestamptz))::int AS overdue
          FROM dossiers
          WHERE unit_id = ANY(${ids}) AND received_at < ${a}::timestamptz
            AND COALESCE(result_at, refused_at, ended_at, 'infinity'::timestamptz) >= ${a}::timestamptz`,
    ),
    // Returned in the period and not closed at asOf.
    rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM dossiers
          WHERE unit_id = ANY(${ids}) AND returned_at IS NOT NULL
            AND COALESCE(closed_at, 'infinity'::timestamptz) >= ${a}::timestamptz
            AND returned_at >= ${s}::timestamptz AND returned_at < ${a}::timestamptz`,
    ),
    rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM dossier_extensions
          WHERE unit_id = ANY(${ids}) AND issued_at >= ${s}::timestamptz AND issued_at < ${e}::timestamptz`,
    ),
    rows<{ rating: string; n: number }>(
      db,
      sql`SELECT rating, count(*)::int AS n FROM dossier_ratings
          WHERE unit_id = ANY(${ids}) AND rated_at >= ${s}::timestamptz AND rated_at < ${e}::timestamptz
          GROUP BY rating`,
    ),
  ]);

  const r = receivedRows[0] ?? {};
  const num = (k: string) => Number(r[k] ?? 0);
  const sum = (k: keyof SettledRow) => settledRows.reduce((acc, row) => acc + Number(row[k]), 0);
  const settled = { total: sum('total'), early: sum('early'), onTime: sum('on_time'), late: sum('late') };
  const progress = progressRows[0] ?? { total: 0, overdue: 0 };
  const inProgress = { total: progress.total, onTime: progress.total - progress.overdue, overdue: progress.overdue };

  const top = [...settledRows].sort((x, y) => y.total - x.total || x.procedure_id - y.procedure_id).slice(0, TOP_PROCEDURES);
  const names = new Map(
    top.length === 0
      ? []
      : (
          await rows<{ id: number; code: string; name: string }>(
            db,
            sql`SELECT p.id, p.code, (SELECT v.name FROM procedure_versions v WHERE v.procedure_id = p.id AND v.status <> 'draft'
                                      ORDER BY v.version DESC LIMIT 1) AS name
                FROM procedures p WHERE p.id = ANY(${`{${top.map((t) => t.procedure_id).join(',')}}`}::bigint[])`,
          )
        ).map((p) => [Number(p.id), p]),
  );
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  const procedures = top.map((t) => {
    const p = names.get(Number(t.procedure_id));
    return {
      code: p?.code ?? '',
      name: p?.name ?? '',
      settled: t.total,
      averageWorkingDays: round(rate(Number(t.working_days), t.total)),
      averageCalendarDays: round(rate(Number(t.calendar_days), t.total)),
    };
  });
  const averageWorkingDays = round(rate(sum('working_days'), settled.total));

  const levels = Object.fromEntries(ratings.map((l) => [l, 0])) as Record<(typeof ratings)[number], number>;
  for (const row of ratingRows) if (row.rating in levels) levels[row.rating as keyof typeof levels] = Number(row.n);

  const group = progressGroup({
    settledEarly: settled.early,
    settledOnTime: settled.onTime,
    settledLate: settled.late,
    inProgressOnTime: inProgress.onTime,
    inProgressOverdue: inProgress.overdue,
  });
  return {
    from: input.from,
    to: input.to,
    asOf: asOf.toISOString(),
    received: num('received'),
    settled: { ...settled, onTimeRate: rate(settled.early + settled.onTime, settled.total) },
    inProgress,
    sameDay: { dossiers: num('same_day'), settledSameDay: num('same_day_settled'), rate: rate(num('same_day_settled'), num('same_day')) },
    online: { dossiers: num('online'), share: rate(num('online'), num('received')) },
    flags: {
      paidOnline: num('paid_online'),
      digitised: num('digitised'),
      electronicResult: num('electronic_result'),
      reusedDocuments: num('reused_documents'),
    },
    returnedNotClosed: returnedRows[0]?.n ?? 0,
    apologies: apologyRows[0]?.n ?? 0,
    averageWorkingDays,
    averageCalendarDays: round(rate(sum('calendar_days'), settled.total)),
    procedures,
    satisfaction: { total: Object.values(levels).reduce((x, y) => x + y, 0), levels, satisfiedShare: satisfiedShare(levels) },
    serviceIndex: { progress: { ...group, averageSettlingWorkingDays: averageWorkingDays } },
  };
}
