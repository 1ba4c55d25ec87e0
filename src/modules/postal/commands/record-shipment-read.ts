import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { ShipmentRow } from '../queries.ts';

/**
 * Records that someone opened a shipment with its addressee's name, phone and address (STANDARDS §7: reads of
 * personal data are logged). The audit row names the shipment, never the data.
 */
export async function recordShipmentRead(db: Db, actor: Actor, s: ShipmentRow, via: 'api' | 'page'): Promise<void> {
  await recordAudit(db, actor, {
    action: 'postal_shipment.read',
    entityType: 'postal_shipment',
    entityId: s.id,
    unitId: s.post_office_unit_id,
    after: { via },
  });
}
