import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { upsertTemplate } from '../queries.ts';
import type { LetterKind } from '../rules/kinds.ts';
import { BODY_MAX, mergeFieldErrors, TITLE_MAX } from '../rules/templates.ts';

/**
 * Saves a unit's wording of one kind; unknown merge fields are refused, naming them. Letters proposed afterwards use
 * it; letters already written keep their text. The caller has checked letters.approve on the unit.
 */
export async function saveLetterTemplate(
  db: Db,
  actor: Actor,
  unit: { id: number },
  kind: LetterKind,
  input: { title: unknown; body: unknown },
): Promise<void> {
  const title = cleanText(input.title).replace(/\s+/g, ' ');
  const body = cleanText(input.body);
  const errors: FieldError[] = [];
  if (title.length < 3 || title.length > TITLE_MAX)
    errors.push({ field: 'title', message: { vi: `Tên thư từ 3 đến ${TITLE_MAX} ký tự`, en: `Title: 3 to ${TITLE_MAX} characters` } });
  if (body.length < 10 || body.length > BODY_MAX)
    errors.push({ field: 'body', message: { vi: `Nội dung từ 10 đến ${BODY_MAX} ký tự`, en: `Body: 10 to ${BODY_MAX} characters` } });
  else errors.push(...mergeFieldErrors('body', body));
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  await inTransaction(db, async (tx) => {
    await upsertTemplate(tx, unit.id, kind, title, body, actor.userId);
    await recordAudit(tx, actor, {
      action: 'letter.template.save',
      entityType: 'letter_template',
      entityId: `${unit.id}:${kind}`,
      unitId: unit.id,
      after: { kind, title },
    });
  });
}
