/**
 * How a feedback item (phản ánh, kiến nghị) moves, as a pure state machine. Legal frame (STANDARDS §6): Nghị định
 * 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP and the province's 1022 regulation (seed 000: Quyết định
 * 1455/QĐ-UBND-HC of Đồng Tháp). The time limits are per-category data (feedback_categories).
 *
 *   received ─accept→ accepted ─assign→ assigned ─start→ in_progress ─answer→ answered ─close→ closed
 *      │           └─answer (a simple one answered at once)                         │
 *      ├─reject→ rejected (out of scope)       answered ─reopen (once, the sender is unsatisfied)→ in_progress
 *      ├─merge→ merged (a duplicate of another item)
 *      └─transfer (any open status) → received at the other unit, deadlines counted again there
 *   assigned/in_progress ─assign→ assigned (another official)
 *
 * Pure module: no I/O, no clock.
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const feedbackStatuses = ['received', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rejected', 'merged'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const openFeedbackStatuses: readonly FeedbackStatus[] = ['received', 'accepted', 'assigned', 'in_progress'];
export const finalFeedbackStatuses: readonly FeedbackStatus[] = ['closed', 'rejected', 'merged'];

export const feedbackStatusLabels: Record<FeedbackStatus, Text> = {
  received: { vi: 'Mới tiếp nhận, chờ phân loại', en: 'Received, waiting to be classified' },
  accepted: { vi: 'Đã phân loại, chờ giao xử lý', en: 'Accepted, waiting to be assigned' },
  assigned: { vi: 'Đã giao cán bộ xử lý', en: 'Assigned to an official' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  rejected: { vi: 'Không thuộc phạm vi xử lý', en: 'Out of scope' },
  merged: { vi: 'Trùng với phản ánh khác (đã gộp)', en: 'Duplicate (merged)' },
};

export const feedbackChannels = ['web', 'hotline', 'email', 'zalo', 'facebook', 'open311', 'suggestion_box'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

export const channelLabels: Record<FeedbackChannel, Text> = {
  web: { vi: 'Cổng thông tin (biểu mẫu trực tuyến)', en: 'Web form' },
  hotline: { vi: 'Tổng đài 1022', en: '1022 hotline' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  zalo: { vi: 'Zalo OA', en: 'Zalo Official Account' },
  facebook: { vi: 'Facebook Fanpage', en: 'Facebook Page' },
  open311: { vi: 'Ứng dụng Open311', en: 'Open311 app' },
  suggestion_box: { vi: 'Hộp thư góp ý điện tử', en: 'Digital suggestion box' },
};

export const feedbackKinds = ['report', 'proposal', 'suggestion'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const kindLabels: Record<FeedbackKind, Text> = {
  report: { vi: 'Phản ánh', en: 'Report' },
  proposal: { vi: 'Kiến nghị', en: 'Proposal' },
  suggestion: { vi: 'Góp ý', en: 'Suggestion' },
};

export const feedbackActions = ['accept', 'assign', 'start', 'answer', 'close', 'reject', 'merge', 'transfer', 'reopen', 'note'] as const;
export type FeedbackAction = (typeof feedbackActions)[number];

export const actionLabels: Record<FeedbackAction, Text> = {
  accept: { vi: 'Tiếp nhận, phân loại', en: 'Accept and classify' },
  assign: { vi: 'Giao cán bộ xử lý', en: 'Assign to an official' },
  start: { vi: 'Bắt đầu xử lý', en: 'Start handling' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  close: { vi: 'Kết thúc', en: 'Close' },
  reject: { vi: 'Không thuộc phạm vi', en: 'Reject as out of scope' },
  merge: { vi: 'Gộp vào phản ánh trùng', en: 'Merge as a duplicate' },
  transfer: { vi: 'Chuyển đơn vị khác', en: 'Transfer to another unit' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
  note: { vi: 'Ghi chú nội bộ', en: 'Internal note' },
};

/** From which statuses each staff action may be taken, and the status it leads to (null: unchanged). */
export const actionRules: Record<FeedbackAction, { from: readonly FeedbackStatus[]; to: FeedbackStatus | null }> = {
  accept: { from: ['received'], to: 'accepted' },
  assign: { from: ['received', 'accepted', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['accepted', 'assigned'], to: 'in_progress' },
  answer: { from: ['received', 'accepted', 'assigned', 'in_progress'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reject: { from: ['received', 'accepted', 'assigned', 'in_progress'], to: 'rejected' },
  merge: { from: ['received', 'accepted', 'assigned', 'in_progress'], to: 'merged' },
  transfer: { from: ['received', 'accepted', 'assigned', 'in_progress'], to: 'received' },
  reopen: { from: ['answered', 'closed'], to: 'in_progress' },
  note: { from: feedbackStatuses, to: null },
};

/** The actions a status allows, in the order the page offers them. */
export function allowedActions(status: FeedbackStatus): FeedbackAction[] {
  return feedbackActions.filter((a) => a !== 'reopen' && actionRules[a].from.includes(status));
}

/** Whether the sender may still reopen: answered (or closed after an answer), unsatisfied, and not reopened before. */
export function mayReopen(item: { status: FeedbackStatus; reopenCount: number }): boolean {
  return actionRules.reopen.from.includes(item.status) && item.reopenCount < 1;
}

/** Open311 GeoReport v2 `status`: open or closed. */
export function open311Status(status: FeedbackStatus): 'open' | 'closed' {
  return openFeedbackStatuses.includes(status) ? 'open' : 'closed';
}

/**
 * The state FixMyStreet's update-polling extension expects (servicerequestupdates): its own vocabulary, upper case.
 */
export function fixMyStreetState(status: FeedbackStatus): string {
  switch (status) {
    case 'received':
      return 'OPEN';
    case 'accepted':
      return 'ACTION_SCHEDULED';
    case 'assigned':
    case 'in_progress':
      return 'IN_PROGRESS';
    case 'answered':
    case 'closed':
      return 'FIXED';
    case 'rejected':
      return 'NOT_COUNCILS_RESPONSIBILITY';
    case 'merged':
      return 'DUPLICATE';
  }
}

/** Late: past its answer deadline and not yet answered (the moments are compared, `now` is a parameter). */
export function isFeedbackLate(item: { status: FeedbackStatus; answerDueAt: Date }, now: Date): boolean {
  return openFeedbackStatuses.includes(item.status) && item.answerDueAt.getTime() < now.getTime();
}

/** Answered on time: the answer came no later than its deadline. Null while not answered. */
export function answeredOnTime(item: { answeredAt: Date | null; answerDueAt: Date }): boolean | null {
  if (!item.answeredAt) return null;
  return item.answeredAt.getTime() <= item.answerDueAt.getTime();
}
