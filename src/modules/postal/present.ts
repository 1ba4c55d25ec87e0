/** Shipments → JSON and view models, as explicit field lists: the post office sees the addressee, never the dossier's documents. */
import type { Lang } from '../../platform/i18n/index.ts';
import { vietnamIso } from '../../platform/period.ts';
import type { PostalEventRow, ShipmentRow } from './queries.ts';
import { nextStatuses, statusLabels } from './rules/legs.ts';

export function presentShipment(s: ShipmentRow, events: PostalEventRow[] | null, lang: Lang) {
  return {
    id: Number(s.id),
    dossierCode: s.dossier_code,
    direction: s.direction,
    postOffice: { code: s.post_office_code, name: s.post_office_name },
    desk: { code: s.unit_code, name: s.unit_name, address: s.unit_address },
    itemNumber: s.item_number,
    itemNumberDomestic: s.item_number_domestic,
    recipient: { name: s.recipient_name, phone: s.recipient_phone, address: s.recipient_address },
    feeVnd: s.fee_vnd,
    status: s.status,
    statusLabel: statusLabels[s.status][lang],
    failureReason: s.failure_reason,
    nextStatuses: nextStatuses({ direction: s.direction, status: s.status, pickedUp: s.picked_up_at !== null }),
    createdAt: vietnamIso(s.created_at),
    updatedAt: vietnamIso(s.updated_at),
    version: s.version,
    ...(events
      ? {
          events: events.map((e) => ({
            step: e.step,
            status: e.status,
            statusLabel: statusLabels[e.status][lang],
            at: vietnamIso(e.at),
            itemNumber: e.item_number,
            by: e.actor_name ?? e.actor_label,
            note: e.note,
          })),
        }
      : {}),
  };
}

/** What the citizen's tracking page shows: the steps and the item number; no addressee, no staff names, no notes. */
export function presentPublicShipment(s: ShipmentRow, events: PostalEventRow[]) {
  return {
    direction: s.direction,
    postOffice: s.post_office_name,
    itemNumber: s.item_number,
    status: s.status,
    failureReason: s.status === 'failed' || s.status === 'returned' ? s.failure_reason : null,
    events: events.map((e) => ({ step: e.step, status: e.status, at: e.at })),
  };
}
