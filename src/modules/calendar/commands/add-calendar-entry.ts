import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitRow } from '../../units/index.ts';
import { type CalendarEntryRow, findEntryAt, insertEntry } from '../queries.ts';
import type { AddEntryInput } from '../schema.ts';

function conflict(date: string, unit: UnitRow | null, existing: string): AppError {
  const [y, m, d] = date.split('-');
  const scopeVi = unit ? `đơn vị ${unit.name}` : 'lịch chung toàn quốc';
  const scopeEn = unit ? `unit ${unit.code}` : 'the national calendar';
  return new AppError('CONFLICT', {
    detail: {
      vi: `Ngày ${d}/${m}/${y} đã có mục “${existing}” trong ${scopeVi}; xóa mục đó trước khi thêm mục mới`,
      en: `${date} already has the entry “${existing}” in ${scopeEn}; delete it before adding another`,
    },
  });
}

/**
 * Adds a dated entry (a holiday, a day off or a make-up working day) to the national calendar (`unit` null)
 * or to a unit's, e.g. 24/11 "Ngày Văn hóa Việt Nam" once enacted, without a release (STANDARDS §2).
 * Authorisation is the caller's: national entries need calendar.manage globally.
 *
 * @throws AppError CONFLICT when that scope already has an entry on that date
 */
export async function addCalendarEntry(tx: Db, actor: Actor, input: AddEntryInput, unit: UnitRow | null): Promise<CalendarEntryRow> {
  const year = Number(input.date.slice(0, 4));
  if (year < 1900 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ field: 'date', message: { vi: 'Ngày phải trong khoảng năm 1900–2100', en: 'The date must be between the years 1900 and 2100' } }],
    });
  }
  const unitId = unit?.id ?? null;
  const existing = await findEntryAt(tx, unitId, input.date);
  if (existing) throw conflict(input.date, unit, existing.name);
  const row = await insertEntry(tx, {
    unitId,
    date: input.date,
    kind: input.kind,
    name: input.name.trim().normalize('NFC'),
    notice: input.notice?.trim().normalize('NFC') || null,
    source: 'admin',
    createdBy: actor.userId,
  });
  if (!row) throw conflict(input.date, unit, '…');
  await recordAudit(tx, actor, { action: 'calendar.entry.create', entityType: 'calendar_entry', entityId: row.id, unitId, after: row });
  return row;
}
