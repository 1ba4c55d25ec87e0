/**
 * The report as a Word document in the administrative document format (thể thức văn bản hành chính, Nghị định
 * 30/2020/NĐ-CP, Phụ lục I; STANDARDS.md §5): A4, margins top 20, bottom 20, left 30, right 15 mm, Times New Roman
 * 13–14 pt; the two-column header (issuing body and number left, national title and motto right, place and date in
 * italics), BÁO CÁO and its summary line, one section per model with its figures table and narrative, the signature
 * block and "Nơi nhận". Every string NFC; the units' text is written as text (never markup).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import { formatPlaceDate, formatVnDate, formatVnTime, nfc, upper } from '../../platform/documents/index.ts';
import type { ReportView } from './present.ts';

// Rounded, not floored (docx's convertMillimetersToTwip floors: A4 would come out 11905 × 16837).
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const FONT = 'Times New Roman';
const BODY = 28; // 14 pt, in half-points
const HEADER = 26; // 13 pt
const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({
    text: nfc(text),
    font: FONT,
    size: o.size ?? BODY,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
  });

const centred = (runs: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: runs });

/** Body text: justified, first line indented, 1.15 line spacing; each line of the unit's text its own paragraph. */
function body(text: string, o: { bold?: boolean; italics?: boolean } = {}): Paragraph[] {
  return nfc(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: convertMillimetersToTwip(10) },
          spacing: { before: 60, after: 60, line: 276 },
          children: [run(line, o)],
        }),
    );
}

const heading = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 160, after: 80 },
    children: [run(text, { bold: true })],
  });

function header(v: ReportView): Table {
  const left = [
    ...(v.superior ? [centred([run(upper(v.superior), { size: HEADER })])] : []),
    centred([run(upper(v.issuer), { bold: true, size: HEADER })]),
    centred([run('———', { size: 16 })]),
    centred([run(`Số: ${v.number}`, { size: HEADER })]),
  ];
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: HEADER })]),
    centred([run(' ', { size: 16 })]),
    centred([run(formatPlaceDate(v.place, v.date), { italics: true, size: HEADER })]),
  ];
  const widths = [Math.round(TEXT_WIDTH * 0.42), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.42)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0] as number, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: widths[1] as number, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function figuresTable(lines: { label: string; text: string }[]): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.68), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.68)];
  const cell = (text: string, i: number, o: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[i] as number, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { bold: o.bold, size: HEADER })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Chỉ tiêu', 0, { bold: true }), cell('Kết quả', 1, { bold: true, right: true })] }),
      ...lines.map((l) => new TableRow({ children: [cell(l.label, 0), cell(l.text, 1, { right: true })] })),
    ],
  });
}

function signature(v: ReportView): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.5), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.5)];
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...v.recipients.map((r) => new Paragraph({ children: [run(r, { size: 22 })] })),
  ];
  const territorial = v.issuer.startsWith('Ủy ban nhân dân');
  const sign = [
    centred([run(territorial ? 'TM. ỦY BAN NHÂN DÂN' : `TM. ${upper(v.issuer)}`, { bold: true })]),
    centred([run(territorial ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG', { bold: true })]),
    centred([run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true, size: HEADER })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0] as number, type: WidthType.DXA }, children: recipients }),
          new TableCell({ width: { size: widths[1] as number, type: WidthType.DXA }, children: sign }),
        ],
      }),
    ],
  });
}

/** The .docx bytes of a report. */
export async function reportDocx(v: ReportView): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [header(v)];
  children.push(new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [run('BÁO CÁO', { bold: true })] }));
  children.push(centred([run(v.title, { bold: true })], 60));
  children.push(centred([run('———', { size: 16 })], 200));
  children.push(...body(v.summary));
  const when = v.figuresAt
    ? ` (số liệu từ hệ thống Gần Dân, tính đến ${formatVnTime(v.figuresAt)} ${formatVnDate(v.figuresAt)}`
    : ' (số liệu từ hệ thống Gần Dân';
  children.push(...body(`Kỳ báo cáo: từ ngày ${dmy(v.from)} đến ngày ${dmy(v.to)}${when}; gồm ${v.unitCount} đơn vị).`, { italics: true }));
  children.push(heading(`${ROMAN[0]}. KẾT QUẢ THỰC HIỆN CÁC MÔ HÌNH`));
  v.sections.forEach((s, i) => {
    children.push(heading(`${i + 1}. ${s.modelName} (${s.catalogueCode})`));
    if (s.figures.length > 0) {
      children.push(...body('a) Số liệu:'));
      children.push(figuresTable(s.figures));
    }
    children.push(...body(s.figures.length > 0 ? 'b) Kết quả thực hiện, đánh giá:' : 'Kết quả thực hiện, đánh giá:'));
    children.push(...(s.narrative.trim() ? body(s.narrative) : body('(Đơn vị chưa nhập nội dung.)', { italics: true })));
    for (const c of s.children) {
      children.push(...body(`- ${c.unitName}:`, { bold: true }));
      children.push(...body(c.narrative));
    }
  });
  children.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  children.push(signature(v));
  const doc = new Document({
    creator: 'Gần Dân',
    title: nfc(`Báo cáo ${v.title}`),
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
