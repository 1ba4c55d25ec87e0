import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { checkContact, cleanText } from '../../../platform/text/index.ts';
import { deleteHotline, type HotlineRow, type HotlineValues, insertHotline, updateHotline } from '../handling-queries.ts';

/** Checks a leader's hotline entry (đường dây nóng): name, title, phone, optional e-mail; every bad field named. */
export function checkHotline(input: Record<string, unknown>): { ok: true; value: HotlineValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = cleanText(input.name).replace(/\s+/g, ' ');
  if ([...name].length < 2 || [...name].length > 120) errors.push({ field: 'name', message: { vi: 'Họ tên dài 2–120 ký tự', en: 'Name: 2–120 characters' } });
  const title = cleanText(input.title).replace(/\s+/g, ' ');
  if ([...title].length < 2 || [...title].length > 200)
    errors.push({ field: 'title', message: { vi: 'Chức vụ dài 2–200 ký tự', en: 'Title: 2–200 characters' } });
  const phone = cleanText(input.phone);
  if (!/^[0-9+ .()-]{3,30}$/.test(phone)) {
    errors.push({ field: 'phone', message: { vi: 'Số điện thoại chỉ gồm chữ số, dấu cách, + . ( ) -', en: 'Digits, spaces and + . ( ) - only' } });
  }
  const emailText = cleanText(input.email);
  let email: string | null = null;
  if (emailText) {
    const c = checkContact(emailText);
    if (c.ok && c.kind === 'email') email = c.value;
    else errors.push({ field: 'email', message: { vi: 'Địa chỉ thư điện tử không đúng', en: 'Not a valid e-mail address' } });
  }
  const pos = cleanText(input.position);
  const position = pos === '' ? 0 : /^\d{1,6}$/.test(pos) ? Number(pos) : null;
  if (position === null) errors.push({ field: 'position', message: { vi: 'Thứ tự là số từ 0', en: 'A number from 0' } });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { name, title, phone, email, position: position as number } };
}

/** Adds a leader's hotline number to a unit, audited. The caller has checked feedback.manage on the unit. */
export async function addUnitHotline(db: Db, actor: Actor, unitId: number, v: HotlineValues): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertHotline(tx, unitId, v);
    await recordAudit(tx, actor, { action: 'feedback.hotline.create', entityType: 'unit_hotline', entityId: id, unitId, after: v });
    return id;
  });
}

/** Changes or (v null) deletes a hotline entry, audited. The caller has checked feedback.manage on its unit. */
export async function changeUnitHotline(db: Db, actor: Actor, row: HotlineRow, v: HotlineValues | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (v) await updateHotline(tx, row.id, v);
    else await deleteHotline(tx, row.id);
    await recordAudit(tx, actor, {
      action: v ? 'feedback.hotline.update' : 'feedback.hotline.delete',
      entityType: 'unit_hotline',
      entityId: row.id,
      unitId: row.unit_id,
      before: { name: row.name, title: row.title, phone: row.phone, email: row.email },
      after: v ?? undefined,
    });
  });
}
