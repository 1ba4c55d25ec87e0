import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { UnitRow } from '../../units/index.ts';
import { type CalendarYearRow, findYear, upsertYear } from '../queries.ts';
import type { RecordYearInput } from '../schema.ts';

/**
 * Records a year's official notice (thông báo nghỉ lễ, tết) for the national calendar or a unit's. With
 * `replacesStatutory`, that year's Tết days, day next to 2/9, compensatory days and swaps come only from the
 * entries entered for it; the fixed-date holidays of Điều 112 stay (see rules/calendar-spec.ts).
 */
export async function recordCalendarYear(tx: Db, actor: Actor, year: number, input: RecordYearInput, unit: UnitRow | null): Promise<CalendarYearRow> {
  const unitId = unit?.id ?? null;
  const before = await findYear(tx, year, unitId);
  const row = await upsertYear(tx, {
    year,
    unitId,
    notice: input.notice.trim().normalize('NFC'),
    replacesStatutory: input.replacesStatutory,
    updatedBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: before ? 'calendar.year.update' : 'calendar.year.create',
    entityType: 'calendar_year',
    entityId: `${year}${unit ? `/${unit.code}` : ''}`,
    unitId,
    before: before ?? undefined,
    after: row,
  });
  return row;
}
