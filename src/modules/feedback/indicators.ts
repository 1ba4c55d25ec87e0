/**
 * Feedback indicators (chỉ tiêu tiếp nhận, xử lý phản ánh, kiến nghị) of a set of units over a period: counts by
 * channel, category and unit, answered on time, open and overdue at the end of the period, satisfaction with the
 * answers, reopenings and publications. Items count where they are handled now (after transfers).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import { periodBounds, rate } from '../../platform/period.ts';
import type { FeedbackChannel } from './rules/lifecycle.ts';

export const feedbackRatings = ['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long'] as const;

export interface FeedbackIndicators {
  from: string;
  to: string;
  asOf: string;
  received: number;
  byChannel: { channel: FeedbackChannel; received: number }[];
  byCategory: { code: string | null; name: string | null; received: number; answered: number; answeredOnTime: number }[];
  byUnit: { code: string; name: string; received: number; answered: number; answeredOnTime: number; openOverdue: number }[];
  answered: { total: number; onTime: number; late: number; onTimeRate: number | null };
  rejected: number;
  merged: number;
  open: { total: number; overdue: number };
  reopened: number;
  published: number;
  satisfaction: { total: number; levels: Record<(typeof feedbackRatings)[number], number>; satisfiedShare: number | null };
}

const int = (v: unknown) => Number(v ?? 0);

/**
 * Counts for `unitIds` over [from, to] (Vietnam dates, both included). "Answered" means an answer given in the
 * period, on time when no later than its deadline; "open" and "overdue" are counted at the end of the period (or now).
 */
export async function computeFeedbackIndicators(db: Db, q: { unitIds: number[]; from: string; to: string; now: Date }): Promise<FeedbackIndicators> {
  const { start, end, asOf } = periodBounds(q.from, q.to, q.now);
  const ids = `{${q.unitIds.join(',')}}`;
  const inUnits = sql`f.unit_id = ANY(${ids}::bigint[])`;
  const received = sql`f.received_at >= ${start.toISOString()}::timestamptz AND f.received_at < ${end.toISOString()}::timestamptz`;
  const answered = sql`f.answered_at >= ${start.toISOString()}::timestamptz AND f.answered_at < ${end.toISOString()}::timestamptz`;
  const openAt = sql`f.received_at < ${asOf.toISOString()}::timestamptz AND (f.answered_at IS NULL OR f.answered_at >= ${asOf.toISOString()}::timestamptz)
    AND f.status NOT IN ('rejected', 'merged')`;
  const totals = await one<Record<string, unknown>>(
    db,
    sql`SELECT
      count(*) FILTER (WHERE ${received}) AS received,
      count(*) FILTER (WHERE ${answered}) AS answered,
      count(*) FILTER (WHERE ${answered} AND f.answered_at <= f.answer_due_at) AS answered_on_time,
      count(*) FILTER (WHERE ${received} AND f.status = 'rejected') AS rejected,
      count(*) FILTER (WHERE ${received} AND f.status = 'merged') AS merged,
      count(*) FILTER (WHERE ${openAt}) AS open,
      count(*) FILTER (WHERE ${openAt} AND f.answer_due_at < ${asOf.toISOString()}::timestamptz) AS open_overdue,
      count(*) FILTER (WHERE ${received} AND f.reopen_count > 0) AS reopened,
      count(*) FILTER (WHERE f.published AND f.published_at >= ${start.toISOString()}::timestamptz AND f.published_at < ${end.toISOString()}::timestamptz) AS published,
      count(*) FILTER (WHERE f.rated_at >= ${start.toISOString()}::timestamptz AND f.rated_at < ${end.toISOString()}::timestamptz AND f.rating = 'rat_hai_long') AS r1,
      count(*) FILTER (WHERE f.rated_at >= ${start.toISOString()}::timestamptz AND f.rated_at < ${end.toISOString()}::timestamptz AND f.rating = 'hai_long') AS r2,
      count(*) FILTER (WHERE f.rated_at >= ${start.toISOString()}::timestamptz AND f.rated_at < ${end.toISOString()}::timestamptz AND f.rating = 'binh_thuong') AS r3,
      count(*) FILTER (WHERE f.rated_at >= ${start.toISOString()}::timestamptz AND f.rated_at < ${end.toISOString()}::timestamptz AND f.rating = 'khong_hai_long') AS r4
      FROM feedback f WHERE ${inUnits}`,
  );
  const t = totals ?? {};
  const byChannel = await rows<{ channel: FeedbackChannel; received: number }>(
    db,
    sql`SELECT f.channel, count(*)::int AS received FROM feedback f WHERE ${inUnits} AND ${received} GROUP BY f.channel ORDER BY received DESC, f.channel`,
  );
  const byCategory = await rows<FeedbackIndicators['byCategory'][number]>(
    db,
    sql`SELECT c.code, c.name, count(*) FILTER (WHERE ${received})::int AS received, count(*) FILTER (WHERE ${answered})::int AS answered,
        count(*) FILTER (WHERE ${answered} AND f.answered_at <= f.answer_due_at)::int AS "answeredOnTime"
        FROM feedback f LEFT JOIN feedback_categories c ON c.id = f.category_id
        WHERE ${inUnits} AND (${received} OR ${answered})
        GROUP BY c.code, c.name ORDER BY received DESC, c.name NULLS LAST`,
  );
  const byUnit = await rows<FeedbackIndicators['byUnit'][number]>(
    db,
    sql`SELECT u.code, u.name, count(*) FILTER (WHERE ${received})::int AS received, count(*) FILTER (WHERE ${answered})::int AS answered,
        count(*) FILTER (WHERE ${answered} AND f.answered_at <= f.answer_due_at)::int AS "answeredOnTime",
        count(*) FILTER (WHERE ${openAt} AND f.answer_due_at < ${asOf.toISOString()}::timestamptz)::int AS "openOverdue"
        FROM feedback f JOIN units u ON u.id = f.unit_id
        WHERE ${inUnits} AND (${received} OR ${answered} OR ${openAt})
        GROUP BY u.code, u.name, u.path ORDER BY u.path`,
  );
  const levels = { rat_hai_long: int(t.r1), hai_long: int(t.r2), binh_thuong: int(t.r3), khong_hai_long: int(t.r4) };
  const ratingsTotal = levels.rat_hai_long + levels.hai_long + levels.binh_thuong + levels.khong_hai_long;
  const answeredTotal = int(t.answered);
  const onTime = int(t.answered_on_time);
  return {
    from: q.from,
    to: q.to,
    asOf: asOf.toISOString(),
    received: int(t.received),
    byChannel,
    byCategory,
    byUnit,
    answered: { total: answeredTotal, onTime, late: answeredTotal - onTime, onTimeRate: rate(onTime, answeredTotal) },
    rejected: int(t.rejected),
    merged: int(t.merged),
    open: { total: int(t.open), overdue: int(t.open_overdue) },
    reopened: int(t.reopened),
    published: int(t.published),
    satisfaction: { total: ratingsTotal, levels, satisfiedShare: rate(levels.rat_hai_long + levels.hai_long, ratingsTotal) },
  };
}

/** Month by month: feedback answered and answered on time, months [fromMonth, toMonth] (first days, Vietnam time). */
export async function monthlyFeedbackSeries(
  db: Db,
  unitIds: number[],
  fromMonth: string,
  toMonth: string,
): Promise<{ month: string; answered: number; onTime: number }[]> {
  const ids = `{${unitIds.join(',') || '0'}}`;
  const list = await rows<{ month: string; answered: number; on_time: number }>(
    db,
    sql`SELECT to_char(date_trunc('month', f.answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS month, count(*)::int AS answered,
          count(*) FILTER (WHERE f.answered_at <= f.answer_due_at)::int AS on_time
        FROM feedback f
        WHERE f.unit_id = ANY(${ids}::bigint[]) AND f.answered_at >= (${fromMonth}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
          AND f.answered_at < ((${toMonth}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        GROUP BY 1 ORDER BY 1`,
  );
  return list.map((r) => ({ month: r.month, answered: r.answered, onTime: r.on_time }));
}
