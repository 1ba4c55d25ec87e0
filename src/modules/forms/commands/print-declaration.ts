import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { templatesOf } from '../access.ts';
import type { DeclarationSetRow } from '../queries.ts';
import { renderDeclarationPdf } from '../render.ts';
import { recordSetRead } from './read-declaration-set.ts';

/**
 * Prints one form of a set as PDF, under the template version the set was filled with, and records the read of
 * the personal data it carries. @throws AppError TEMPLATE_NOT_FOUND when the set has no such form.
 */
export async function printDeclaration(db: Db, actor: Actor, set: DeclarationSetRow, key: string, now: Date): Promise<Buffer> {
  const template = templatesOf(set).find((t) => t.key === key);
  if (!template) {
    throw new AppError('FORM_TEMPLATE_NOT_FOUND', {
      detail: { vi: `Bộ tờ khai số ${set.id} không có mẫu "${key}"`, en: `Set ${set.id} has no form "${key}"` },
    });
  }
  const pdf = await renderDeclarationPdf(template, set.field_values, { creationDate: now });
  await recordSetRead(db, actor, set, 'pdf', key);
  return pdf;
}
