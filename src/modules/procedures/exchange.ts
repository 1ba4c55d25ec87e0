/**
 * The exchange formats of the catalogue: what the export writes and the import reads, so an
 * export imported again changes nothing.
 *
 * JSON: `{ "procedures": [ … ] }` (a bare array, like demo/procedures.json, is accepted too);
 * each item has exactly the keys of rules/import-row.ts `specKeys`.
 *
 * Excel (.xlsx): sheet "Thủ tục", row 1 the headings below, one procedure per row from row 2.
 * Scalar fields have a column each; fees and documents (lists of objects) are JSON text in one
 * cell; steps, legal basis, unit kinds and unverified fields are one item per line in the cell.
 * Enum cells hold the codes (commune, working_days, full …; the Vietnamese labels are accepted
 * too); yes/no cells hold "Có"/"Không". A second sheet "Hướng dẫn" explains every column.
 * Problems name the sheet row and the heading.
 */
import ExcelJS from 'exceljs';
import { unitKinds } from '../units/index.ts';
import { isRecord } from './rules/check.ts';
import type { RowProblem } from './rules/import-row.ts';
import {
  documentKinds,
  feeKinds,
  levelLabels,
  onlineLabels,
  onlineLevels,
  type ProcedureSpec,
  procedureLevels,
  timeLimitUnits,
  timeUnitLabels,
} from './schema.ts';

export const SHEET_NAME = 'Thủ tục';

type Kind = 'text' | 'number' | 'bool' | 'json' | 'lines' | 'hour' | 'enum';
interface Column {
  path: string;
  header: string;
  kind: Kind;
  width: number;
  required?: boolean;
  help: string;
  labels?: Record<string, string>;
}

const labelMap = (labels: Record<string, { vi: string }>) => Object.fromEntries(Object.entries(labels).map(([code, l]) => [l.vi.toLowerCase(), code]));

export const xlsxColumns: Column[] = [
  { path: 'code', header: 'Mã', kind: 'text', width: 12, required: true, help: 'Mã thủ tục trong CSDL quốc gia, vd. 1.001193' },
  { path: 'name', header: 'Tên', kind: 'text', width: 60, required: true, help: 'Tên thủ tục (2–500 ký tự)' },
  { path: 'field', header: 'Lĩnh vực', kind: 'text', width: 20, required: true, help: 'Lĩnh vực, vd. Hộ tịch' },
  {
    path: 'level',
    header: 'Cấp',
    kind: 'enum',
    width: 10,
    required: true,
    help: `Cấp thực hiện: ${procedureLevels.join(', ')}`,
    labels: labelMap(levelLabels),
  },
  { path: 'unitTypes', header: 'Loại đơn vị thực hiện', kind: 'lines', width: 18, required: true, help: `Mỗi dòng một loại: ${unitKinds.join(', ')}` },
  { path: 'agency', header: 'Cơ quan thực hiện', kind: 'text', width: 30, help: 'Tùy chọn' },
  { path: 'timeLimit.value', header: 'Thời hạn', kind: 'number', width: 9, required: true, help: 'Số dương, vd. 3' },
  {
    path: 'timeLimit.unit',
    header: 'Đơn vị thời hạn',
    kind: 'enum',
    width: 14,
    required: true,
    help: `${timeLimitUnits.join(', ')}`,
    labels: labelMap(timeUnitLabels),
  },
  { path: 'timeLimit.note', header: 'Ghi chú thời hạn', kind: 'text', width: 30, help: 'Tùy chọn' },
  { path: 'cutoffHour', header: 'Giờ tiếp nhận cuối', kind: 'hour', width: 10, help: 'HH:MM; hồ sơ nhận sau giờ này tính từ ngày làm việc tiếp theo' },
  {
    path: 'onlineLevel',
    header: 'Mức độ trực tuyến',
    kind: 'enum',
    width: 12,
    required: true,
    help: `${onlineLevels.join(', ')}`,
    labels: { 'toàn trình': 'full', 'một phần': 'partial', không: 'none', ...labelMap(onlineLabels) },
  },
  { path: 'sameDayEligible', header: 'Giải quyết trong ngày', kind: 'bool', width: 10, help: 'Có / Không' },
  { path: 'result', header: 'Kết quả', kind: 'text', width: 30, help: 'Kết quả giải quyết' },
  {
    path: 'fees',
    header: 'Lệ phí (JSON)',
    kind: 'json',
    width: 40,
    help: `Danh sách JSON [{"kind": ${feeKinds.map((k) => `"${k}"`).join('|')}, "name", "amountVnd" (số), "note", "exemptions": [..]}]`,
  },
  {
    path: 'documents',
    header: 'Thành phần hồ sơ (JSON)',
    kind: 'json',
    width: 40,
    help: `Danh sách JSON [{"name", "copies" (số), "kind": ${documentKinds.map((k) => `"${k}"`).join('|')}, "formTemplate"}]`,
  },
  { path: 'steps', header: 'Trình tự thực hiện', kind: 'lines', width: 40, help: 'Mỗi bước một dòng' },
  { path: 'legalBasis', header: 'Căn cứ pháp lý', kind: 'lines', width: 40, help: 'Mỗi văn bản một dòng' },
  {
    path: 'unverified',
    header: 'Trường chưa xác minh',
    kind: 'lines',
    width: 14,
    help: 'Mỗi dòng một tên trường (vd. fees) chưa được đối chiếu nguồn chính thức',
  },
];

const headerKey = (h: string) => h.normalize('NFC').trim().toLowerCase();

/** The heading for a problem path (`fees[1].amountVnd` → `Lệ phí (JSON) [1].amountVnd`). */
export function xlsxColumnOf(path: string): string {
  const col = xlsxColumns.find((c) => path === c.path || path.startsWith(`${c.path}[`) || path.startsWith(`${c.path}.`));
  if (!col) return path;
  const rest = path.slice(col.path.length);
  return rest ? `${col.header} ${rest}` : col.header;
}

function getPath(spec: ProcedureSpec, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), spec);
}

function cellFor(col: Column, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  switch (col.kind) {
    case 'bool':
      return v ? 'Có' : 'Không';
    case 'json':
      return (v as unknown[]).length === 0 ? null : JSON.stringify(v);
    case 'lines':
      return (v as string[]).length === 0 ? null : (v as string[]).join('\n');
    case 'number':
      return v as number;
    default:
      return String(v);
  }
}

/** Writes procedures as an .xlsx workbook (sheet "Thủ tục" plus a guide sheet). */
export async function writeProceduresXlsx(specs: readonly ProcedureSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gần Dân';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = xlsxColumns.map((c) => ({ header: c.header, key: c.path, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const spec of specs) {
    const row = ws.addRow(xlsxColumns.map((c) => cellFor(c, getPath(spec, c.path))));
    row.alignment = { wrapText: true, vertical: 'top' };
    // Codes and hours are text: Excel would read 1.001193 as a number and 15:00 as a time.
    for (const i of [1, 10]) row.getCell(i).numFmt = '@';
  }
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', width: 26 },
    { header: 'Bắt buộc', width: 9 },
    { header: 'Cách ghi', width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of xlsxColumns) guide.addRow([c.header, c.required ? 'Có' : 'Không', c.help]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain value of an ExcelJS cell (rich text, formulas, hyperlinks, dates unwrapped). */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in o) return plain(o.result as ExcelJS.CellValue);
    if ('text' in o) return plain(o.text as ExcelJS.CellValue);
    if ('error' in o) return null;
  }
  return v;
}

function fromCell(col: Column, raw: unknown): { value: unknown; error?: { vi: string; en: string } } {
  const v = typeof raw === 'string' ? raw.trim() : raw;
  if (v === null || v === '') {
    if (col.kind === 'json' || col.kind === 'lines') return { value: [] };
    if (col.kind === 'bool') return { value: false };
    return { value: col.required ? undefined : null };
  }
  switch (col.kind) {
    case 'number':
      if (typeof v === 'string' && /^[0-9]+([.,][0-9]+)?$/.test(v)) return { value: Number(v.replace(',', '.')) };
      return { value: v };
    case 'bool': {
      const s = String(v).normalize('NFC').toLowerCase();
      if (['có', 'co', 'x', 'true', '1', 'yes'].includes(s)) return { value: true };
      if (['không', 'khong', 'false', '0', 'no'].includes(s)) return { value: false };
      return { value: v };
    }
    case 'hour':
      if (v instanceof Date) return { value: v.toISOString().slice(11, 16) };
      if (typeof v === 'number' && v >= 0 && v < 1) {
        const minutes = Math.round(v * 24 * 60);
        return { value: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
      }
      return { value: String(v) };
    case 'json':
      if (typeof v !== 'string') return { value: v };
      try {
        return { value: JSON.parse(v) };
      } catch {
        return { value: undefined, error: { vi: 'Không đọc được nội dung JSON trong ô', en: 'The cell does not hold valid JSON' } };
      }
    case 'lines':
      return { value: String(v).split(/\r?\n/) };
    case 'enum': {
      const s = String(v).normalize('NFC').trim();
      return { value: col.labels?.[s.toLowerCase()] ?? s };
    }
    default:
      return { value: v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v };
  }
}

function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (!isRecord(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  if (value !== undefined) cur[keys[keys.length - 1] as string] = value;
}

export interface ParsedImport {
  rows: { row: number; data: unknown }[];
  problems: RowProblem[];
  columnOf: (path: string) => string;
}

/** Most data rows one import may hold (the whole national catalogue has a few thousand). */
export const MAX_IMPORT_ROWS = 10_000;

const fileProblem = (vi: string, en: string): RowProblem => ({ row: 0, column: '', message: { vi, en } });

/** Reads the rows of an .xlsx import; heading problems are reported on row 1, cell problems on their sheet row. */
export async function readProceduresXlsx(buffer: Buffer): Promise<ParsedImport> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [fileProblem('Không đọc được tệp Excel (.xlsx)', 'The Excel (.xlsx) file cannot be read')], columnOf: xlsxColumnOf };
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws)
    return {
      rows: [],
      problems: [fileProblem(`Tệp không có trang tính “${SHEET_NAME}”`, `The workbook has no “${SHEET_NAME}” sheet`)],
      columnOf: xlsxColumnOf,
    };
  const problems: RowProblem[] = [];
  const byIndex = new Map<number, Column>();
  const seen = new Set<Column>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, colNumber) => {
    const h = String(plain(cell.value) ?? '').trim();
    if (!h) return;
    const col = xlsxColumns.find((c) => headerKey(c.header) === headerKey(h));
    if (!col) problems.push({ row: 1, column: h, message: { vi: `Cột “${h}” không thuộc mẫu nhập`, en: `Column “${h}” is not part of the import layout` } });
    else if (seen.has(col)) problems.push({ row: 1, column: h, message: { vi: `Cột “${h}” bị lặp`, en: `Column “${h}” appears twice` } });
    else {
      seen.add(col);
      byIndex.set(colNumber, col);
    }
  });
  for (const c of xlsxColumns) {
    if (c.required && !seen.has(c))
      problems.push({ row: 1, column: c.header, message: { vi: `Thiếu cột bắt buộc “${c.header}”`, en: `Required column “${c.header}” is missing` } });
  }
  const rows: { row: number; data: unknown }[] = [];
  if (problems.length > 0) return { rows, problems, columnOf: xlsxColumnOf };
  // A small file can declare a huge sheet; refuse before looping over a million rows.
  if (ws.rowCount > MAX_IMPORT_ROWS + 1) {
    return {
      rows,
      problems: [fileProblem(`Tệp có quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS})`, `Too many rows (at most ${MAX_IMPORT_ROWS})`)],
      columnOf: xlsxColumnOf,
    };
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    const sheetRow = ws.getRow(r);
    const data: Record<string, unknown> = {};
    let empty = true;
    for (const [index, col] of byIndex) {
      const raw = plain(sheetRow.getCell(index).value);
      if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) empty = false;
      const { value, error } = fromCell(col, raw);
      if (error) problems.push({ row: r, column: col.header, message: error });
      setPath(data, col.path, value);
    }
    if (!empty) rows.push({ row: r, data });
  }
  return { rows, problems, columnOf: xlsxColumnOf };
}

/** Reads the rows of a JSON import: `{ procedures: [...] }` or a bare array; rows are numbered from 1. */
export function readProceduresJson(body: unknown): ParsedImport {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.procedures) ? body.procedures : null;
  if (!list) {
    return {
      rows: [],
      problems: [fileProblem('Nội dung phải là { "procedures": [ … ] }', 'The body must be { "procedures": [ … ] }')],
      columnOf: (p) => p,
    };
  }
  if (isRecord(body)) {
    const extra = Object.keys(body).filter((k) => k !== 'procedures');
    if (extra.length > 0)
      return {
        rows: [],
        problems: [fileProblem(`Trường không được chấp nhận: ${extra.join(', ')}`, `Unknown fields: ${extra.join(', ')}`)],
        columnOf: (p) => p,
      };
  }
  return { rows: list.map((data, i) => ({ row: i + 1, data })), problems: [], columnOf: (p) => p };
}
