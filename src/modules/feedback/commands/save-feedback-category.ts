import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { cleanText } from '../../../platform/text/index.ts';
import { type CategoryValues, upsertCategory } from '../handling-queries.ts';

const intIn = (v: unknown, min: number, max: number): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** Checks a category form (lĩnh vực phản ánh): every bad field named. `unitId` is resolved by the caller. */
export function checkCategory(
  input: Record<string, unknown>,
  unitId: number | null,
): { ok: true; value: CategoryValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const code = cleanText(input.code).toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(code)) {
    errors.push({ field: 'code', message: { vi: 'Mã gồm 2–63 chữ thường không dấu, số, gạch ngang', en: '2–63 lower-case letters, digits, dashes' } });
  }
  const name = cleanText(input.name).replace(/\s+/g, ' ');
  if ([...name].length < 2 || [...name].length > 200) errors.push({ field: 'name', message: { vi: 'Tên dài 2–200 ký tự', en: 'Name: 2–200 characters' } });
  const classifyDays = intIn(input.classifyDays, 1, 30);
  if (classifyDays === null) errors.push({ field: 'classifyDays', message: { vi: 'Số ngày làm việc từ 1 đến 30', en: 'Working days from 1 to 30' } });
  const answerDays = intIn(input.answerDays, 1, 90);
  if (answerDays === null) errors.push({ field: 'answerDays', message: { vi: 'Số ngày làm việc từ 1 đến 90', en: 'Working days from 1 to 90' } });
  const warnDays = intIn(input.warnDays, 0, 30);
  if (warnDays === null) errors.push({ field: 'warnDays', message: { vi: 'Số ngày làm việc từ 0 đến 30', en: 'Working days from 0 to 30' } });
  const position = input.position === undefined || input.position === '' ? 0 : intIn(input.position, 0, 100000);
  if (position === null) errors.push({ field: 'position', message: { vi: 'Thứ tự là số từ 0', en: 'A number from 0' } });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code,
      name,
      unitId,
      classifyDays: classifyDays as number,
      answerDays: answerDays as number,
      warnDays: warnDays as number,
      active: input.active === undefined ? true : input.active === true || input.active === 'on' || input.active === 'true',
      position: position as number,
    },
  };
}

/**
 * Creates (id null) or changes a feedback category with its responsible unit and time limits (thời hạn phân loại,
 * trả lời, nhắc hạn; working days), audited. The caller has checked feedback.manage on the category's unit.
 * @throws AppError CONFLICT (the code is taken)
 */
export async function saveFeedbackCategory(db: Db, actor: Actor, id: number | null, v: CategoryValues): Promise<number> {
  return inTransaction(db, async (tx) => {
    const row = await upsertCategory(tx, id, v);
    if (!row) {
      throw new AppError('CONFLICT', {
        errors: [{ field: 'code', message: { vi: 'Mã lĩnh vực đã được dùng', en: 'The code is already used' } }],
      });
    }
    await recordAudit(tx, actor, {
      action: id === null ? 'feedback.category.create' : 'feedback.category.update',
      entityType: 'feedback_category',
      entityId: v.code,
      unitId: v.unitId,
      after: v,
    });
    return Number(row.id);
  });
}
