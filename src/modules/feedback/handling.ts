/**
 * The one way a staff action changes a feedback item: check the action is allowed from the item's status
 * (rules/lifecycle.ts actionRules), apply the change guarded by the status and version read (two officials acting at
 * once: one wins, the other is told), append the history event and write the audit row, all in the caller's
 * transaction. Each command in commands/ says what its action changes; this file says how every change is made.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { cleanText } from '../../platform/text/index.ts';
import { findHandlingById, guardedUpdate, type HandlingRow, insertFeedbackEvent, type NewEvent } from './handling-queries.ts';
import { actionLabels, type FeedbackAction, type FeedbackStatus, feedbackStatusLabels } from './rules/lifecycle.ts';

/** Staff actions: the lifecycle's actions (without the sender's reopen) plus publication. */
export type StaffAction = Exclude<FeedbackAction, 'reopen'> | 'publish' | 'unpublish';

export const staffActionLabels: Record<StaffAction, Text> = {
  ...(actionLabels as Record<Exclude<FeedbackAction, 'reopen'>, Text>),
  publish: { vi: 'Công khai kết quả trả lời', en: 'Publish the answer' },
  unpublish: { vi: 'Thôi công khai', en: 'Unpublish' },
};

/** Publication is possible once the item is answered (công khai kết quả trả lời). */
export const publishableStatuses: readonly FeedbackStatus[] = ['answered', 'closed'];

/** What every action command receives besides its own fields. */
export interface ActionOptions {
  /** The version (updated_at in µs) the official saw; a stale one is refused (CONFLICT). */
  version?: string | null;
  now?: Date;
}

export function actionNotAllowed(action: StaffAction, status: FeedbackStatus): AppError {
  const a = staffActionLabels[action];
  const s = feedbackStatusLabels[status];
  return new AppError('FEEDBACK_ACTION_NOT_ALLOWED', {
    detail: {
      vi: `Không thể thực hiện “${a.vi}” khi phản ánh đang ở trạng thái “${s.vi}”.`,
      en: `“${a.en}” is not possible while the feedback is “${s.en}”.`,
    },
    extra: { action, status },
  });
}

function changedMeanwhile(action: StaffAction, fresh: HandlingRow): AppError {
  const s = feedbackStatusLabels[fresh.status];
  return new AppError('CONFLICT', {
    detail: {
      vi: `Phản ánh ${fresh.code} vừa được người khác cập nhật (hiện ở trạng thái “${s.vi}”); thao tác “${staffActionLabels[action].vi}” của bạn chưa được ghi. Hãy tải lại trang và xem trước khi làm tiếp.`,
      en: `Feedback ${fresh.code} was just updated by someone else (now “${s.en}”); your “${staffActionLabels[action].en}” was not saved. Reload the page and check before going on.`,
    },
    extra: { action, status: fresh.status, currentVersion: fresh.version },
  });
}

export interface Change {
  action: StaffAction;
  from: readonly FeedbackStatus[];
  /** The status after the change (null: unchanged). */
  to: FeedbackStatus | null;
  /** Columns to set besides status and updated_at; none for an action that only records an event. */
  sets: SQL[];
  event: Omit<NewEvent, 'feedbackId' | 'at' | 'actorUserId' | 'status'>;
  /** Facts for the audit row (never the sender's personal data). */
  audit?: Record<string, unknown>;
  /** The unit the audit row is filed under (default: the item's unit). */
  auditUnitId?: number;
}

/**
 * Applies one change to an item in the caller's transaction and returns the item as it is now.
 * @throws AppError FEEDBACK_ACTION_NOT_ALLOWED (the status does not allow it), CONFLICT (changed meanwhile)
 */
export async function applyChange(tx: Db, actor: Actor, item: HandlingRow, change: Change, opts: ActionOptions = {}): Promise<HandlingRow> {
  const now = opts.now ?? new Date();
  if (!change.from.includes(item.status)) throw actionNotAllowed(change.action, item.status);
  const version = opts.version ?? null;
  if (version !== null && version !== item.version) throw changedMeanwhile(change.action, item);
  const to = change.to ?? item.status;
  if (change.sets.length > 0 || change.to !== null) {
    const sets = change.to !== null ? [...change.sets, sql`status = ${to}`] : change.sets;
    // Guarded by the version read, not only the status: an assignment that loses to another keeps the status too.
    const done = await guardedUpdate(tx, item.id, change.from, version ?? item.version, sets);
    if (!done) throw changedMeanwhile(change.action, (await findHandlingById(tx, item.id)) as HandlingRow);
  }
  await insertFeedbackEvent(tx, { ...change.event, feedbackId: item.id, at: now, actorUserId: actor.userId, status: to });
  await recordAudit(tx, actor, {
    action: `feedback.${change.action}`,
    entityType: 'feedback',
    entityId: item.code,
    unitId: change.auditUnitId ?? item.unit_id,
    before: { status: item.status, version: item.version },
    after: { status: to, ...change.audit },
  });
  return (await findHandlingById(tx, item.id)) as HandlingRow;
}

/** A required text of an action (an answer, a reason, a note), cleaned; VALIDATION_FAILED naming the field otherwise. */
export function requiredText(field: string, value: unknown, max: number, what: { vi: string; en: string }): string {
  const text = cleanText(value);
  if (!text) throw new AppError('VALIDATION_FAILED', { errors: [{ field, message: { vi: `Hãy nhập ${what.vi}`, en: `Enter ${what.en}` } }] });
  if ([...text].length > max) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field, message: { vi: `Tối đa ${max} ký tự`, en: `At most ${max} characters` } }],
    });
  }
  return text;
}

export function badField(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ field, message: { vi, en } }] });
}
