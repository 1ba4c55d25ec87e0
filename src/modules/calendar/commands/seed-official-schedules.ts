import { recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertEntry, insertYearIfAbsent } from '../queries.ts';
import type { EntrySource } from '../rules/calendar-spec.ts';
import { type OfficialSchedule, officialSchedules } from '../rules/official-schedules.ts';

const CITATION = /(?:Thông báo|Văn bản) \d+\/[\p{L}-]+|BLLĐ 2019, Điều 11[12](?:\.\d)?/u;

/** The notice an entry's name cites, and whether that is the Labour Code itself or a yearly notice. */
export function citationOf(name: string): { notice: string | null; source: EntrySource } {
  const found = CITATION.exec(name)?.[0] ?? null;
  return { notice: found, source: found?.startsWith('BLLĐ') ? 'statutory' : 'notice' };
}

/**
 * Records the official national schedules 2024–2026 (rules/official-schedules.ts: law and government notices,
 * not demo data) for each year that has no national notice yet. Safe to run at every start-up and from
 * several processes at once: a year is written only by the process whose insert of its notice succeeds, and
 * never again once recorded, so an administrator's later deletions stay deleted. Pending days (24/11, Ngày Văn
 * hóa Việt Nam) are never inserted: an administrator adds them once they are law.
 *
 * @returns the years written by this call
 */
export async function seedOfficialSchedules(db: Db, schedules: readonly OfficialSchedule[] = officialSchedules): Promise<number[]> {
  const written: number[] = [];
  const actor = systemActor('system');
  for (const schedule of schedules) {
    const done = await inTransaction(db, async (tx) => {
      const year = await insertYearIfAbsent(tx, { year: schedule.year, unitId: null, notice: schedule.notice, replacesStatutory: true, updatedBy: null });
      if (!year) return false;
      const entries = [];
      for (const e of schedule.entries) {
        const { notice, source } = citationOf(e.name);
        const row = await insertEntry(tx, { unitId: null, date: e.date, kind: e.kind, name: e.name, notice, source, createdBy: null });
        if (row) entries.push(row);
      }
      await recordAudit(tx, actor, {
        action: 'calendar.seed',
        entityType: 'calendar_year',
        entityId: String(schedule.year),
        unitId: null,
        after: { year, entries },
      });
      return true;
    });
    if (done) written.push(schedule.year);
  }
  return written;
}
