import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { returnResultThrough } from '../../dossiers/index.ts';
import { insertPostalEvent, type ShipmentRow, updateShipmentStep } from '../queries.ts';
import { planStep, type RecordableStatus } from '../rules/legs.ts';

export interface StepInput {
  status: RecordableStatus;
  itemNumber: string | null;
  itemNumberDomestic: boolean;
  feeVnd: number | null;
  reason: string | null;
  note: string | null;
  /** The shipment's version the caller saw (optimistic lock); omitted: not checked. */
  version?: number;
}

const carried: readonly RecordableStatus[] = ['picked_up', 'in_transit', 'delivered'];

/**
 * Records one postal step on a locked shipment: its new status (in order: a delivered or returned leg takes no further
 * step), the item number (needed once the post holds the item; not changed once set), the fee and, for a failure, its
 * reason. A result delivered to the citizen marks the dossier returned by post (dossiers.returnResultThrough).
 * @throws AppError CONFLICT, POSTAL_STEP_NOT_ALLOWED, VALIDATION_FAILED
 */
export async function recordPostalStep(tx: Db, actor: Actor, s: ShipmentRow, input: StepInput, now: Date): Promise<{ dossierReturned: boolean }> {
  if (input.version !== undefined && input.version !== s.version) {
    throw new AppError('CONFLICT', {
      detail: { vi: 'Bưu gửi vừa được người khác cập nhật; hãy xem lại rồi ghi lại', en: 'Someone else just updated this item; check it and record again' },
    });
  }
  const plan = planStep({ direction: s.direction, status: s.status, pickedUp: s.picked_up_at !== null }, input.status, input.reason);
  if (!plan.ok) {
    if (plan.field) throw new AppError('VALIDATION_FAILED', { errors: [{ field: plan.field, message: plan.message }] });
    throw new AppError('POSTAL_STEP_NOT_ALLOWED', { detail: plan.message, extra: { status: s.status, to: input.status } });
  }
  if (input.itemNumber !== null && s.item_number !== null && input.itemNumber !== s.item_number) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'itemNumber',
          message: { vi: `Bưu gửi đã có số hiệu ${s.item_number}; số vừa nhập khác`, en: `The item already has the number ${s.item_number}; this one differs` },
        },
      ],
    });
  }
  const itemNumber = input.itemNumber ?? s.item_number;
  const domestic = input.itemNumber !== null ? input.itemNumberDomestic : s.item_number_domestic;
  if (itemNumber === null && carried.includes(plan.to)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        { field: 'itemNumber', message: { vi: 'Hãy nhập số hiệu bưu gửi khi bưu điện nhận', en: 'Enter the item number once the post holds the item' } },
      ],
    });
  }
  const feeVnd = input.feeVnd ?? s.fee_vnd;
  const failureReason = plan.to === 'failed' ? input.reason : plan.to === 'returned' ? s.failure_reason : null;
  await updateShipmentStep(tx, s.id, { status: plan.to, itemNumber, itemNumberDomestic: domestic, feeVnd, failureReason, now });
  await insertPostalEvent(tx, {
    shipmentId: s.id,
    step: plan.step,
    status: plan.to,
    itemNumber,
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    note: plan.to === 'failed' ? [input.reason, input.note].filter(Boolean).join(' — ') : input.note,
  });
  await recordAudit(tx, actor, {
    action: 'postal_shipment.step',
    entityType: 'postal_shipment',
    entityId: s.id,
    unitId: s.unit_id,
    before: { status: s.status, itemNumber: s.item_number, feeVnd: s.fee_vnd },
    after: { status: plan.to, step: plan.step, itemNumber, feeVnd },
  });
  const dossierReturned = s.direction === 'outbound' && plan.to === 'delivered' ? await returnResultThrough(tx, actor, s.dossier_code, 'post', now) : false;
  return { dossierReturned };
}
