import { qrDataUrl, renderPdf } from '../../../platform/documents/index.ts';
import { type GuideField, guideSetDocument, guideSheetDocument, type SheetImages } from '../rules/guide-sheet.ts';
import type { UnitGuide } from './load-unit-guide.ts';

/** The QR codes of one sheet: the field's page (large, scale 8) and each procedure's page. */
async function imagesOf(field: GuideField): Promise<SheetImages> {
  const [fieldQr, ...rows] = await Promise.all([qrDataUrl(field.url, { scale: 8 }), ...field.procedures.map((p) => qrDataUrl(p.url))]);
  return { field: fieldQr as string, procedures: Object.fromEntries(field.procedures.map((p, i) => [p.code, rows[i] as string])) };
}

/** The sheet's creation date is the day's midnight in Vietnam: the same list on the same day gives the same bytes. */
const midnight = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** One field's QR guide sheet (A4 PDF) of a unit, dated `day`. */
export async function renderGuideSheet(guide: UnitGuide, field: GuideField, day: string): Promise<Buffer> {
  const doc = guideSheetDocument(guide.sheetUnit, field, await imagesOf(field), day);
  return renderPdf(doc, { creationDate: midnight(day) });
}

/** Every field's sheet of the unit in one PDF, each field starting on a new page. */
export async function renderGuideSet(guide: UnitGuide, day: string): Promise<Buffer> {
  const sheets = await Promise.all(guide.fields.map(async (field) => ({ field, images: await imagesOf(field) })));
  return renderPdf(guideSetDocument(guide.sheetUnit, sheets, day), { creationDate: midnight(day) });
}
