import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ADMINISTRATIVE_MARGINS, administrativeDocument, type DateInput, nfc } from '../../../platform/documents/index.ts';

/**
 * The QR guide sheet (Phiếu hướng dẫn thủ tục hành chính bằng mã QR): one A4 sheet per unit and field, hung at the
 * one-stop desk, listing that field's procedures with one large QR code opening the field's page and a small one per
 * procedure opening its page (documents, forms, sample dossiers). Pure: data and QR images in, a pdfmake definition out.
 */

export const SHEET_TITLE = 'PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH BẰNG MÃ QR';
export const SCAN_INSTRUCTION = 'Quét mã QR bằng điện thoại để xem hướng dẫn chi tiết, mẫu đơn, tờ khai';

export interface GuideFee {
  kind: string;
  name: string;
  amountVnd: number;
}

export interface GuideProcedure {
  code: string;
  name: string;
  timeLimit: { value: number; unit: string };
  fees: readonly GuideFee[];
  /** Absolute URL of the procedure's public page. */
  url: string;
}

export interface GuideField {
  name: string;
  slug: string;
  /** Absolute URL of the field's public page at the unit (what the large QR opens). */
  url: string;
  procedures: GuideProcedure[];
}

export interface GuideUnit {
  name: string;
  /** The parent unit, printed above the unit as the superior body. */
  superiorName?: string;
  /** Place name of the date line. */
  placeName: string;
}

/** "1 ngày làm việc", "4 giờ làm việc", "0,5 ngày làm việc". */
export function timeLimitText(t: { value: number; unit: string }): string {
  const unit = t.unit === 'working_hours' ? 'giờ làm việc' : 'ngày làm việc';
  return `${String(Number(t.value)).replace('.', ',')} ${unit}`;
}

const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
const kindLabel = (kind: string) => (kind === 'le_phi' ? 'Lệ phí' : kind === 'phi' ? 'Phí' : kind);

/**
 * The fee column: "Không thu" when nothing is charged; otherwise each fee as "Lệ phí: không thu", "Phí: 8.000 đồng"
 * (by its own name when two fees share a kind). Exemptions and conditions are on the procedure's page.
 */
export function feeText(fees: readonly GuideFee[], separator = '; '): string {
  if (fees.every((f) => f.amountVnd === 0)) return 'Không thu';
  const shared = new Set(fees.map((f) => f.kind).filter((k, i, all) => all.indexOf(k) !== i));
  return fees.map((f) => `${shared.has(f.kind) ? nfc(f.name) : kindLabel(f.kind)}: ${f.amountVnd === 0 ? 'không thu' : vnd(f.amountVnd)}`).join(separator);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Procedures grouped by field, fields and names in Vietnamese alphabetical order (Đ after D, not after Z). */
export function groupByField<T extends { name: string; field: string }>(items: readonly T[]): { field: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.field.normalize('NFC');
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([field, list]) => ({ field, items: list.sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** QR images for one field's sheet, as data URLs: the field's and one per procedure code. */
export interface SheetImages {
  field: string;
  procedures: Record<string, string>;
}

/** Sizes in points: the field's QR is about 5 cm, each row's 1.8 cm (phones read both at arm's length and closer). */
export const FIELD_QR_SIZE = 142;
export const ROW_QR_SIZE = 50;
const TABLE_SIZE = 12;

function scanBox(field: GuideField, image: string): Content {
  return {
    table: {
      widths: [FIELD_QR_SIZE + 4, '*'],
      body: [
        [
          { image, width: FIELD_QR_SIZE, height: FIELD_QR_SIZE, alignment: 'center' },
          {
            stack: [
              { text: SCAN_INSTRUCTION, bold: true, fontSize: 15, margin: [0, 0, 0, 8] },
              { text: `Lĩnh vực ${nfc(field.name)}: ${field.procedures.length} thủ tục hành chính.`, fontSize: 13, margin: [0, 0, 0, 4] },
              { text: 'Mã QR ở từng dòng mở trang của thủ tục đó: thành phần hồ sơ, mẫu đơn, tờ khai, hồ sơ mẫu.', fontSize: 12, margin: [0, 0, 0, 8] },
              { text: 'Hoặc mở địa chỉ:', fontSize: 11, italics: true },
              { text: field.url, fontSize: 10 },
            ],
            margin: [6, 6, 0, 0],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: (i: number) => (i === 1 ? 0 : 0.8), paddingTop: () => 4, paddingBottom: () => 4 },
    margin: [0, 0, 0, 10],
    unbreakable: true,
  } as Content;
}

function procedureTable(field: GuideField, images: Record<string, string>): Content {
  const head = ['STT', 'Tên thủ tục hành chính', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mã QR'].map((h) => ({
    text: h,
    bold: true,
    alignment: 'center' as const,
    fontSize: TABLE_SIZE,
  }));
  const body: Content[][] = [head];
  field.procedures.forEach((p, i) => {
    const image = images[p.code];
    body.push([
      { text: String(i + 1), alignment: 'center', fontSize: TABLE_SIZE },
      {
        stack: [
          { text: nfc(p.name), fontSize: TABLE_SIZE },
          { text: `Mã: ${p.code}`, fontSize: 9, color: '#333333' },
        ],
      },
      { text: timeLimitText(p.timeLimit), alignment: 'center', fontSize: TABLE_SIZE },
      // One fee a line, the amount never split from its unit.
      { text: feeText(p.fees, '\n').replace(/ đồng/g, '\u00a0đồng'), fontSize: 11 },
      image ? { image, width: ROW_QR_SIZE, height: ROW_QR_SIZE, alignment: 'center' } : { text: '' },
    ]);
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [24, '*', 86, 80, ROW_QR_SIZE + 4], body },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
    },
  } as Content;
}

/** The content of one field's sheet (header, title, QR box, table), to render alone or as part of a unit's set. */
export function guideSheetContent(unit: GuideUnit, field: GuideField, images: SheetImages, date: DateInput): Content[] {
  const doc = administrativeDocument({
    superiorBody: unit.superiorName,
    issuer: unit.name,
    place: unit.placeName,
    date,
    documentType: SHEET_TITLE,
    summary: `Lĩnh vực: ${field.name}`,
    body: [scanBox(field, images.field), procedureTable(field, images.procedures)],
    signatures: [],
  });
  return doc.content as Content[];
}

function frame(unit: GuideUnit, title: string, running: string, content: Content[]): TDocumentDefinitions {
  const [left, , right] = ADMINISTRATIVE_MARGINS;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: ADMINISTRATIVE_MARGINS,
    info: { title: nfc(title), author: nfc(unit.name) },
    content,
    // Each page names its unit (and field), so a page that comes loose from the others still says what it is.
    footer: (current: number, count: number) => ({
      columns: [
        { text: nfc(running), fontSize: 9, italics: true },
        { text: `Trang ${current}/${count}`, alignment: 'right', fontSize: 10, width: 70 },
      ],
      margin: [left, 16, right, 0],
    }),
  };
}

/** One field's guide sheet; long lists flow onto further pages with the table header repeated. */
export function guideSheetDocument(unit: GuideUnit, field: GuideField, images: SheetImages, date: DateInput): TDocumentDefinitions {
  return frame(
    unit,
    `Phiếu hướng dẫn bằng mã QR - ${field.name}`,
    `Phiếu hướng dẫn bằng mã QR · ${unit.name} · Lĩnh vực ${field.name}`,
    guideSheetContent(unit, field, images, date),
  );
}

/** Every field's sheet of a unit in one document, each field starting on a new page. */
export function guideSetDocument(unit: GuideUnit, sheets: readonly { field: GuideField; images: SheetImages }[], date: DateInput): TDocumentDefinitions {
  const content: Content[] = [];
  sheets.forEach(({ field, images }, i) => {
    const [first, ...rest] = guideSheetContent(unit, field, images, date);
    if (!first) return;
    content.push(i === 0 ? first : ({ ...(first as object), pageBreak: 'before' } as Content), ...rest);
  });
  return frame(unit, `Bộ phiếu hướng dẫn bằng mã QR - ${unit.name}`, `Phiếu hướng dẫn bằng mã QR · ${unit.name}`, content);
}
