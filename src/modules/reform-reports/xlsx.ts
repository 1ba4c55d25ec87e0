/**
 * The report as an Excel workbook: a sheet "Tổng hợp" of every figure, one sheet of figures per model, and a sheet
 * "Nội dung" with the narratives (the unit's and the children's). Numbers are written as numbers (rates as fractions
 * formatted as percentages) so the province can sum them; "no data" stays an empty cell with a note, never 0.
 */
import ExcelJS from 'exceljs';
import { nfc } from '../../platform/documents/index.ts';
import type { FigureLine, ReportView } from './present.ts';
import { figureDefs } from './rules/model-figures.ts';

const font = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };
const NO_DATA = 'Không có dữ liệu';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = nfc(wanted)
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 28)
    .trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function titleRows(ws: ExcelJS.Worksheet, v: ReportView, title: string, width: number): void {
  const lines = [
    { text: v.issuer.toLocaleUpperCase('vi'), bold: true },
    { text: title, bold: true },
    { text: `Kỳ báo cáo: ${v.periodLabel} (từ ${v.from} đến ${v.to}), gồm ${v.unitCount} đơn vị`, bold: false },
  ];
  lines.forEach((l, i) => {
    ws.mergeCells(i + 1, 1, i + 1, width);
    const c = ws.getCell(i + 1, 1);
    c.value = nfc(l.text);
    c.font = { ...font, bold: l.bold };
    c.alignment = { horizontal: 'center', wrapText: true };
  });
}

function figureRows(ws: ExcelJS.Worksheet, start: number, lines: FigureLine[]): void {
  const head = ws.getRow(start);
  head.values = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Kết quả', 'Ghi chú'];
  head.font = { ...font, bold: true };
  lines.forEach((f, i) => {
    const row = ws.getRow(start + 1 + i);
    row.values = [f.key, nfc(f.label), f.value, f.value === null ? NO_DATA : ''];
    if (figureDefs[f.key].format === 'percent') row.getCell(3).numFmt = '0.0%';
    else if (figureDefs[f.key].format === 'score') row.getCell(3).numFmt = '0.00';
    else row.getCell(3).numFmt = '#,##0';
    row.font = font;
  });
  for (let r = start; r <= start + lines.length; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).border = border;
}

/** The .xlsx bytes of a report. */
export async function reportWorkbook(v: ReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gần Dân';
  wb.created = v.updatedAt;
  wb.modified = v.updatedAt;
  const taken = new Set<string>();
  const columns = [{ width: 26 }, { width: 56 }, { width: 16 }, { width: 20 }];

  const all = wb.addWorksheet(sheetName('Tổng hợp', taken));
  all.columns = columns;
  titleRows(all, v, `Báo cáo ${v.title}`, 4);
  const seen = new Map<string, FigureLine>();
  for (const s of v.sections) for (const f of s.figures) seen.set(f.key, f);
  figureRows(all, 5, [...seen.values()]);

  for (const s of v.sections) {
    const ws = wb.addWorksheet(sheetName(`${s.catalogueCode} ${s.modelName}`, taken));
    ws.columns = columns;
    titleRows(ws, v, `${s.modelName} (${s.catalogueCode})`, 4);
    figureRows(ws, 5, s.figures);
  }

  const text = wb.addWorksheet(sheetName('Nội dung', taken));
  text.columns = [{ width: 10 }, { width: 40 }, { width: 30 }, { width: 100 }];
  titleRows(text, v, 'Kết quả thực hiện, đánh giá của đơn vị', 4);
  const head = text.getRow(5);
  head.values = ['Mô hình', 'Tên mô hình', 'Đơn vị', 'Nội dung'];
  head.font = { ...font, bold: true };
  let r = 6;
  for (const s of v.sections) {
    for (const entry of [{ unit: v.unit.name, narrative: s.narrative }, ...s.children.map((c) => ({ unit: c.unitName, narrative: c.narrative }))]) {
      const row = text.getRow(r++);
      // A plain string: exceljs writes it as text (shared string) even when it starts with "=", never as a formula.
      row.values = [s.catalogueCode, nfc(s.modelName), nfc(entry.unit), nfc(entry.narrative)];
      row.font = font;
      row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
