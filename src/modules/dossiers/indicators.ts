/**
 * Dossier indicators of a unit (or a set of units) over a period (M1 item 8, STANDARDS §9): the counts come from
 * per-unit daily and monthly totals that PostgreSQL keeps in the statement that changes a dossier or adds a rating
 * (migrations/0012_dossier_report_rollups.sql: exact at every commit), the stocks at a moment and the days at the ends
 * of a period that do not fill a month from the rows themselves (indexes of migrations 0008, 0009 and 0012); the
 * classifications and the service-index score from rules/indicators.ts. The working days a settled dossier took are
 * counted in its receiving unit's calendar when the result is ready (commands/working-days-taken.ts).
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
import { addDays, type ProgressGroup, periodBounds, progressGroup, rate, satisfiedShare, startOfVietnamDay, wholeMonths } from './rules/indicators.ts';
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

const TOP_PROCEDURES = 20;

interface ProcedureRow {
  procedure_id: number;
  total: number;
  working_days: number;
  working_days_known: number;
  calendar_seconds: number;
}

/**
 * Computes the indicators for the dossiers received at `unitIds` over [from, to] (Vietnam dates, already checked).
 */
export async function computeDossierIndicators(db: Db, input: { unitIds: number[]; from: string; to: string; now: Date }): Promise<DossierIndicators> {
  const { start, end, asOf } = periodBounds(input.from, input.to, input.now);
  const ids = sql`${`{${input.unitIds.join(',') || '0'}}`}::bigint[]`;
  const s = start.toISOString();
  const e = end.toISOString();
  const a = asOf.toISOString();

  const months = wholeMonths(input.from, input.to);
  // The days of the period outside its whole months, read from the rows (at most two stretches under a month each).
  const edges = months
    ? [
        [input.from, months.first],
        [months.end, addDays(input.to, 1)],
      ].filter(([x, y]) => (x as string) < (y as string))
    : [[input.from, addDays(input.to, 1)]];
  // One range scan per stretch (UNION ALL: an OR of ranges would read the rows through a bitmap and the table).
  const edgeRows = edges.map(
    ([x, y]) => sql`SELECT procedure_id, 1, COALESCE(working_days_taken, 0), (working_days_taken IS NOT NULL)::int, extract(epoch FROM result_at - received_at)
            FROM dossiers
            WHERE unit_id = ANY(${ids}) AND result_at >= ${startOfVietnamDay(x as string).toISOString()}::timestamptz
              AND result_at < ${startOfVietnamDay(y as string).toISOString()}::timestamptz`,
  );

  const [dayRows, procedureRows, progressRows, returnedRows, apologyRows] = await Promise.all([
    // Received on, settled on and rated on the days of the period (dossier_report_days, kept by triggers).
    rows<Record<string, number>>(
      db,
      sql`SELECT COALESCE(sum(received), 0)::int AS received, COALESCE(sum(online), 0)::int AS online,
            COALESCE(sum(paid_online), 0)::int AS paid_online, COALESCE(sum(digitised), 0)::int AS digitised,
            COALESCE(sum(electronic_result), 0)::int AS electronic_result, COALESCE(sum(reused_documents), 0)::int AS reused_documents,
            COALESCE(sum(same_day), 0)::int AS same_day, COALESCE(sum(same_day_settled), 0)::int AS same_day_settled,
            COALESCE(sum(settled), 0)::int AS settled, COALESCE(sum(early), 0)::int AS early, COALESCE(sum(on_time), 0)::int AS on_time,
            COALESCE(sum(late), 0)::int AS late, COALESCE(sum(rat_hai_long), 0)::int AS rat_hai_long,
            COALESCE(sum(hai_long), 0)::int AS hai_long, COALESCE(sum(binh_thuong), 0)::int AS binh_thuong,
            COALESCE(sum(khong_hai_long), 0)::int AS khong_hai_long
          FROM dossier_report_days
          WHERE unit_id = ANY(${ids}) AND day >= ${input.from}::date AND day <= ${input.to}::date`,
    ),
    // Settled per procedure with the time taken: whole months from their totals, the other days from the rows.
    rows<ProcedureRow>(
      db,
      sql`SELECT procedure_id, sum(total)::int AS total, sum(working_days)::float8 AS working_days,
                 sum(working_days_known)::int AS working_days_known, sum(calendar_seconds)::float8 AS calendar_seconds
          FROM (
            SELECT procedure_id, settled AS total, working_days, working_days_known, calendar_seconds
            FROM dossier_report_procedure_months
            WHERE ${months ? sql`unit_id = ANY(${ids}) AND month >= ${months.first}::date AND month < ${months.end}::date` : sql`false`}
            ${edgeRows.length ? sql`UNION ALL ${sql.join(edgeRows, sql` UNION ALL `)}` : sql``}
          ) x
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
    // Returned in the period and not closed at asOf: never closed, or closed after asOf (one index each).
    rows<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM dossiers
                  WHERE unit_id = ANY(${ids}) AND returned_at IS NOT NULL AND closed_at IS NULL
                    AND returned_at >= ${s}::timestamptz AND returned_at < ${a}::timestamptz)::int
               + (SELECT count(*) FROM dossiers
                  WHERE unit_id = ANY(${ids}) AND returned_at IS NOT NULL AND closed_at IS NOT NULL AND closed_at >= ${a}::timestamptz
                    AND returned_at >= ${s}::timestamptz AND returned_at < ${a}::timestamptz)::int AS n`,
    ),
    rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM dossier_extensions
          WHERE unit_id = ANY(${ids}) AND issued_at >= ${s}::timestamptz AND issued_at < ${e}::timestamptz`,
    ),
  ]);

  const r = dayRows[0] ?? {};
  const num = (k: string) => Number(r[k] ?? 0);
  const sum = (k: keyof ProcedureRow) => procedureRows.reduce((acc, row) => acc + Number(row[k]), 0);
  const settled = { total: num('settled'), early: num('early'), onTime: num('on_time'), late: num('late') };
  const progress = progressRows[0] ?? { total: 0, overdue: 0 };
  const inProgress = { total: progress.total, onTime: progress.total - progress.overdue, overdue: progress.overdue };

  const top = [...procedureRows].sort((x, y) => y.total - x.total || x.procedure_id - y.procedure_id).slice(0, TOP_PROCEDURES);
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
      averageWorkingDays: round(rate(Number(t.working_days), Number(t.working_days_known))),
      averageCalendarDays: round(rate(Number(t.calendar_seconds) / 86400, t.total)),
    };
  });
  const averageWorkingDays = round(rate(sum('working_days'), sum('working_days_known')));

  const levels = Object.fromEntries(ratings.map((l) => [l, num(l)])) as Record<(typeof ratings)[number], number>;

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
    averageCalendarDays: round(rate(sum('calendar_seconds') / 86400, sum('total'))),
    procedures,
    satisfaction: { total: Object.values(levels).reduce((x, y) => x + y, 0), levels, satisfiedShare: satisfiedShare(levels) },
    serviceIndex: { progress: { ...group, averageSettlingWorkingDays: averageWorkingDays } },
  };
}

export interface MonthlyDossierRow {
  /** First day of the Vietnam month, yyyy-mm-dd. */
  month: string;
  received: number;
  settled: number;
  late: number;
  onTime: number;
  sameDay: number;
  sameDaySettled: number;
  online: number;
  ratings: number;
  satisfied: number;
}

/** Month by month totals for `unitIds` from the daily totals (one grouped read), months [fromMonth, toMonth]. */
export async function monthlyDossierSeries(db: Db, unitIds: number[], fromMonth: string, toMonth: string): Promise<MonthlyDossierRow[]> {
  const ids = sql`${`{${unitIds.join(',') || '0'}}`}::bigint[]`;
  const list = await rows<Record<string, string | number>>(
    db,
    sql`SELECT to_char(date_trunc('month', day), 'YYYY-MM-DD') AS month, sum(received) AS received, sum(settled) AS settled, sum(late) AS late,
          sum(early + on_time) AS on_time, sum(same_day) AS same_day, sum(same_day_settled) AS same_day_settled, sum(online) AS online,
          sum(rat_hai_long + hai_long + binh_thuong + khong_hai_long) AS ratings, sum(rat_hai_long + hai_long) AS satisfied
        FROM dossier_report_days
        WHERE unit_id = ANY(${ids}) AND day >= ${fromMonth}::date AND day < (${toMonth}::date + interval '1 month')
        GROUP BY 1 ORDER BY 1`,
  );
  return list.map((r) => ({
    month: String(r.month),
    received: Number(r.received),
    settled: Number(r.settled),
    late: Number(r.late),
    onTime: Number(r.on_time),
    sameDay: Number(r.same_day),
    sameDaySettled: Number(r.same_day_settled),
    online: Number(r.online),
    ratings: Number(r.ratings),
    satisfied: Number(r.satisfied),
  }));
}

export interface UnitFiguresRow {
  unit_id: number;
  received: number;
  settled: number;
  on_time: number;
  online: number;
  ratings: number;
  satisfied: number;
}

/**
 * Figures per group of units over [from, to] (Vietnam dates): each `groups` entry is a unit and whether its whole
 * subtree counts (a ranked child) or the unit alone (the table of all units). One grouped read of the daily totals.
 */
export async function dossierFiguresByUnit(
  db: Db,
  groups: { unitId: number; path: string; subtree: boolean }[],
  from: string,
  to: string,
): Promise<UnitFiguresRow[]> {
  if (groups.length === 0) return [];
  const ids = `{${groups.map((g) => g.unitId).join(',')}}`;
  const paths = `{${groups.map((g) => `"${g.subtree ? `${g.path}%` : g.path}"`).join(',')}}`;
  return rows<UnitFiguresRow>(
    db,
    sql`WITH g AS (SELECT * FROM unnest(${ids}::bigint[], ${paths}::text[]) AS g(unit_id, pattern))
        SELECT g.unit_id, coalesce(sum(r.received), 0)::int AS received, coalesce(sum(r.settled), 0)::int AS settled,
          coalesce(sum(r.early + r.on_time), 0)::int AS on_time, coalesce(sum(r.online), 0)::int AS online,
          coalesce(sum(r.rat_hai_long + r.hai_long + r.binh_thuong + r.khong_hai_long), 0)::int AS ratings,
          coalesce(sum(r.rat_hai_long + r.hai_long), 0)::int AS satisfied
        FROM g JOIN units u ON u.path LIKE g.pattern
        LEFT JOIN dossier_report_days r ON r.unit_id = u.id AND r.day BETWEEN ${from}::date AND ${to}::date
        GROUP BY g.unit_id`,
  );
}
