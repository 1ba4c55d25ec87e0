/**
 * Who on the staff side reads and acts on feedback, shared by the staff pages and the staff API: the list and an
 * item are read with feedback.receive (1022 operators, the one-stop desk) or feedback.handle (officials who answer) on
 * the item's unit; every action and the sender's contact need feedback.handle there. One dispatcher maps an action's
 * fields to its command, so a form and the API accept the same input.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { normaliseShortCode } from '../../platform/text/index.ts';
import { scopesFor, type UnitScope } from '../staff/index.ts';
import { findUnitByCode } from '../units/index.ts';
import { acceptFeedback } from './commands/accept-feedback.ts';
import { answerFeedback } from './commands/answer-feedback.ts';
import { assignFeedback } from './commands/assign-feedback.ts';
import { closeFeedback } from './commands/close-feedback.ts';
import { mergeFeedback } from './commands/merge-feedback.ts';
import { noteFeedback } from './commands/note-feedback.ts';
import { publishFeedback, unpublishFeedback } from './commands/publish-feedback.ts';
import { receiveFeedback } from './commands/receive-feedback.ts';
import { rejectFeedback } from './commands/reject-feedback.ts';
import { startFeedback } from './commands/start-feedback.ts';
import { transferFeedback } from './commands/transfer-feedback.ts';
import type { StaffAction } from './handling.ts';
import { findHandlingByCode, type HandlingRow } from './handling-queries.ts';
import { checkFeedback, type FeedbackInput } from './rules/intake.ts';

export const RECEIVE = 'feedback.receive';
export const HANDLE = 'feedback.handle';
export const MANAGE = 'feedback.manage';

export const staffActions: readonly StaffAction[] = [
  'accept',
  'assign',
  'start',
  'answer',
  'close',
  'reject',
  'merge',
  'transfer',
  'note',
  'publish',
  'unpublish',
];

/** Reads the unit's feedback: feedback.receive or feedback.handle there. */
export function mayRead(req: FastifyRequest, unitPath: string): boolean {
  return req.can(RECEIVE, unitPath) || req.can(HANDLE, unitPath);
}

/** Holds a read permission somewhere (the list without a unit). */
export function mayReadSomewhere(req: FastifyRequest): boolean {
  return req.can(RECEIVE) || req.can(HANDLE);
}

export function requireRead(req: FastifyRequest, unitPath: string): void {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  if (!mayRead(req, unitPath)) throw new AppError('FORBIDDEN');
}

/** The units whose feedback the viewer reads (null: everywhere). */
export function readScopes(req: FastifyRequest): UnitScope[] | null {
  const p = req.principal;
  if (!p || p.kind === 'citizen') return [];
  const a = scopesFor(p, RECEIVE);
  const b = scopesFor(p, HANDLE);
  return a === null || b === null ? null : [...a, ...b];
}

const notFound = () => new AppError('FEEDBACK_NOT_FOUND', { detail: { vi: 'Không có phản ánh với mã này.', en: 'No feedback item has this code.' } });

/** An item the viewer reads: 404 when there is none (or the code is malformed), 403 when its unit is not theirs. */
export async function mustFindForStaff(p: Platform, req: FastifyRequest, raw: string): Promise<HandlingRow> {
  const code = normaliseShortCode(raw);
  const item = code ? await findHandlingByCode(p.db, code) : null;
  if (!item) throw notFound();
  requireRead(req, item.unit_path);
  return item;
}

/** The fields an action takes (from a form or a JSON body). */
export interface ActionInput {
  version?: string | null;
  category?: string | null;
  kind?: string | null;
  assignee?: string | null;
  answer?: string | null;
  reason?: string | null;
  into?: string | null;
  unit?: string | null;
  note?: string | null;
  publicTitle?: string | null;
  publicSummary?: string | null;
}

/**
 * Performs one staff action on an item the caller has loaded: checks feedback.handle on its unit, then calls the
 * action's command. @throws AppError FORBIDDEN, VALIDATION_FAILED, FEEDBACK_ACTION_NOT_ALLOWED, CONFLICT
 */
export function performAction(p: Platform, req: FastifyRequest, item: HandlingRow, action: StaffAction, input: ActionInput): Promise<HandlingRow> {
  req.requireOn(HANDLE, item.unit_path);
  const actor = req.actor();
  const version = typeof input.version === 'string' && /^\d{1,20}$/.test(input.version) ? input.version : null;
  const opts = { version };
  switch (action) {
    case 'accept':
      return acceptFeedback(p.db, actor, item, { category: input.category ?? null, kind: input.kind ?? null }, opts);
    case 'assign':
      return assignFeedback(p.db, actor, item, { assignee: input.assignee ?? '' }, opts);
    case 'start':
      return startFeedback(p.db, actor, item, opts);
    case 'answer':
      return answerFeedback(p.db, actor, item, { answer: input.answer }, p.config.publicUrl, opts);
    case 'close':
      return closeFeedback(p.db, actor, item, opts);
    case 'reject':
      return rejectFeedback(p.db, actor, item, { reason: input.reason }, opts);
    case 'merge':
      return mergeFeedback(p.db, actor, item, { into: input.into }, (path) => req.can(HANDLE, path), opts);
    case 'transfer':
      return transferFeedback(p.db, actor, item, { unit: input.unit, reason: input.reason }, opts);
    case 'note':
      return noteFeedback(p.db, actor, item, { note: input.note }, opts);
    case 'publish':
      return publishFeedback(p.db, actor, item, { publicTitle: input.publicTitle, publicSummary: input.publicSummary }, opts);
    case 'unpublish':
      return unpublishFeedback(p.db, actor, item, opts);
  }
}

/**
 * A call taken by a 1022 operator (or the desk): checked as the hotline channel (a few words are enough; the caller's
 * consent to keep a contact is asked orally and ticked by the operator), routed by the rules unless the operator names
 * the unit, received once per idempotency key. Needs feedback.receive on the named unit, or somewhere when routed.
 * @throws AppError VALIDATION_FAILED naming each field, UNIT_NOT_FOUND, FORBIDDEN
 */
export async function enterCall(p: Platform, req: FastifyRequest, input: FeedbackInput & { unit?: unknown }, key: string | null) {
  const unitCode = typeof input.unit === 'string' && input.unit ? input.unit : null;
  if (unitCode) {
    const unit = await findUnitByCode(p.db, unitCode);
    if (!unit) throw new AppError('VALIDATION_FAILED', { errors: [{ field: 'unit', message: { vi: 'Không có đơn vị này', en: 'No such unit' } }] });
    req.requireOn(RECEIVE, unit.path);
  } else if (!req.can(RECEIVE)) throw new AppError('FORBIDDEN');
  const checked = checkFeedback(input, { channel: 'hotline', shortDescriptionOk: true });
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { errors: checked.errors });
  const actor = req.actor();
  return receiveFeedback(p.db, actor, {
    channel: 'hotline',
    item: checked.value,
    addressedUnitCode: unitCode,
    receivedBy: actor.userId,
    idempotencyKey: key,
  });
}
