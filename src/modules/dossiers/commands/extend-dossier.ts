import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { findUnitById, type UnitRow } from '../../units/index.ts';
import { type DossierRow, insertExtension } from '../queries.ts';
import { isLate } from '../rules/lifecycle.ts';
import { moveDueMoment, vietnamDay } from '../rules/pauses.ts';
import type { ExtendInput } from '../schema.ts';
import { stateOf, transitionDossier } from './transition-dossier.ts';

/**
 * Issues the apology-and-extension document (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết; replaces the
 * 2018 Phiếu xin lỗi và hẹn lại ngày trả kết quả): a new appointment on a working day after the current due date and
 * not in the past, with the reason. STANDARDS §1: it should be issued before the due date passes; issued late it is
 * still recorded (late_when_issued) and the delay still counts against the unit in every indicator. Each extension
 * is counted (extension_count, dossier_extensions).
 */
export async function extendDossier(tx: Db, actor: Actor, d: DossierRow, input: ExtendInput, now: Date): Promise<DossierRow> {
  const unit = (await findUnitById(tx, d.unit_id)) as UnitRow;
  const year = Number(input.newDueDate.slice(0, 4));
  const cal = await loadCalendar(tx, unit, year, year);
  const problems: string[] = [];
  if (input.newDueDate <= d.due_date) problems.push(`sau ngày hẹn hiện tại ${d.due_date}|after the current due date ${d.due_date}`);
  if (input.newDueDate < vietnamDay(now)) problems.push('không ở quá khứ|not in the past');
  if (!cal.calendar.isWorkingDay(input.newDueDate)) problems.push('là ngày làm việc|a working day');
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          field: 'newDueDate',
          message: {
            vi: `Ngày hẹn mới phải ${problems.map((p) => p.split('|')[0]).join(', ')}`,
            en: `The new date must be ${problems.map((p) => p.split('|')[1]).join(', ')}`,
          },
        },
      ],
    });
  }
  const late = isLate(stateOf(d), now);
  const dueAt = moveDueMoment(new Date(d.due_at), input.newDueDate);
  const next = await transitionDossier(
    tx,
    actor,
    d,
    'extend',
    {
      ...input,
      note: input.note ?? input.reason,
      publicNote:
        input.publicNote ??
        `Cơ quan giải quyết xin lỗi ông/bà vì chưa trả được kết quả đúng hẹn. Ngày hẹn trả kết quả mới: ${input.newDueDate.split('-').reverse().join('/')}.`,
    },
    now,
    {
      sets: [sql`due_date = ${input.newDueDate}::date`, sql`due_at = ${dueAt.toISOString()}::timestamptz`, sql`extension_count = extension_count + 1`],
      data: { previousDueDate: d.due_date, newDueDate: input.newDueDate, lateWhenIssued: late },
    },
  );
  await insertExtension(tx, {
    dossierId: d.id,
    previous: d.due_date,
    next: input.newDueDate,
    reason: input.reason.normalize('NFC'),
    by: actor.userId,
    at: now,
    late,
  });
  return next;
}
