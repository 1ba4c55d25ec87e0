/**
 * How urgent an open dossier is, for "my dossiers" and the queues: late first, then due today, then due within
 * the next two working days, then the rest; paused dossiers last (their clock is stopped).
 *
 * Pure module.
 */
import type { DossierStatus } from './lifecycle.ts';
import { isLate } from './lifecycle.ts';

export type Urgency = 'late' | 'due_today' | 'due_soon' | 'normal' | 'paused' | 'done';

export const urgencyOrder: Urgency[] = ['late', 'due_today', 'due_soon', 'normal', 'paused', 'done'];

export const urgencyLabels: Record<Urgency, { vi: string; en: string }> = {
  late: { vi: 'Quá hạn', en: 'Late' },
  due_today: { vi: 'Đến hạn hôm nay', en: 'Due today' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  normal: { vi: 'Trong hạn', en: 'On time' },
  paused: { vi: 'Tạm dừng chờ bổ sung', en: 'Paused' },
  done: { vi: 'Đã có kết quả', en: 'Settled' },
};

/**
 * @param soonDay the last day counted as "soon" (the second working day after today), 'YYYY-MM-DD'
 */
export function urgencyOf(d: { status: DossierStatus; dueAt: Date; dueDate: string }, now: Date, today: string, soonDay: string): Urgency {
  if (d.status === 'supplement_requested') return 'paused';
  if (!['received', 'accepted', 'in_processing', 'pending_approval', 'approved'].includes(d.status)) return 'done';
  if (isLate(d, now)) return 'late';
  if (d.dueDate <= today) return 'due_today';
  if (d.dueDate <= soonDay) return 'due_soon';
  return 'normal';
}
