/**
 * What a home appointment (hẹn giờ thực hiện TTHC tại nhà, model M6) is and which steps it may take. Pure: no I/O.
 *
 * requested ─propose→ proposed ─confirm→ confirmed ─done/absent→ (ended)
 *     └──────────confirm──────────────────┘     any open status ─cancel→ cancelled
 * Assigning an official or a helper is allowed while the request is open; proposing again after confirmation
 * reopens it (the citizen is told the new time).
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const appointmentKinds = ['guidance', 'pickup', 'delivery'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

export const appointmentStatuses = ['requested', 'proposed', 'confirmed', 'done', 'absent', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Where the request came from: the public web form, or staff entering what came by phone, e-mail, Zalo or Facebook. */
export const appointmentChannels = ['web', 'phone', 'email', 'zalo', 'facebook'] as const;
export type AppointmentChannel = (typeof appointmentChannels)[number];
/** The channels staff enter requests from (the web form files its own). */
export const staffChannels = ['phone', 'email', 'zalo', 'facebook'] as const;

/**
 * Priority groups (đối tượng ưu tiên): served first and free of charge (seeds 000 and 003: người cao tuổi, đối tượng bảo
 * trợ xã hội, người khuyết tật, người bệnh hiểm nghèo; người có công with cách mạng are served first by custom too).
 */
export const priorityGroups = ['elderly', 'disabled', 'seriously_ill', 'social_protection', 'meritorious'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export const kindLabels: Record<AppointmentKind, Text> = {
  guidance: { vi: 'Hướng dẫn kê khai, thực hiện thủ tục tại nhà', en: 'Guidance at home' },
  pickup: { vi: 'Nhận hồ sơ tại nhà', en: 'Dossier pick-up at home' },
  delivery: { vi: 'Trả kết quả tại nhà', en: 'Result delivery at home' },
};

export const statusLabels: Record<AppointmentStatus, Text> = {
  requested: { vi: 'Mới yêu cầu', en: 'Requested' },
  proposed: { vi: 'Đã đề xuất giờ khác', en: 'Another time proposed' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  absent: { vi: 'Người dân vắng nhà', en: 'Citizen absent' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const channelLabels: Record<AppointmentChannel, Text> = {
  web: { vi: 'Trang web', en: 'Web form' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  facebook: { vi: 'Facebook', en: 'Facebook' },
};

export const priorityLabels: Record<PriorityGroup, Text> = {
  elderly: { vi: 'Người cao tuổi', en: 'Elderly person' },
  disabled: { vi: 'Người khuyết tật', en: 'Person with a disability' },
  seriously_ill: { vi: 'Người ốm đau, bệnh nặng', en: 'Seriously ill person' },
  social_protection: { vi: 'Đối tượng bảo trợ xã hội', en: 'Social-protection beneficiary' },
  meritorious: { vi: 'Người có công với cách mạng', en: 'Person with meritorious service' },
};

export type AppointmentAction = 'propose' | 'confirm' | 'assign' | 'done' | 'absent' | 'cancel';
export const appointmentActions: readonly AppointmentAction[] = ['propose', 'confirm', 'assign', 'done', 'absent', 'cancel'];

export const actionLabels: Record<AppointmentAction, Text> = {
  propose: { vi: 'Đề xuất giờ hẹn', en: 'Propose a time' },
  confirm: { vi: 'Xác nhận lịch hẹn', en: 'Confirm' },
  assign: { vi: 'Phân công người đi', en: 'Assign' },
  done: { vi: 'Ghi nhận đã thực hiện', en: 'Record as done' },
  absent: { vi: 'Ghi nhận người dân vắng nhà', en: 'Record citizen absent' },
  cancel: { vi: 'Hủy lịch hẹn', en: 'Cancel' },
};

const OPEN: readonly AppointmentStatus[] = ['requested', 'proposed', 'confirmed'];
const allowedFrom: Record<AppointmentAction, readonly AppointmentStatus[]> = {
  propose: OPEN,
  confirm: ['requested', 'proposed'],
  assign: OPEN,
  done: ['confirmed'],
  absent: ['confirmed'],
  cancel: OPEN,
};

export const isOpen = (s: AppointmentStatus): boolean => OPEN.includes(s);

/** Whether `action` is allowed in `status`; a refusal names both in Vietnamese and English. */
export function mayTake(status: AppointmentStatus, action: AppointmentAction): { ok: true } | { ok: false; message: Text } {
  if (allowedFrom[action].includes(status)) return { ok: true };
  return {
    ok: false,
    message: {
      vi: `Không thể “${actionLabels[action].vi.toLowerCase()}” khi lịch hẹn đang ở trạng thái “${statusLabels[status].vi}”`,
      en: `Cannot “${actionLabels[action].en.toLowerCase()}” while the appointment is “${statusLabels[status].en}”`,
    },
  };
}

/** The actions a request allows now. */
export function actionsFor(status: AppointmentStatus): AppointmentAction[] {
  return appointmentActions.filter((a) => allowedFrom[a].includes(status));
}
