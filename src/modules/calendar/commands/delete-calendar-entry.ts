import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type CalendarEntryRow, deleteEntry } from '../queries.ts';

/**
 * Deletes a stored calendar entry (including a seeded one: seeding never puts it back once its year is
 * recorded). Authorisation is the caller's.
 */
export async function deleteCalendarEntry(tx: Db, actor: Actor, entry: CalendarEntryRow): Promise<void> {
  await deleteEntry(tx, entry.id);
  await recordAudit(tx, actor, { action: 'calendar.entry.delete', entityType: 'calendar_entry', entityId: entry.id, unitId: entry.unit_id, before: entry });
}
