import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { AppointmentRow } from '../queries.ts';

/**
 * Records that a staff member opened a request with the citizen's personal data (STANDARDS §7: staff reads of personal
 * data are logged). The audit row names the request, never the data.
 */
export async function recordAppointmentRead(db: Db, actor: Actor, a: AppointmentRow, via: 'api' | 'page'): Promise<void> {
  await recordAudit(db, actor, { action: 'appointment.read', entityType: 'appointment', entityId: a.code, unitId: a.unit_id, after: { via } });
}
