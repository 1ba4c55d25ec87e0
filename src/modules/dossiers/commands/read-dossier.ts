import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { DossierRow } from '../queries.ts';

/**
 * Records that a staff member opened a dossier with its applicant's personal data (STANDARDS §7: staff reads of
 * personal data are logged). The audit row names the dossier, never the data.
 */
export async function recordDossierRead(db: Db, actor: Actor, d: DossierRow, via: 'api' | 'page'): Promise<void> {
  await recordAudit(db, actor, { action: 'dossier.read', entityType: 'dossier', entityId: d.code, unitId: d.unit_id, after: { via } });
}
