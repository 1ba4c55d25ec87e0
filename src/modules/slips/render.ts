import type { Db } from '../../platform/db/pool.ts';
import { administrativeDocument, type DateInput, nfcDeep, qrDataUrl, renderPdf, tableWorkbookBuffer, vnIsoDate } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findTemplateInForce } from './queries.ts';
import { buildSlip, slipDocument } from './rules/build-slip.ts';
import { assertDefinition, type SlipTemplateDefinition } from './rules/definition.ts';
import { fillPlaceholders } from './rules/placeholders.ts';
import type { RegisterBookRow, SlipData } from './rules/slip-data.ts';
import { type SlipCode, slipTemplatesTt03of2025 } from './rules/templates-tt03-2025.ts';

export interface RenderOptions {
  /** The date the slip is issued: picks the template version in force and is the default date line. */
  on: DateInput;
}

/** The instant of a date input: a bare date is its midnight in Vietnam. */
function instantOf(on: DateInput): Date {
  return typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on) ? new Date(`${on}T00:00:00+07:00`) : new Date(on);
}

async function templateInForce(db: Db, code: string, on: DateInput): Promise<{ definition: SlipTemplateDefinition; title: string }> {
  const date = vnIsoDate(on);
  const row = await findTemplateInForce(db, code, date);
  if (!row) {
    throw new AppError('NOT_FOUND', {
      detail: { vi: `Không có biểu mẫu "${code}" áp dụng vào ngày ${date}`, en: `No slip template "${code}" in force on ${date}` },
      extra: { template: code, on: date },
    });
  }
  assertDefinition(row.definition, `${row.code}@${row.version}`);
  return { definition: row.definition, title: row.title };
}

/**
 * Renders an official one-stop slip (biểu mẫu một cửa) as a PDF: the version of template `code` in force on
 * `opts.on`, filled from `data`, with a QR code of `data.trackingUrl`. A placeholder the data cannot fill is
 * an UNPROCESSABLE error naming it; an unknown code or a date before every version is NOT_FOUND.
 */
export async function renderSlip(db: Db, code: SlipCode | string, data: SlipData, opts: RenderOptions): Promise<Buffer> {
  const { definition, title } = await templateInForce(db, code, opts.on);
  const clean = nfcDeep(data);
  let qrImage: string | undefined;
  if (definition.qr) {
    if (typeof clean.trackingUrl !== 'string' || clean.trackingUrl.trim() === '') {
      throw new AppError('UNPROCESSABLE', {
        detail: { vi: 'Thiếu địa chỉ tra cứu hồ sơ (mã QR)', en: 'The tracking URL for the QR code is missing' },
        extra: { placeholder: 'trackingUrl' },
      });
    }
    qrImage = await qrDataUrl(clean.trackingUrl);
  }
  const doc = buildSlip(definition, clean, { on: opts.on, qrImage });
  return renderPdf(doc, { creationDate: instantOf(opts.on), title: `${title} ${clean.dossier.code}`, author: clean.unit.name });
}

export interface RegisterBookOptions extends RenderOptions {
  unit: SlipData['unit'];
  /** Printed under the title, e.g. "Quyển số 03/2026, từ ngày 01/11/2026 đến ngày 30/11/2026". */
  period?: string;
}

/** The register book (Sổ theo dõi hồ sơ) as a landscape A4 PDF, one table row per dossier. */
export async function renderRegisterBook(db: Db, rows: RegisterBookRow[], opts: RegisterBookOptions): Promise<Buffer> {
  const { definition, title } = await templateInForce(db, 'register-book', opts.on);
  const unit = nfcDeep(opts.unit);
  const scope = { unit: { ...unit, deskName: unit.deskName ?? unit.name }, rows: nfcDeep(rows), period: opts.period, on: vnIsoDate(opts.on) };
  const doc = administrativeDocument(slipDocument(definition, scope, unit, { on: opts.on }));
  return renderPdf(doc, { creationDate: instantOf(opts.on), title, author: unit.name });
}

/** The seeded register-book definition (used when the caller has no database at hand). */
const defaultRegisterDefinition = slipTemplatesTt03of2025.find((t) => t.code === 'register-book')?.definition as SlipTemplateDefinition;

/**
 * The register book as an Excel workbook with the same columns as the PDF (taken from the template's table),
 * dates as dd/mm/yyyy text. Pass the definition read from the database to follow a newer template version.
 */
export function registerBookWorkbook(
  rows: RegisterBookRow[],
  opts: { definition?: SlipTemplateDefinition; unit?: SlipData['unit']; period?: string; created?: Date } = {},
): Promise<Buffer> {
  const def = opts.definition ?? defaultRegisterDefinition;
  const table = def.body.find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error('register-book template has no table');
  const clean = nfcDeep(rows);
  const base = { unit: opts.unit, period: opts.period };
  const titleLines = [
    ...(opts.unit ? [{ text: opts.unit.name.toLocaleUpperCase('vi'), bold: true }] : []),
    { text: def.documentType.toLocaleUpperCase('vi'), bold: true, size: 14 },
    ...(opts.period ? [{ text: opts.period, italic: true }] : []),
  ];
  return tableWorkbookBuffer({
    sheetName: 'Sổ theo dõi hồ sơ',
    titleLines,
    columns: table.columns.map((c) => ({ header: c.header, width: typeof c.width === 'number' ? Math.max(6, Math.round(c.width / 5)) : 30 })),
    numberRow: table.numberRow,
    rows: clean.map((item, i) => table.columns.map((c) => fillPlaceholders(c.value, { ...base, item, index: i + 1 }))),
    created: opts.created ?? new Date(0),
  });
}
