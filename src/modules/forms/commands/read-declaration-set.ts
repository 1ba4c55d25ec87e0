import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { DeclarationSetRow } from '../queries.ts';

/**
 * Records that a staff member opened a set's personal data (STANDARDS §7: staff reads are logged). The audit row
 * names the set and how it was read (page, API, a printed form), never the data.
 */
export async function recordSetRead(db: Db, actor: Actor, set: DeclarationSetRow, via: 'page' | 'api' | 'pdf', template?: string): Promise<void> {
  await recordAudit(db, actor, {
    action: 'declaration_set.read',
    entityType: 'declaration_set',
    entityId: set.id,
    unitId: set.unit_id,
    after: template ? { via, template } : { via },
  });
}
