import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { vnIsoDate } from '../../../platform/documents/index.ts';
import { findTemplateInForce, registerBookWorkbook, renderRegisterBook, type SlipTemplateDefinition } from '../../slips/index.ts';
import type { UnitRow } from '../../units/index.ts';
import { buildRegisterBook } from '../slips.ts';

/**
 * The register book (Sổ theo dõi hồ sơ) of a receiving unit for a period, as PDF or Excel, with the read of the
 * applicants' personal data recorded once for the whole book (unit, period, format and row count; no names).
 */
export async function printRegisterBook(
  db: Db,
  actor: Actor,
  unit: UnitRow,
  period: { from: string; to: string },
  format: 'pdf' | 'xlsx',
  now: Date,
): Promise<{ content: Buffer; rows: number }> {
  const book = await buildRegisterBook(db, unit, period.from, period.to);
  let content: Buffer;
  if (format === 'pdf') content = await renderRegisterBook(db, book.rows, { on: now, unit: book.unit, period: book.period });
  else {
    const template = await findTemplateInForce(db, 'register-book', vnIsoDate(now));
    content = await registerBookWorkbook(book.rows, {
      definition: template?.definition as SlipTemplateDefinition | undefined,
      unit: book.unit,
      period: book.period,
      created: now,
    });
  }
  await recordAudit(db, actor, {
    action: 'dossier.register.read',
    entityType: 'unit',
    entityId: unit.code,
    unitId: unit.id,
    after: { from: period.from, to: period.to, format, rows: book.rows.length },
  });
  return { content, rows: book.rows.length };
}
