import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { vietnamIso } from '../../../platform/period.ts';
import { shortCodeFrom } from '../../../platform/text/index.ts';
import { dueDate } from '../../calendar/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { findExistingCode, findFeedbackByCode, insertAttachments, insertFeedback, readIntakeContext } from '../queries.ts';
import type { CheckedFeedback } from '../rules/intake.ts';
import type { FeedbackChannel } from '../rules/lifecycle.ts';
import { acknowledgementOf } from '../rules/notices.ts';
import { foldVietnamese, routeFeedback } from '../rules/routing.ts';

/** Default time limits when an item has no category (Nghị định 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP). */
export const DEFAULT_CLASSIFY_DAYS = 3;
export const DEFAULT_ANSWER_DAYS = 10;

export interface IncomingFeedback {
  channel: FeedbackChannel;
  item: CheckedFeedback;
  /** The unit the sender addressed (Open311 jurisdiction_id, the unit page of the form); null: route by the rules. */
  addressedUnitCode: string | null;
  /** The channel's identity of the sender and of the message (a webhook delivered twice makes one item). */
  senderRef?: string | null;
  externalRef?: string | null;
  extra?: Record<string, unknown>;
  /** The hotline operator who typed it in. */
  receivedBy?: number | null;
  apiKeyId?: number | null;
  idempotencyKey?: string | null;
  attachments?: readonly { name: string; mime: string; content: Buffer }[];
  /** A caller bound to a unit (an API key of a unit) may address only that unit's subtree: its path. */
  withinPath?: string | null;
  now?: Date;
}

export interface ReceivedFeedback {
  code: string;
  created: boolean;
  unitCode: string;
  unitName: string;
  answerDueAt: string;
}

function unknownField(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ field, message: { vi, en } }] });
}

/**
 * Receives one feedback item from any channel (tiếp nhận phản ánh, kiến nghị): checks the codes it names, routes it
 * to the unit that answers it, counts its classification and answer deadlines in that unit's working-day calendar,
 * and writes the item, its first public event, the acknowledgement to the sender and the audit row in one statement.
 * Once per idempotency key and per channel message: a retry gets the item the first call made (created: false).
 *
 * @throws AppError UNIT_NOT_FOUND (addressed unit), FORBIDDEN (outside `withinPath`), VALIDATION_FAILED (unknown category
 * or place)
 */
export async function receiveFeedback(db: Db, actor: Actor, input: IncomingFeedback): Promise<ReceivedFeedback> {
  const { item } = input;
  const now = input.now ?? new Date();
  const key = input.idempotencyKey ?? null;
  const externalRef = input.externalRef ?? null;
  const ctx = await readIntakeContext(db, {
    addressedCode: input.addressedUnitCode,
    placeCode: item.placeCode,
    categoryCode: item.categoryCode,
    key,
    channel: input.channel,
    externalRef,
  });
  if (ctx.existingCode) return existing(db, ctx.existingCode);
  if (input.addressedUnitCode && !ctx.addressed) {
    throw new AppError('UNIT_NOT_FOUND', {
      detail: { vi: `Không có đơn vị mã "${input.addressedUnitCode}"`, en: `No unit with code "${input.addressedUnitCode}"` },
    });
  }
  if (input.withinPath && ctx.addressed && !ctx.addressed.path.startsWith(input.withinPath)) {
    throw new AppError('FORBIDDEN', { detail: { vi: 'Không được gửi tới đơn vị này', en: 'You may not address this unit' } });
  }
  if (item.categoryCode && !ctx.category) throw unknownField('category', 'Không có lĩnh vực phản ánh này', 'No such feedback category');
  if (item.placeCode && !ctx.place) throw unknownField('place', 'Không có xã, phường này', 'No such commune or ward');

  const decision = routeFeedback(ctx.rules, {
    categoryId: ctx.category?.id ?? null,
    categoryUnitId: ctx.categoryUnit?.id ?? null,
    placeUnitId: ctx.place?.id ?? null,
    placePath: ctx.place?.path ?? null,
    addressedUnitId: ctx.addressed?.id ?? null,
    channel: input.channel,
    text: foldVietnamese(`${item.title ?? ''} ${item.description}`),
    rootUnitId: ctx.root.id,
  });
  const byId = new Map<number, UnitRow>();
  for (const u of [ctx.addressed, ctx.place, ctx.categoryUnit, ctx.root, ...ctx.rules.map((r) => r.target)]) if (u) byId.set(Number(u.id), u);
  const unit = byId.get(decision.unitId) ?? ctx.root;

  const classifyDays = ctx.category?.classify_days ?? DEFAULT_CLASSIFY_DAYS;
  const answerDays = ctx.category?.answer_days ?? DEFAULT_ANSWER_DAYS;
  // One after the other: `db` may be a transaction's single connection (the second finds the calendar cached).
  const classify = await dueDate(db, { unit, from: now, workingDays: classifyDays, calendarVersion: ctx.calendarVersion });
  const answer = await dueDate(db, { unit, from: now, workingDays: answerDays, calendarVersion: ctx.calendarVersion });

  const contact = item.contact;
  const files = (input.attachments ?? []).map((f) => ({ ...f, sha256: createHash('sha256').update(f.content).digest('hex') }));
  const write = async (tx: Db): Promise<{ id: number; code: string } | null> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = shortCodeFrom(randomBytes(8));
      const row = await insertFeedback(tx, actor, {
        code,
        channel: input.channel,
        kind: item.kind,
        categoryId: ctx.category?.id ?? null,
        addressedUnitId: ctx.addressed?.id ?? null,
        unitId: Number(unit.id),
        title: item.title,
        description: item.description,
        placeUnitId: ctx.place?.id ?? null,
        address: item.address,
        lat: item.lat,
        lng: item.lng,
        contactName: contact?.name ?? null,
        contactPhone: contact?.phone ?? null,
        contactEmail: contact?.email ?? null,
        consent: contact !== null,
        senderRef: input.senderRef ?? null,
        externalRef,
        extra: input.extra ?? {},
        receivedBy: input.receivedBy ?? null,
        apiKeyId: input.apiKeyId ?? null,
        idempotencyKey: key,
        receivedAt: now,
        classifyDueAt: classify.dueAt,
        answerDueAt: answer.dueAt,
        acknowledgement: acknowledgementOf({
          code,
          unitName: unit.name,
          answerDueDate: answer.date,
          email: contact?.email ?? null,
          phone: contact?.phone ?? null,
        }),
        routedBy: decision.by,
      });
      if (row) {
        if (files.length) await insertAttachments(tx, row.id, files);
        return row;
      }
      // Nothing inserted: the key or message was taken meanwhile, or (rarely) the code was.
      if ((key || externalRef) && (await findExistingCode(tx, key, input.channel, externalRef))) return null;
    }
    throw new Error('could not draw a free feedback code');
  };
  const row = files.length ? await inTransaction(db, write) : await write(db);
  if (!row) {
    const code = await findExistingCode(db, key, input.channel, externalRef);
    if (code) return existing(db, code);
    throw new Error('feedback insert lost its key');
  }
  return { code: row.code, created: true, unitCode: unit.code, unitName: unit.name, answerDueAt: answer.dueAt };
}

async function existing(db: Db, code: string): Promise<ReceivedFeedback> {
  const row = await findFeedbackByCode(db, code);
  if (!row) throw new Error('existing feedback vanished');
  return { code, created: false, unitCode: row.unit_code, unitName: row.unit_name, answerDueAt: vietnamIso(row.answer_due_at) };
}
