import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { type ActionOptions, actionNotAllowed, applyChange, publishableStatuses, requiredText } from '../handling.ts';
import { findContact, type HandlingRow } from '../handling-queries.ts';
import { checkPublicText } from '../rules/redact.ts';
import { foldVietnamese } from '../rules/routing.ts';

export const PUBLIC_TITLE_MAX = 200;
export const PUBLIC_SUMMARY_MAX = 2000;

/**
 * Publishes the answer of an answered item (công khai kết quả trả lời) under a title and summary an official writes
 * without personal data: a phone number, e-mail address or ID number in them is refused (rules/redact.ts), and so is
 * the sender's own name. Publishing again replaces the texts. Caller has checked feedback.handle on the item's unit.
 * @throws AppError VALIDATION_FAILED (fields publicTitle, publicSummary), FEEDBACK_ACTION_NOT_ALLOWED (not answered), CONFLICT
 */
export async function publishFeedback(
  db: Db,
  actor: Actor,
  item: HandlingRow,
  input: { publicTitle: unknown; publicSummary: unknown },
  opts: ActionOptions = {},
): Promise<HandlingRow> {
  if (!publishableStatuses.includes(item.status)) throw actionNotAllowed('publish', item.status);
  const errors: FieldError[] = [];
  const take = (field: string, v: unknown, max: number, what: { vi: string; en: string }) => {
    try {
      return requiredText(field, v, max, what);
    } catch (err) {
      if (err instanceof AppError) errors.push(...err.errors);
      return '';
    }
  };
  const title = take('publicTitle', input.publicTitle, PUBLIC_TITLE_MAX, { vi: 'tiêu đề công khai', en: 'the public title' });
  const summary = take('publicSummary', input.publicSummary, PUBLIC_SUMMARY_MAX, { vi: 'tóm tắt công khai', en: 'the public summary' });
  errors.push(...checkPublicText({ publicTitle: title, publicSummary: summary }));
  const now = opts.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const contact = await findContact(tx, item.id);
    const name = contact?.contact_name ? foldVietnamese(contact.contact_name).trim() : '';
    if (name.length >= 4) {
      for (const [field, text] of [
        ['publicTitle', title],
        ['publicSummary', summary],
      ] as const) {
        if (text && foldVietnamese(text).includes(name) && !errors.some((e) => e.field === field)) {
          errors.push({
            field,
            message: {
              vi: 'Nội dung công khai không được nêu họ tên người gửi. Hãy bỏ tên đi.',
              en: 'Public text must not name the sender. Remove the name.',
            },
          });
        }
      }
    }
    if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
    return applyChange(
      tx,
      actor,
      item,
      {
        action: 'publish',
        from: publishableStatuses,
        to: null,
        sets: [
          sql`published = true`,
          sql`public_title = ${title}`,
          sql`public_summary = ${summary}`,
          sql`published_at = ${now.toISOString()}::timestamptz`,
          sql`published_by = ${actor.userId}::bigint`,
        ],
        event: { kind: 'published', public: false },
        audit: { publicTitle: title, publicSummary: summary },
      },
      { ...opts, now },
    );
  });
}

/**
 * Takes a published answer off the public pages (thôi công khai). Caller has checked feedback.handle on the item's unit.
 * @throws AppError FEEDBACK_ACTION_NOT_ALLOWED (not published), CONFLICT
 */
export async function unpublishFeedback(db: Db, actor: Actor, item: HandlingRow, opts: ActionOptions = {}): Promise<HandlingRow> {
  if (!item.published) {
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', {
      detail: { vi: 'Phản ánh này chưa được công khai.', en: 'This item is not published.' },
      extra: { action: 'unpublish', status: item.status },
    });
  }
  return inTransaction(db, (tx) =>
    applyChange(
      tx,
      actor,
      item,
      { action: 'unpublish', from: publishableStatuses, to: null, sets: [sql`published = false`], event: { kind: 'unpublished', public: false } },
      opts,
    ),
  );
}
