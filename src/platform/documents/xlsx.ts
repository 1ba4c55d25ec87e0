import ExcelJS from 'exceljs';

/** A one-sheet table export: title lines, one header row, data rows. */
export interface TableWorkbook {
  sheetName: string;
  /** Lines above the table (unit, title, period), merged across the table's width. */
  titleLines?: { text: string; bold?: boolean; italic?: boolean; size?: number }[];
  columns: { header: string; width?: number }[];
  /** Row of column numbers under the header, "(1) (2) …", as official registers print. */
  numberRow?: boolean;
  rows: (string | number | null)[][];
  /** Written as the workbook's creation date so the output is repeatable. */
  created: Date;
  creator?: string;
}

const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Builds an .xlsx of one table with exceljs, Times New Roman, wrapped cells, borders and a header repeated on
 * every printed page (landscape A4). Every string is normalised to NFC.
 */
export async function tableWorkbookBuffer(spec: TableWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.creator ?? 'Gần Dân';
  wb.created = spec.created;
  wb.modified = spec.created;
  const ws = wb.addWorksheet(spec.sheetName.normalize('NFC').slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = spec.columns.length;
  const font = { name: 'Times New Roman', size: 12 };
  let r = 1;
  for (const line of spec.titleLines ?? []) {
    ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = line.text.normalize('NFC');
    cell.font = { ...font, bold: line.bold ?? false, italic: line.italic ?? false, size: line.size ?? 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    r++;
  }
  if (spec.titleLines?.length) r++;
  const headerRow = r;
  spec.columns.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = c.header.normalize('NFC');
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    ws.getColumn(i + 1).width = c.width ?? 14;
  });
  r++;
  if (spec.numberRow) {
    spec.columns.forEach((_c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = `(${i + 1})`;
      cell.font = { ...font, italic: true, size: 10 };
      cell.alignment = { horizontal: 'center' };
      cell.border = border;
    });
    r++;
  }
  for (const row of spec.rows) {
    row.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = typeof v === 'string' ? v.normalize('NFC') : v;
      cell.font = font;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = border;
    });
    r++;
  }
  ws.pageSetup.printTitlesRow = `${headerRow}:${spec.numberRow ? headerRow + 1 : headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: spec.numberRow ? headerRow + 1 : headerRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
