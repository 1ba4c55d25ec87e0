import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { nfc } from './nfc.ts';
import { A4, ADMINISTRATIVE_MARGINS, BODY_FONT_SIZE } from './page.ts';
import { type DateInput, formatPlaceDate } from './vietnamese-dates.ts';

/**
 * The administrative document format (thể thức văn bản hành chính), Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * pure data in, a pdfmake document definition out (no I/O, so it is tested without rendering).
 *
 *   ┌ ô 2: CƠ QUAN CHỦ QUẢN          ┬ ô 1: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ┐
 *   │      TÊN CƠ QUAN BAN HÀNH (đậm) │       Độc lập - Tự do - Hạnh phúc (đậm, gạch chân)
 *   │          ─────                  │                                          │
 *   │ ô 3: Số: …/…                    │ ô 4: Địa danh, ngày … tháng … năm … (nghiêng)
 *   ô 5: TÊN LOẠI VĂN BẢN (đậm) + trích yếu; ô 6: nội dung; ô 7: chức vụ, chữ ký, họ tên; ô 9: Nơi nhận
 */

export interface SignatureBlock {
  /** Position or role, printed bold in capitals ("NGƯỜI TIẾP NHẬN HỒ SƠ", "CHỦ TỊCH"). */
  title: string;
  /** Authority line above the title ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), bold capitals. */
  authority?: string;
  /** Instruction under the title, italic ("(Ký và ghi rõ họ tên)"). */
  note?: string;
  /** Full name, bold; left blank for a hand-written name. */
  name?: string;
}

export type QrCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** Where the QR block goes: left of the document type (in the flow: never overlaps, always on page 1) or a corner of page 1. */
export type QrPlacement = 'beside-title' | QrCorner;

export interface QrBlock {
  /** A PNG data URL (see qr.ts). */
  image: string;
  caption: string;
  /** Side of the square in points (default 54 pt ≈ 19 mm). */
  size?: number;
  /** Default: beside-title. A corner is absolute, inside the margins of page 1: keep the content clear of it. */
  placement?: QrPlacement;
}

export interface AdministrativeDocument {
  /** Cơ quan, tổ chức chủ quản: printed in capitals above the issuer; omitted when the issuer has none. */
  superiorBody?: string;
  /** Cơ quan, tổ chức ban hành văn bản: bold capitals with a short rule under it. */
  issuer: string;
  /** Number and symbol without the "Số:" ("125/GTN-BPMC"); omitted when the document has none. */
  number?: string;
  /** Place name of the date line ("Cao Lãnh"). */
  place: string;
  /** Date of the document (a 'YYYY-MM-DD' or an instant read in Vietnam time). */
  date: DateInput;
  /** Tên loại văn bản, bold capitals ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"); "\n" breaks a long one where it reads well. */
  documentType?: string;
  /** Trích yếu nội dung, bold, under the type; or for a letter ("V/v …") under the number. */
  summary?: string;
  /** Lines centred under the title, regular (e.g. "Mã hồ sơ: …"). */
  subtitle?: string[];
  /** Nội dung: any pdfmake content (use the helpers below for the usual shapes). */
  body: Content[];
  /** One block (right-hand side) or two (side by side). */
  signatures: SignatureBlock[];
  /** Nơi nhận: one line each ("- Như trên;", "- Lưu: VT."). */
  recipients?: string[];
  qr?: QrBlock;
  orientation?: 'portrait' | 'landscape';
  /** Metadata title; defaults to the document type. */
  title?: string;
}

const HEADER_SIZE = 12;

/** Upper case the Vietnamese way (String#toUpperCase handles đ → Đ and every precomposed vowel). */
export function upper(text: string): string {
  return nfc(text).toLocaleUpperCase('vi');
}

/** A horizontal rule of `width` points, centred in its column. */
function centredRule(width: number, lineWidth = 0.6): Content {
  return {
    columns: [
      { width: '*', text: '' },
      { width, canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth }] },
      { width: '*', text: '' },
    ],
    margin: [0, 1, 0, 0],
  };
}

function header(doc: AdministrativeDocument): Content {
  const left: Content[] = [];
  if (doc.superiorBody) left.push({ text: upper(doc.superiorBody), fontSize: HEADER_SIZE, alignment: 'center' });
  left.push({ text: upper(doc.issuer), bold: true, fontSize: HEADER_SIZE, alignment: 'center' });
  // NĐ 30/2020: a solid rule 1/3 to 1/2 as long as the issuer's line, centred under it.
  left.push(centredRule(60));
  const right: Content[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12, alignment: 'center' },
    // NĐ 30/2020: the motto is followed by a solid rule as long as the motto itself: an underline.
    { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13, alignment: 'center', decoration: 'underline' },
  ];
  const numberCell: Content[] = [];
  if (doc.number) numberCell.push({ text: `Số: ${nfc(doc.number)}`, fontSize: 13, alignment: 'center' });
  if (doc.summary && !doc.documentType) numberCell.push({ text: nfc(doc.summary), fontSize: 12, alignment: 'center', margin: [0, 2, 0, 0] });
  return {
    table: {
      widths: ['44%', '56%'],
      body: [
        [{ stack: left }, { stack: right }],
        [{ stack: numberCell }, { text: formatPlaceDate(nfc(doc.place), doc.date), italics: true, fontSize: 13, alignment: 'center' }],
      ],
    },
    layout: {
      defaultBorder: false,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: (i: number) => (i === 1 ? 6 : 0),
      paddingBottom: () => 0,
    },
  };
}

const QR_SIZE = 54;
const QR_COLUMN = 62;

function qrStack(qr: QrBlock): Content[] {
  const size = qr.size ?? QR_SIZE;
  return [
    { image: qr.image, width: size, height: size, alignment: 'center' },
    { text: nfc(qr.caption), fontSize: 8, italics: true, alignment: 'center' },
  ];
}

function titleBlock(doc: AdministrativeDocument): Content[] {
  const placement = doc.qr?.placement ?? 'beside-title';
  // NĐ 30/2020: type and summary 13–14 pt bold; 13 pt leaves room for the QR code beside them.
  const size = doc.qr && placement === 'beside-title' ? 13 : 14;
  const lines: Content[] = [];
  if (doc.documentType) {
    lines.push({ text: upper(doc.documentType), bold: true, fontSize: size, alignment: 'center' });
    if (doc.summary) lines.push({ text: nfc(doc.summary), bold: true, fontSize: size, alignment: 'center' });
  }
  for (const line of doc.subtitle ?? []) lines.push({ text: nfc(line), alignment: 'center', margin: [0, 2, 0, 0] });
  if (doc.qr && placement === 'beside-title') {
    return [
      {
        columns: [
          { width: QR_COLUMN, stack: qrStack(doc.qr) },
          { width: '*', stack: lines, margin: [0, 8, 0, 0] },
          { width: QR_COLUMN, text: '' },
        ],
        columnGap: 4,
        margin: [0, 10, 0, 8],
      },
    ];
  }
  return [{ stack: lines, margin: [0, lines.length > 0 ? 16 : 0, 0, 10] }];
}

function signatureStack(s: SignatureBlock): { stack: Content[]; alignment: 'center' } {
  const stack: Content[] = [];
  if (s.authority) stack.push({ text: upper(s.authority), bold: true, fontSize: 13 });
  stack.push({ text: upper(s.title), bold: true, fontSize: 13 });
  if (s.note) stack.push({ text: nfc(s.note), italics: true, fontSize: 12 });
  // Room for the hand signature and the seal.
  stack.push({ text: ' ', margin: [0, 0, 0, 44] });
  stack.push({ text: s.name ? nfc(s.name) : ' ', bold: true, fontSize: 13 });
  return { stack, alignment: 'center' };
}

function recipientsStack(lines: string[]): { stack: Content[] } {
  return {
    stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }, ...lines.map((l) => ({ text: nfc(l), fontSize: 11 }))],
  };
}

function closing(doc: AdministrativeDocument): Content[] {
  const [first, second] = doc.signatures;
  const recipients = doc.recipients?.length ? recipientsStack(doc.recipients) : null;
  if (!first) return recipients ? [{ ...recipients, margin: [0, 12, 0, 0] }] : [];
  if (second) {
    const out: Content[] = [{ columns: [signatureStack(first), signatureStack(second)], columnGap: 16, margin: [0, 10, 0, 0], unbreakable: true }];
    if (recipients) out.push({ ...recipients, margin: [0, 12, 0, 0] });
    return out;
  }
  return [
    {
      columns: [
        { width: '45%', stack: recipients ? [recipients] : [{ text: '' }] },
        { width: '55%', ...signatureStack(first) },
      ],
      margin: [0, 10, 0, 0],
      unbreakable: true,
    } as Content,
  ];
}

function cornerQr(qr: QrBlock, corner: QrCorner, orientation: 'portrait' | 'landscape'): Content {
  const size = qr.size ?? QR_SIZE;
  const page = orientation === 'portrait' ? A4 : { width: A4.height, height: A4.width };
  const [ml, mt, mr, mb] = ADMINISTRATIVE_MARGINS;
  const x = corner.endsWith('left') ? ml : page.width - mr - QR_COLUMN;
  const y = corner.startsWith('top') ? mt : page.height - mb - size - 22;
  return { absolutePosition: { x, y }, columns: [{ width: QR_COLUMN, stack: qrStack(qr) }] };
}

/** Builds the pdfmake definition of an administrative document. */
export function administrativeDocument(doc: AdministrativeDocument): TDocumentDefinitions {
  const orientation = doc.orientation ?? 'portrait';
  const content: Content[] = [header(doc), ...titleBlock(doc), ...doc.body, ...closing(doc)];
  const placement = doc.qr?.placement ?? 'beside-title';
  // An absolutely placed block lands on the page the flow is on when it is met: first in the list = page 1.
  if (doc.qr && placement !== 'beside-title') content.unshift(cornerQr(doc.qr, placement, orientation));
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: ADMINISTRATIVE_MARGINS,
    defaultStyle: { fontSize: BODY_FONT_SIZE, lineHeight: 1.1 },
    info: { title: nfc(doc.title ?? doc.documentType ?? doc.issuer) },
    content,
  };
}

// ——— Helpers for the usual body shapes ———

/** A body paragraph; first-line indent as NĐ 30/2020 asks (1–1.27 cm), justified. */
export function paragraph(
  text: string,
  opts: { indent?: boolean; bold?: boolean; italics?: boolean; alignment?: 'left' | 'center' | 'justify' | 'right' } = {},
): Content {
  return {
    text: nfc(text),
    bold: opts.bold ?? false,
    italics: opts.italics ?? false,
    alignment: opts.alignment ?? 'justify',
    leadingIndent: opts.indent === false ? 0 : 28,
    margin: [0, 2, 0, 2],
  };
}

/** "Label: value" with the value in bold. */
export function field(label: string, value: string, opts: { boldValue?: boolean } = {}): Content {
  return {
    text: [{ text: `${nfc(label)}: ` }, { text: nfc(value), bold: opts.boldValue ?? false }],
    margin: [0, 1, 0, 1],
  };
}

/** A ticked or empty box followed by its label (Liberation Serif has no ☐/☒ glyphs, so the box is drawn). */
export function checkbox(checked: boolean, label: string): Content {
  const box = 9;
  const canvas: object[] = [{ type: 'rect', x: 0, y: 2, w: box, h: box, lineWidth: 0.7 }];
  if (checked) {
    canvas.push({ type: 'line', x1: 1.5, y1: 3.5, x2: box - 1.5, y2: box + 0.5, lineWidth: 1 });
    canvas.push({ type: 'line', x1: box - 1.5, y1: 3.5, x2: 1.5, y2: box + 0.5, lineWidth: 1 });
  }
  return { columns: [{ width: box + 6, canvas } as Content, { width: '*', text: nfc(label) }], margin: [0, 1, 0, 1] };
}

/** A bordered table with a bold header row (repeated on each page) and an optional "(1) (2) …" row. */
export function borderedTable(opts: {
  headers: string[];
  rows: string[][];
  widths?: (number | string)[];
  fontSize?: number;
  numberRow?: boolean;
  alignments?: ('left' | 'center' | 'right')[];
}): Content {
  const size = opts.fontSize ?? 12;
  // Small print (registers with many columns) gets tighter cell padding so the table fits the page.
  const pad = size <= 10 ? 2 : 4;
  const head = opts.headers.map((h) => ({ text: nfc(h), bold: true, alignment: 'center' as const, fontSize: size }));
  const body: Content[][] = [head];
  if (opts.numberRow) body.push(opts.headers.map((_h, i) => ({ text: `(${i + 1})`, italics: true, alignment: 'center' as const, fontSize: size - 2 })));
  for (const row of opts.rows) body.push(row.map((cell, i) => ({ text: nfc(cell), fontSize: size, alignment: opts.alignments?.[i] ?? 'left' })));
  return {
    table: { headerRows: opts.numberRow ? 2 : 1, widths: opts.widths ?? opts.headers.map(() => '*'), body, dontBreakRows: true },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2, paddingLeft: () => pad, paddingRight: () => pad },
    margin: [0, 4, 0, 4],
  } as Content;
}
