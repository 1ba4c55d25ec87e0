/**
 * The dossier lifecycle (quy trình giải quyết hồ sơ qua Bộ phận Một cửa) as a pure state machine.
 *
 * Legal frame (STANDARDS §1): Nghị định 118/2025/NĐ-CP (one-stop mechanism, in force 1 July 2025) and Thông tư
 * 03/2025/TT-VPCP (forms). Neither primary text could be read in our reference corpus this session; the stages
 * below follow STANDARDS §1 and the 2018 decree they replace (Nghị định 61/2018/NĐ-CP as amended by 107/2021:
 * Điều 15–16 receipt and completeness check, Điều 17 transfer and processing with requests to supplement, Điều 18
 * hand-over of results, Điều 19 returning results and late dossiers, and the withdrawal/stopping added by
 * 107/2021). Check the 2025 articles before relying on a detail.
 *
 *   received ─accept→ accepted ─start_processing→ in_processing ─submit_for_approval→ pending_approval
 *      │  └─refuse→ refused                         │  ↺ hand_over (to another unit, e.g. the commune police)
 *      └─request_supplement⇄receive_supplement      └─request_supplement⇄receive_supplement
 *   pending_approval ─approve→ approved ─mark_result_ready→ result_ready ─return_result→ returned ─close→ closed
 *   pending_approval ─send_back→ in_processing
 *   any open status ─withdraw→ withdrawn (the applicant asks), ─stop→ stopped (the authority decides)
 *   refused, closed, withdrawn, stopped: final.
 *
 * A late dossier (past its due moment, clock running) cannot move forward until an apology-and-extension document
 * (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết) with a new date is issued: `extend`.
 *
 * Pure module: no I/O, no clock (`now` is a parameter).
 */

import type { Text } from '../../../platform/i18n/index.ts';

export const dossierStatuses = [
  'received',
  'supplement_requested',
  'refused',
  'accepted',
  'in_processing',
  'pending_approval',
  'approved',
  'result_ready',
  'returned',
  'closed',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const statusLabels: Record<DossierStatus, Text> = {
  received: { vi: 'Đã tiếp nhận, đang kiểm tra hồ sơ', en: 'Received, being checked' },
  supplement_requested: { vi: 'Chờ bổ sung, hoàn thiện hồ sơ', en: 'Waiting for a supplement' },
  refused: { vi: 'Từ chối tiếp nhận, giải quyết', en: 'Refused' },
  accepted: { vi: 'Đã tiếp nhận, chờ chuyển xử lý', en: 'Accepted' },
  in_processing: { vi: 'Đang giải quyết', en: 'Being processed' },
  pending_approval: { vi: 'Chờ lãnh đạo phê duyệt', en: 'Waiting for approval' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  result_ready: { vi: 'Có kết quả, chờ trả', en: 'Result ready for collection' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  withdrawn: { vi: 'Đã rút hồ sơ (theo đề nghị của người nộp)', en: 'Withdrawn by the applicant' },
  stopped: { vi: 'Dừng giải quyết', en: 'Stopped by the authority' },
};

/** Final statuses: nothing moves out of them. */
export const finalStatuses: readonly DossierStatus[] = ['refused', 'closed', 'withdrawn', 'stopped'];

/** Open statuses from which the applicant may withdraw or the authority stop the dossier. */
export const openStatuses: readonly DossierStatus[] = [
  'received',
  'supplement_requested',
  'accepted',
  'in_processing',
  'pending_approval',
  'approved',
  'result_ready',
];

/** Statuses in which the clock runs towards the due date (not paused, not yet settled). */
export const runningStatuses: readonly DossierStatus[] = ['received', 'accepted', 'in_processing', 'pending_approval', 'approved'];

export const dossierActions = [
  'accept',
  'refuse',
  'request_supplement',
  'receive_supplement',
  'start_processing',
  'hand_over',
  'submit_for_approval',
  'approve',
  'send_back',
  'mark_result_ready',
  'return_result',
  'close',
  'withdraw',
  'stop',
  'extend',
] as const;
export type DossierAction = (typeof dossierActions)[number];

export type DossierPermission = 'dossiers.receive' | 'dossiers.process' | 'dossiers.approve';

interface ActionRule {
  from: readonly DossierStatus[];
  /** Target status; 'resume' goes back to the status the pause came from; 'same' keeps the status. */
  to: DossierStatus | 'resume' | 'same';
  permission: DossierPermission;
  /** Moves the dossier on towards its result: refused while the dossier is late. */
  forward: boolean;
  /** URL segment (API and pages). */
  slug: string;
  label: Text;
}

/** Every action: where it may start, where it leads, who may take it. */
export const actionRules: Record<DossierAction, ActionRule> = {
  accept: {
    from: ['received'],
    to: 'accepted',
    permission: 'dossiers.receive',
    forward: true,
    slug: 'accept',
    label: { vi: 'Tiếp nhận hồ sơ (đủ thành phần)', en: 'Accept (complete)' },
  },
  refuse: {
    from: ['received'],
    to: 'refused',
    permission: 'dossiers.receive',
    forward: false,
    slug: 'refuse',
    label: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  },
  request_supplement: {
    from: ['received', 'in_processing'],
    to: 'supplement_requested',
    permission: 'dossiers.receive',
    forward: true,
    slug: 'request-supplement',
    label: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request a supplement' },
  },
  receive_supplement: {
    from: ['supplement_requested'],
    to: 'resume',
    permission: 'dossiers.receive',
    forward: false,
    slug: 'receive-supplement',
    label: { vi: 'Nhận hồ sơ bổ sung', en: 'Supplement received' },
  },
  start_processing: {
    from: ['accepted'],
    to: 'in_processing',
    permission: 'dossiers.receive',
    forward: true,
    slug: 'start-processing',
    label: { vi: 'Chuyển hồ sơ đến bộ phận giải quyết', en: 'Send for processing' },
  },
  hand_over: {
    from: ['in_processing'],
    to: 'in_processing',
    permission: 'dossiers.process',
    forward: true,
    slug: 'hand-over',
    label: { vi: 'Chuyển cơ quan, cán bộ xử lý (liên thông)', en: 'Hand over' },
  },
  submit_for_approval: {
    from: ['in_processing'],
    to: 'pending_approval',
    permission: 'dossiers.process',
    forward: true,
    slug: 'submit',
    label: { vi: 'Trình lãnh đạo phê duyệt', en: 'Submit for approval' },
  },
  approve: {
    from: ['pending_approval'],
    to: 'approved',
    permission: 'dossiers.approve',
    forward: true,
    slug: 'approve',
    label: { vi: 'Phê duyệt', en: 'Approve' },
  },
  send_back: {
    from: ['pending_approval'],
    to: 'in_processing',
    permission: 'dossiers.approve',
    forward: true,
    slug: 'send-back',
    label: { vi: 'Trả lại để xử lý tiếp', en: 'Send back' },
  },
  mark_result_ready: {
    from: ['approved'],
    to: 'result_ready',
    permission: 'dossiers.process',
    forward: true,
    slug: 'result-ready',
    label: { vi: 'Chuyển kết quả về Bộ phận Một cửa', en: 'Result ready' },
  },
  return_result: {
    from: ['result_ready'],
    to: 'returned',
    permission: 'dossiers.receive',
    forward: false,
    slug: 'return',
    label: { vi: 'Trả kết quả', en: 'Return the result' },
  },
  close: {
    from: ['returned'],
    to: 'closed',
    permission: 'dossiers.receive',
    forward: false,
    slug: 'close',
    label: { vi: 'Kết thúc hồ sơ', en: 'Close' },
  },
  withdraw: {
    from: openStatuses,
    to: 'withdrawn',
    permission: 'dossiers.receive',
    forward: false,
    slug: 'withdraw',
    label: { vi: 'Rút hồ sơ (theo đề nghị của người nộp)', en: 'Withdraw (applicant’s request)' },
  },
  stop: {
    from: openStatuses,
    to: 'stopped',
    permission: 'dossiers.approve',
    forward: false,
    slug: 'stop',
    label: { vi: 'Dừng giải quyết', en: 'Stop' },
  },
  extend: {
    from: runningStatuses,
    to: 'same',
    permission: 'dossiers.approve',
    forward: false,
    slug: 'extend',
    label: { vi: 'Xin lỗi và gia hạn thời gian giải quyết', en: 'Apologise and extend' },
  },
};

export interface DossierState {
  status: DossierStatus;
  /** Set while status is supplement_requested. */
  pausedFrom: DossierStatus | null;
  /** The due moment (ngày giờ hẹn trả). */
  dueAt: Date;
}

/** Past the due moment while the clock runs (not paused, not yet settled). */
export function isLate(state: Pick<DossierState, 'status' | 'dueAt'>, now: Date): boolean {
  return runningStatuses.includes(state.status) && now.getTime() > state.dueAt.getTime();
}

export type TransitionResult = { ok: true; to: DossierStatus } | { ok: false; reason: 'not_allowed' | 'late' | 'final'; message: Text };

/**
 * Whether `action` may be taken on a dossier in `state` at `now`, and the status it leads to.
 * Refusals say why in Vietnamese and English, naming both statuses.
 */
export function planTransition(state: DossierState, action: DossierAction, now: Date): TransitionResult {
  const rule = actionRules[action];
  const here = statusLabels[state.status];
  if (finalStatuses.includes(state.status)) {
    return {
      ok: false,
      reason: 'final',
      message: {
        vi: `Hồ sơ đang ở trạng thái “${here.vi}” (đã kết thúc): không thể “${rule.label.vi}”`,
        en: `The dossier is “${here.en}” (final): cannot “${rule.label.en}”`,
      },
    };
  }
  if (!rule.from.includes(state.status)) {
    const targets = rule.to === 'resume' || rule.to === 'same' ? null : statusLabels[rule.to];
    return {
      ok: false,
      reason: 'not_allowed',
      message: {
        vi: `Không thể “${rule.label.vi}” khi hồ sơ đang ở trạng thái “${here.vi}”${targets ? ` (không chuyển được sang “${targets.vi}”)` : ''}`,
        en: `Cannot “${rule.label.en}” while the dossier is “${here.en}”${targets ? ` (no move to “${targets.en}”)` : ''}`,
      },
    };
  }
  if (rule.forward && isLate(state, now)) {
    return {
      ok: false,
      reason: 'late',
      message: {
        vi: 'Hồ sơ đã quá hạn giải quyết: phải ban hành Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (có ngày hẹn mới) trước khi xử lý tiếp',
        en: 'The dossier is late: issue an apology-and-extension document with a new date before moving it on',
      },
    };
  }
  let to: DossierStatus;
  if (rule.to === 'resume') {
    if (!state.pausedFrom) throw new Error('paused dossier without paused_from');
    to = state.pausedFrom;
  } else if (rule.to === 'same') to = state.status;
  else to = rule.to;
  return { ok: true, to };
}

/** The actions a dossier in `state` allows at `now` (before checking who asks). */
export function allowedActions(state: DossierState, now: Date): DossierAction[] {
  return dossierActions.filter((a) => planTransition(state, a, now).ok);
}

/** The action behind a URL segment. */
export function actionOfSlug(slug: string): DossierAction | null {
  return dossierActions.find((a) => actionRules[a].slug === slug) ?? null;
}
