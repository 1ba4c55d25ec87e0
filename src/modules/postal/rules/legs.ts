/**
 * The legs of a dossier sent by post (M7) as a pure state machine. A shipment goes one way:
 *   inbound  (citizen → desk):  'pickup' (the post picks the dossier up from the citizen), then 'delivery_to_desk';
 *   outbound (desk → citizen):  'result_to_post' (the desk hands the result to the post), then 'delivery_to_citizen'.
 * Statuses: created → picked_up → in_transit → delivered; a failed attempt (with its reason) may be tried again or the
 * item sent back ('returned'). delivered and returned are final: a delivered leg never goes back to in_transit.
 *
 * Pure: no I/O, no clock.
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];
export const shipmentStatuses = ['created', 'picked_up', 'in_transit', 'delivered', 'failed', 'returned'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];
export const steps = ['pickup', 'delivery_to_desk', 'result_to_post', 'delivery_to_citizen'] as const;
export type Step = (typeof steps)[number];
/** The statuses a step can record (created is only ever the first row). */
export const recordableStatuses = ['picked_up', 'in_transit', 'delivered', 'failed', 'returned'] as const;
export type RecordableStatus = (typeof recordableStatuses)[number];

export const finalStatuses: readonly ShipmentStatus[] = ['delivered', 'returned'];

export const directionLabels: Record<Direction, Text> = {
  inbound: { vi: 'Nhận hồ sơ qua bưu điện (người dân → Bộ phận Một cửa)', en: 'Dossier by post (citizen → desk)' },
  outbound: { vi: 'Trả kết quả qua bưu điện (Bộ phận Một cửa → người dân)', en: 'Result by post (desk → citizen)' },
};
/** Short labels for a select on a phone. */
export const directionShortLabels: Record<Direction, Text> = {
  inbound: { vi: 'Nhận hồ sơ (người dân → Một cửa)', en: 'Dossier in (citizen → desk)' },
  outbound: { vi: 'Trả kết quả (Một cửa → người dân)', en: 'Result out (desk → citizen)' },
};
export const statusLabels: Record<ShipmentStatus, Text> = {
  created: { vi: 'Đã tạo, chờ bưu điện nhận', en: 'Created, waiting for the post' },
  picked_up: { vi: 'Bưu điện đã nhận bưu gửi', en: 'Picked up by the post' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  delivered: { vi: 'Đã phát thành công', en: 'Delivered' },
  failed: { vi: 'Phát không thành công', en: 'Delivery failed' },
  returned: { vi: 'Đã chuyển hoàn', en: 'Returned to sender' },
};
export const stepLabels: Record<Step, Text> = {
  pickup: { vi: 'Nhận hồ sơ tại nhà người dân', en: 'Pick-up from the citizen' },
  delivery_to_desk: { vi: 'Chuyển hồ sơ đến Bộ phận Một cửa', en: 'Delivery to the desk' },
  result_to_post: { vi: 'Bộ phận Một cửa giao kết quả cho bưu điện', en: 'Result handed to the post' },
  delivery_to_citizen: { vi: 'Phát kết quả đến người dân', en: 'Delivery to the citizen' },
};
/** The button a post-office worker presses to record each status. */
export const actionLabels: Record<RecordableStatus, Text> = {
  picked_up: { vi: 'Đã nhận bưu gửi', en: 'Picked up' },
  in_transit: { vi: 'Đang chuyển phát', en: 'In transit' },
  delivered: { vi: 'Đã phát thành công', en: 'Delivered' },
  failed: { vi: 'Phát không thành công', en: 'Failed' },
  returned: { vi: 'Chuyển hoàn', en: 'Return to sender' },
};

export interface LegState {
  direction: Direction;
  status: ShipmentStatus;
  /** Whether the item was ever picked up (a failed pick-up is retried by picking up, a failed delivery by carrying it again). */
  pickedUp: boolean;
}

/** The statuses that may follow the current one. */
export function nextStatuses(s: LegState): RecordableStatus[] {
  switch (s.status) {
    case 'created':
      return ['picked_up', 'failed'];
    case 'picked_up':
      return ['in_transit', 'delivered', 'failed'];
    case 'in_transit':
      return ['delivered', 'failed'];
    case 'failed':
      return s.pickedUp ? ['in_transit', 'delivered', 'returned'] : ['picked_up', 'returned'];
    default:
      return [];
  }
}

/** Which leg a new status belongs to: the first leg until the item is picked up, the second after. */
export function stepOf(direction: Direction, to: ShipmentStatus, pickedUp: boolean): Step {
  const first = to === 'picked_up' || (!pickedUp && (to === 'failed' || to === 'returned' || to === 'created'));
  if (direction === 'inbound') return first ? 'pickup' : 'delivery_to_desk';
  return first ? 'result_to_post' : 'delivery_to_citizen';
}

export type StepPlan = { ok: true; step: Step; to: RecordableStatus } | { ok: false; message: Text; field?: 'reason' };

/** Plans recording `to` on a leg; a failure needs its reason. */
export function planStep(s: LegState, to: RecordableStatus, reason: string | null): StepPlan {
  if (!nextStatuses(s).includes(to)) {
    const from = statusLabels[s.status];
    const target = statusLabels[to];
    return {
      ok: false,
      message: finalStatuses.includes(s.status)
        ? { vi: `Bưu gửi đã ở trạng thái cuối “${from.vi}”, không ghi thêm bước được`, en: `The item is already “${from.en}”: no further step` }
        : { vi: `Không chuyển được từ “${from.vi}” sang “${target.vi}”`, en: `Cannot go from “${from.en}” to “${target.en}”` },
    };
  }
  if (to === 'failed' && !reason)
    return { ok: false, field: 'reason', message: { vi: 'Hãy ghi lý do phát không thành công', en: 'Give the reason for the failure' } };
  return { ok: true, step: stepOf(s.direction, to, s.pickedUp || to === 'picked_up'), to };
}
