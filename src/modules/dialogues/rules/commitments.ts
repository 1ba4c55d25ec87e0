import type { FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';

export const commitmentStatuses = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export const COMMITMENT_TEXT_MAX = 2000;
export const OUTCOME_MAX = 5000;

/** A commitment is overdue (quá hạn) when its deadline has passed and it is still open. `today` is the day in Vietnam. */
export function isOverdue(c: { status: CommitmentStatus; deadline: string }, today: string): boolean {
  return c.status === 'open' && c.deadline < today;
}

/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export interface CommitmentInput {
  text?: unknown;
  deadline?: unknown;
  status?: unknown;
  outcome?: unknown;
}

export interface CheckedCommitment {
  text: string;
  deadline: string;
  status: CommitmentStatus;
  outcome: string | null;
}

const len = (s: string) => [...s].length;

/**
 * Checks a commitment (the form and the JSON API take the same rules): the issue 3–2000 characters, a deadline day,
 * a status, and the public outcome (up to 5000 characters), which is required to close it as done or dropped so the
 * public reads what became of it. Every bad field is named.
 */
export function checkCommitment(input: CommitmentInput): { ok: true; value: CheckedCommitment } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = cleanText(input.text);
  const deadline = cleanText(input.deadline);
  const statusText = cleanText(input.status) || 'open';
  const status = commitmentStatuses.find((s) => s === statusText);
  const outcome = cleanText(input.outcome);
  if (len(text) < 3 || len(text) > COMMITMENT_TEXT_MAX) {
    errors.push({
      field: 'text',
      message: { vi: `Nội dung cam kết cần từ 3 đến ${COMMITMENT_TEXT_MAX} ký tự`, en: `The commitment needs 3 to ${COMMITMENT_TEXT_MAX} characters` },
    });
  }
  if (!isDay(deadline)) errors.push({ field: 'deadline', message: { vi: 'Hãy nhập hạn hoàn thành (ngày)', en: 'Enter the deadline (a date)' } });
  if (!status) errors.push({ field: 'status', message: { vi: 'Trạng thái không hợp lệ', en: 'Unknown status' } });
  if (len(outcome) > OUTCOME_MAX)
    errors.push({ field: 'outcome', message: { vi: `Kết quả dài tối đa ${OUTCOME_MAX} ký tự`, en: `At most ${OUTCOME_MAX} characters` } });
  else if (status && status !== 'open' && !outcome) {
    errors.push({
      field: 'outcome',
      message: { vi: 'Hãy ghi kết quả công khai khi hoàn thành hoặc dừng cam kết', en: 'Write the public outcome when closing the commitment' },
    });
  }
  if (errors.length || !status) return { ok: false, errors };
  return { ok: true, value: { text, deadline, status, outcome: outcome || null } };
}

/** Issues are recorded as commitments once the dialogue has started, unless it was cancelled. */
export function acceptsCommitments(d: { status: 'planned' | 'held' | 'cancelled'; startsAt: Date }, now: Date): boolean {
  return d.status !== 'cancelled' && d.startsAt.getTime() <= now.getTime();
}
