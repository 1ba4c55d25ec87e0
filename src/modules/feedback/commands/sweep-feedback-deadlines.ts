import { type Actor, recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { queueNotification } from '../../../platform/notify/index.ts';
import { type CompiledCalendar, loadCalendar } from '../../calendar/index.ts';
import { findUnitById } from '../../units/index.ts';
import { type DeadlineCandidate, insertFeedbackEvent, listDeadlineCandidates, markEscalated, markWarned } from '../handling-queries.ts';
import { DEFAULT_WARN_DAYS, deadlineStep, escalationMail, vietnamDate, warningMail } from '../rules/deadlines.ts';

export interface DeadlineSweepOptions {
  /** The site's address, for the links in the e-mails to units. */
  publicUrl: string;
  /** Items per batch (default 500) and batches per run (default 20). */
  batch?: number;
  maxBatches?: number;
}

export interface DeadlineSweepResult {
  checked: number;
  warned: number;
  escalated: number;
}

/** How far ahead an item can need a warning: 30 working days (the largest warn_days) are under 90 calendar days. */
const WARN_HORIZON_DAYS = 90;

/**
 * The deadline sweep of open feedback (rules/deadlines.ts): warns the handling unit once when the answer is due within
 * the category's warn_days working days of its calendar, and escalates once to the parent unit after the deadline
 * (the parent's leaders see it in their list; the item stays with its unit). Each step writes the item's mark, an
 * internal history event, an e-mail to the unit's address when it has one, and an audit row, in one transaction;
 * a step another run took first does nothing. Bounded batches; safe to repeat.
 */
export async function sweepFeedbackDeadlines(db: Db, now: Date, opts: DeadlineSweepOptions): Promise<DeadlineSweepResult> {
  const batch = opts.batch ?? 500;
  const actor = systemActor('feedback-deadlines');
  const until = new Date(now.getTime() + WARN_HORIZON_DAYS * 86400_000);
  const year = Number(vietnamDate(now).slice(0, 4));
  const calendars = new Map<number, CompiledCalendar>();
  const calendarOf = async (unitId: number) => {
    let cal = calendars.get(unitId);
    if (!cal) {
      cal = (await loadCalendar(db, await findUnitById(db, unitId), year, year + 1)).calendar;
      calendars.set(unitId, cal);
    }
    return cal;
  };
  const result: DeadlineSweepResult = { checked: 0, warned: 0, escalated: 0 };
  let afterId = 0;
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const candidates = await listDeadlineCandidates(db, now, until, batch, afterId);
    for (const c of candidates) {
      result.checked++;
      afterId = Math.max(afterId, Number(c.id));
      const step = deadlineStep(
        {
          status: c.status,
          answerDueAt: new Date(c.answer_due_at),
          warnedAt: c.warned_at ? new Date(c.warned_at) : null,
          escalatedAt: c.escalated_at ? new Date(c.escalated_at) : null,
          parentUnitId: c.parent_id === null ? null : Number(c.parent_id),
          warnDays: c.warn_days ?? DEFAULT_WARN_DAYS,
        },
        await calendarOf(Number(c.unit_id)),
        now,
      );
      if (step?.kind === 'warn' && (await warn(db, actor, c, step.workingDaysLeft, now, opts.publicUrl))) result.warned++;
      if (step?.kind === 'escalate' && (await escalate(db, actor, c, step.toUnitId, now, opts.publicUrl))) result.escalated++;
    }
    if (candidates.length < batch) break;
  }
  return result;
}

const staffUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/$/, '')}/quan-tri/phan-anh/${code}`;

function warn(db: Db, actor: Actor, c: DeadlineCandidate, daysLeft: number, now: Date, publicUrl: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    if (!(await markWarned(tx, c.id, now))) return false;
    const dueDate = vietnamDate(new Date(c.answer_due_at));
    await insertFeedbackEvent(tx, {
      feedbackId: c.id,
      at: now,
      actorUserId: null,
      kind: 'warned',
      status: c.status,
      toUnitId: c.unit_id,
      note: daysLeft === 0 ? 'Hôm nay là hạn trả lời' : `Còn ${daysLeft} ngày làm việc đến hạn trả lời`,
      public: false,
    });
    if (c.unit_email) {
      const mail = warningMail({ code: c.code, unitName: c.unit_name, dueDate, daysLeft, url: staffUrl(publicUrl, c.code) });
      await queueNotification(tx, { channel: 'email', recipient: c.unit_email, ...mail, about: `feedback:${c.code}` });
    }
    await recordAudit(tx, actor, {
      action: 'feedback.warn',
      entityType: 'feedback',
      entityId: c.code,
      unitId: c.unit_id,
      after: { daysLeft, mailed: Boolean(c.unit_email) },
    });
    return true;
  });
}

function escalate(db: Db, actor: Actor, c: DeadlineCandidate, toUnitId: number, now: Date, publicUrl: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    if (!(await markEscalated(tx, c.id, toUnitId, now))) return false;
    await insertFeedbackEvent(tx, {
      feedbackId: c.id,
      at: now,
      actorUserId: null,
      kind: 'escalated',
      status: c.status,
      fromUnitId: c.unit_id,
      toUnitId,
      note: 'Quá hạn, chuyển cấp trên theo dõi',
      public: false,
    });
    if (c.parent_email) {
      const mail = escalationMail({
        code: c.code,
        unitName: c.unit_name,
        parentName: c.parent_name ?? '',
        dueDate: vietnamDate(new Date(c.answer_due_at)),
        url: staffUrl(publicUrl, c.code),
      });
      await queueNotification(tx, { channel: 'email', recipient: c.parent_email, ...mail, about: `feedback:${c.code}` });
    }
    await recordAudit(tx, actor, {
      action: 'feedback.escalate',
      entityType: 'feedback',
      entityId: c.code,
      unitId: c.unit_id,
      after: { toUnitId, mailed: Boolean(c.parent_email) },
    });
    return true;
  });
}
