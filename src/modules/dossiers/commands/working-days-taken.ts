import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import { rows } from '../../../platform/db/query.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { settlingWorkingDays } from '../rules/indicators.ts';
import { vietnamDay } from '../rules/pauses.ts';

/**
 * The working days a dossier took to its result on `resultDay`, in its receiving unit's calendar: working days after
 * counts_from up to the result day, less the days the clock stood still (rules/indicators.ts settlingWorkingDays).
 * Stored on the dossier when the result is ready (dossiers.working_days_taken), so the report adds stored numbers.
 */
export async function workingDaysTaken(
  tx: Db,
  d: { unit_id: number; counts_from: string; paused_working_days: number },
  resultDay: string,
  unit?: UnitRow,
): Promise<number> {
  const u = unit ?? ((await findUnitById(tx, d.unit_id)) as UnitRow);
  const first = d.counts_from < resultDay ? d.counts_from : resultDay;
  const cal = await loadCalendar(tx, u, Number(first.slice(0, 4)), Number(resultDay.slice(0, 4)));
  return settlingWorkingDays(cal.calendar, d.counts_from, resultDay, Number(d.paused_working_days));
}

/**
 * Counts working_days_taken for dossiers settled before the column existed (migration 0012), `batch` at a time, and
 * returns how many it filled. Safe to repeat: it only picks dossiers still missing the number.
 */
export async function fillWorkingDaysTaken(db: Db, batch = 500): Promise<number> {
  const missing = await rows<{ id: number; unit_id: number; counts_from: string; paused_working_days: number; result_at: Date | string }>(
    db,
    sql`SELECT id, unit_id, counts_from, paused_working_days, result_at FROM dossiers
        WHERE result_at IS NOT NULL AND working_days_taken IS NULL ORDER BY id LIMIT ${batch}`,
  );
  const units = new Map<number, UnitRow>();
  for (const d of missing) {
    let unit = units.get(d.unit_id);
    if (!unit) {
      unit = (await findUnitById(db, d.unit_id)) as UnitRow;
      units.set(d.unit_id, unit);
    }
    const days = await workingDaysTaken(db, d, vietnamDay(new Date(d.result_at)), unit);
    await db.execute(sql`UPDATE dossiers SET working_days_taken = ${days} WHERE id = ${d.id} AND working_days_taken IS NULL`);
  }
  return missing.length;
}
