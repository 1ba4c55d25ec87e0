import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UnitGuide } from './load-unit-guide.ts';
import { renderGuideSet } from './render-guide-sheet.ts';

/**
 * A unit's whole set of QR guide sheets as one PDF, for staff to print in one go. Recorded as a print event
 * (unit, day, how many fields and procedures; the sheets hold no personal data). A unit with nothing in force
 * has no set to print: NOT_FOUND, with the reason.
 */
export async function printGuideSet(db: Db, actor: Actor, guide: UnitGuide, day: string): Promise<Buffer> {
  if (guide.fields.length === 0) {
    throw new AppError('NOT_FOUND', {
      detail: {
        vi: `${guide.unit.name} chưa có thủ tục hành chính nào đang có hiệu lực để in phiếu hướng dẫn`,
        en: `${guide.unit.name} carries no procedure in force to print guide sheets for`,
      },
    });
  }
  const pdf = await renderGuideSet(guide, day);
  await recordAudit(db, actor, {
    action: 'guide.set.print',
    entityType: 'unit',
    entityId: guide.unit.code,
    unitId: guide.unit.id,
    after: {
      day,
      fields: guide.fields.length,
      procedures: guide.fields.reduce((n, f) => n + f.procedures.length, 0),
      bytes: pdf.length,
    },
  });
  return pdf;
}
