import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DossierRow } from '../../dossiers/index.ts';
import { insertPostalEvent, insertShipment } from '../queries.ts';
import { type Direction, stepOf } from '../rules/legs.ts';
import { type RecipientInput, refusalFor } from '../rules/shipment.ts';

export interface ShipmentInput {
  direction: Direction;
  postOfficeId: number;
  recipient: RecipientInput;
  itemNumber: string | null;
  itemNumberDomestic: boolean;
  feeVnd: number | null;
  /** Outbound only: the citizen asked for the result by post (đăng ký nhận kết quả qua bưu chính). */
  citizenAsked: boolean;
  note: string | null;
}

/**
 * Hands a dossier to the post (M7): an outbound shipment of its result, or an inbound one for a dossier received by
 * post. The caller has checked that the actor may receive dossiers at the dossier's unit and that the post office
 * serves it. One live shipment per dossier and direction. @throws AppError POSTAL_SHIPMENT_REFUSED
 */
export async function createShipment(tx: Db, actor: Actor, d: DossierRow, input: ShipmentInput, now: Date): Promise<number> {
  const refusal = refusalFor(input.direction, d, input.citizenAsked);
  if (refusal) throw new AppError('POSTAL_SHIPMENT_REFUSED', { detail: refusal });
  const id = await insertShipment(tx, {
    dossierId: d.id,
    unitId: d.unit_id,
    direction: input.direction,
    postOfficeId: input.postOfficeId,
    itemNumber: input.itemNumber,
    itemNumberDomestic: input.itemNumber !== null && input.itemNumberDomestic,
    recipientName: input.recipient.name,
    recipientPhone: input.recipient.phone,
    recipientAddress: input.recipient.address,
    feeVnd: input.feeVnd,
    createdBy: actor.userId,
    now,
  });
  if (id === null) {
    throw new AppError('POSTAL_SHIPMENT_REFUSED', {
      detail: { vi: 'Hồ sơ đã có một bưu gửi đang chuyển theo chiều này', en: 'The dossier already has a live shipment this way' },
    });
  }
  await insertPostalEvent(tx, {
    shipmentId: id,
    step: stepOf(input.direction, 'created', false),
    status: 'created',
    itemNumber: input.itemNumber,
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    note: input.note,
  });
  // The addressee is personal data: the audit row names the shipment and the dossier, never the person.
  await recordAudit(tx, actor, {
    action: 'postal_shipment.create',
    entityType: 'postal_shipment',
    entityId: id,
    unitId: d.unit_id,
    after: { dossier: d.code, direction: input.direction, postOfficeUnitId: input.postOfficeId, itemNumber: input.itemNumber, feeVnd: input.feeVnd },
  });
  return id;
}
