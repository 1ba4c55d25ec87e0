/**
 * Bank statements (sao kê tài khoản) as Vietnamese banks export them, read into credit lines. Pure: no I/O, no clock.
 *
 * - Files: CSV text in UTF-8 (with or without BOM; comma, semicolon or tab separated) or Excel .xlsx, recognised by
 *   their content (a zip for .xlsx, valid UTF-8 text without NUL bytes for CSV), at most 20 MB.
 * - Layouts: the header row is found by its column names, anywhere in the first 40 rows (banks put the account holder,
 *   the period and the opening balance above it), with or without Vietnamese diacritics and with any "(VND)" suffix:
 *   "Ngày giao dịch", "Số tham chiếu" / "Mã giao dịch", "Số tiền ghi có" / "Ghi có", "Số tiền ghi nợ", "Nội dung" /
 *   "Diễn giải", "Tên người chuyển" / "Đối ứng", "Số tài khoản đối ứng", "Loại tiền" / "Currency".
 * - Dates: dd/mm/yyyy [hh:mm[:ss]] (also with '-' or '.'), yyyy-mm-dd [hh:mm:ss], or Excel dates; read as Vietnam time.
 * - Amounts: whole đồng with '.' or ',' as thousand separators (a ",00" / ".00" tail is accepted).
 * - Only credit lines (money in) are kept; debit lines are counted and skipped.
 * - Every bad line is reported with its row number and reason; a file with any bad line yields no lines at all.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Text } from '../../../platform/i18n/index.ts';

export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;
/** How many rows from the top are searched for the header row. */
const HEADER_SEARCH_ROWS = 40;
/** The most lines reported: a wholly wrong file should not produce a 100,000-line report. */
export const MAX_REPORTED_PROBLEMS = 200;

export type StatementKind = 'csv' | 'xlsx';

/** One credit line of a statement. */
export interface StatementLine {
  /** The row number in the file, as a person sees it (1-based). */
  line: number;
  bankTxnId: string;
  bookedAt: Date;
  amountVnd: number;
  description: string;
  payerName: string | null;
  payerAccount: string | null;
}

/** A bad line (line 0: the whole file) and why. */
export interface LineProblem {
  line: number;
  reason: Text;
}

export type ParsedStatement =
  | { ok: true; kind: StatementKind; lines: StatementLine[]; debitLines: number }
  | { ok: false; kind: StatementKind | null; problems: LineProblem[]; more: number };

type Column = 'date' | 'txnId' | 'credit' | 'debit' | 'description' | 'payerName' | 'payerAccount' | 'currency';
const REQUIRED: readonly Column[] = ['date', 'txnId', 'credit', 'description'];
const COLUMN_LABEL: Record<Column, Text> = {
  date: { vi: 'Ngày giao dịch', en: 'Transaction date' },
  txnId: { vi: 'Số tham chiếu / Mã giao dịch', en: 'Reference / transaction id' },
  credit: { vi: 'Số tiền ghi có', en: 'Credit amount' },
  debit: { vi: 'Số tiền ghi nợ', en: 'Debit amount' },
  description: { vi: 'Nội dung / Diễn giải', en: 'Description' },
  payerName: { vi: 'Tên người chuyển', en: 'Payer name' },
  payerAccount: { vi: 'Số tài khoản đối ứng', en: 'Payer account' },
  currency: { vi: 'Loại tiền', en: 'Currency' },
};

/** Header names (lower case, no diacritics, single spaces) → column. */
const SYNONYMS: Record<string, Column> = {};
const syn = (column: Column, names: string[]) => {
  for (const n of names) SYNONYMS[n] = column;
};
syn('date', [
  'ngay giao dich',
  'ngay gd',
  'ngay hach toan',
  'ngay thuc hien',
  'ngay hieu luc',
  'thoi gian giao dich',
  'thoi gian',
  'ngay',
  'transaction date',
  'posting date',
  'date',
]);
syn('txnId', [
  'so tham chieu',
  'ma tham chieu',
  'ma giao dich',
  'so giao dich',
  'ma gd',
  'so but toan',
  'so chung tu',
  'so ct',
  'reference',
  'reference no',
  'ref no',
  'transaction id',
  'transaction no',
]);
syn('credit', ['so tien ghi co', 'ghi co', 'so tien co', 'phat sinh co', 'tien vao', 'so tien vao', 'credit', 'credit amount', 'co']);
syn('debit', ['so tien ghi no', 'ghi no', 'so tien no', 'phat sinh no', 'tien ra', 'so tien ra', 'debit', 'debit amount', 'no']);
syn('description', [
  'noi dung',
  'noi dung giao dich',
  'noi dung chuyen khoan',
  'noi dung chi tiet',
  'dien giai',
  'mo ta',
  'chi tiet giao dich',
  'description',
  'details',
  'transaction details',
  'narrative',
  'remark',
]);
syn('payerName', ['ten nguoi chuyen', 'nguoi chuyen', 'ten doi ung', 'doi ung', 'ten tai khoan doi ung', 'ben chuyen', 'counterparty', 'payer', 'payer name']);
syn('payerAccount', [
  'so tai khoan doi ung',
  'tai khoan doi ung',
  'so tk doi ung',
  'tk doi ung',
  'stk doi ung',
  'tai khoan nguoi chuyen',
  'counter account',
  'counterparty account',
]);
syn('currency', ['loai tien', 'loai tien te', 'tien te', 'currency', 'ccy', 'don vi tien']);

/** Lower case, no diacritics (đ → d), no "(…)" suffix, single spaces: how header cells are compared. */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A cell as read from either format. */
export type Cell = string | number | Date | null;

const t = (vi: string, en: string): Text => ({ vi, en });
const cellText = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim());

/** Which column each index holds, or null when the row is not a header. */
function headerOf(row: Cell[]): Map<Column, number> {
  const found = new Map<Column, number>();
  row.forEach((c, i) => {
    if (typeof c !== 'string') return;
    const column = SYNONYMS[headerKey(c)];
    if (column && !found.has(column)) found.set(column, i);
  });
  return found;
}

const VN_OFFSET_MS = 7 * 3600_000;

function wallTime(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | null {
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null;
  return new Date(ms - VN_OFFSET_MS);
}

/**
 * A statement date as an instant (the file's wall time is Vietnam time, UTC+7): "dd/mm/yyyy [hh:mm[:ss]]" (also '-'
 * or '.'), "yyyy-mm-dd [hh:mm[:ss]]", an Excel serial number, or a Date whose UTC fields hold the wall time (how
 * spreadsheet readers give Excel dates). Null when unreadable.
 */
export function parseStatementDate(c: Cell): Date | null {
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return null;
    return wallTime(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds());
  }
  if (typeof c === 'number') {
    // Excel serial days since 1899-12-30; 36526 = 2000-01-01, 73051 = 2100-01-01.
    if (!(c >= 36526 && c < 73051)) return null;
    return parseStatementDate(new Date(Math.round((c - 25569) * 86400) * 1000));
  }
  const s = (c ?? '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return wallTime(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return wallTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return null;
}

/** An amount in đồng: a whole number, or null when empty; 'bad' when unreadable or not whole. Keeps the sign. */
export function parseAmount(c: Cell): number | null | 'bad' {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isSafeInteger(c) ? c : Number.isFinite(c) && Math.abs(c - Math.round(c)) < 1e-6 ? Math.round(c) : 'bad';
  if (c instanceof Date) return 'bad';
  let s = c.replace(/\s+/g, '').replace(/(VND|VNĐ|đ|₫)$/i, '');
  if (s === '' || s === '-') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // A ",00" / ".00" tail (cents that VND does not have) is dropped; any other fraction is refused.
  const tail = /^(.*\d)[.,](\d{1,2})$/.exec(s);
  if (tail) {
    if (Number(tail[2]) !== 0) return 'bad';
    s = tail[1] as string;
  }
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) {
    const seps = new Set(s.replace(/\d/g, ''));
    if (seps.size !== 1) return 'bad';
    s = s.replace(/[.,]/g, '');
  }
  if (!/^\d{1,15}$/.test(s)) return 'bad';
  return sign * Number(s);
}

const VND = new Set(['', 'vnd', 'vnđ', 'đ', 'dong', 'đồng', 'vn dong', '704']);

/** Reads a grid of rows (header row somewhere near the top). `rowNumber` gives each row's number in the file. */
export function readStatementRows(rows: Iterable<{ number: number; cells: Cell[] }>, kind: StatementKind): ParsedStatement {
  const problems: LineProblem[] = [];
  let more = 0;
  const problem = (line: number, reason: Text) => {
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ line, reason });
    else more++;
  };
  let header: Map<Column, number> | null = null;
  let best: Map<Column, number> = new Map();
  let seen = 0;
  const lines: StatementLine[] = [];
  const ids = new Map<string, number>();
  let debitLines = 0;
  for (const { number, cells } of rows) {
    if (!header) {
      if (++seen > HEADER_SEARCH_ROWS) break;
      const h = headerOf(cells);
      if (REQUIRED.every((c) => h.has(c))) header = h;
      else if (h.size > best.size) best = h;
      continue;
    }
    const at = (c: Column): Cell => {
      const i = header?.get(c);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const texts = cells.map(cellText);
    if (texts.every((x) => x === '')) continue;
    const dateCell = at('date');
    const idText = cellText(at('txnId'));
    // Footer rows (Tổng cộng, Số dư cuối kỳ …): no transaction id, a total's label first.
    if (idText === '') {
      const first = headerKey(texts.find((x) => x !== '') ?? '');
      if (/^(tong|cong|so du|total|closing|ending|phat sinh)/.test(first)) continue;
    }
    const widest = Math.max(...REQUIRED.map((c) => header?.get(c) ?? 0));
    if (kind === 'csv' && cells.length <= widest) {
      problem(number, t(`Thiếu cột: dòng có ${cells.length} cột`, `Missing columns: the line has ${cells.length} columns`));
      continue;
    }
    const credit = parseAmount(at('credit'));
    const debit = parseAmount(at('debit'));
    if (credit === 'bad') {
      problem(number, t(`Số tiền ghi có không đọc được: "${cellText(at('credit')).slice(0, 30)}"`, `Unreadable credit amount`));
      continue;
    }
    if (credit === null || credit === 0) {
      if (typeof debit === 'number' && debit !== 0) {
        debitLines++;
        continue;
      }
      problem(number, credit === 0 ? t('Số tiền bằng 0', 'The amount is zero') : t('Không có số tiền', 'No amount'));
      continue;
    }
    if (credit < 0) {
      problem(number, t('Số tiền ghi có âm', 'Negative credit amount'));
      continue;
    }
    const currency = cellText(at('currency')).toLowerCase();
    if (!VND.has(currency)) {
      problem(number, t(`Ngoại tệ ${currency.toUpperCase().slice(0, 10)}: chỉ nhận VND`, `Foreign currency ${currency.toUpperCase().slice(0, 10)}: only VND`));
      continue;
    }
    const bookedAt = parseStatementDate(typeof dateCell === 'string' ? dateCell.trim() : dateCell);
    if (!bookedAt) {
      problem(number, t(`Ngày giao dịch không đọc được: "${cellText(dateCell).slice(0, 30)}"`, 'Unreadable transaction date'));
      continue;
    }
    if (idText === '' || idText.length > 100) {
      problem(number, idText === '' ? t('Thiếu mã giao dịch', 'No transaction id') : t('Mã giao dịch quá dài', 'Transaction id too long'));
      continue;
    }
    const earlier = ids.get(idText);
    if (earlier !== undefined) {
      problem(number, t(`Trùng mã giao dịch với dòng ${earlier}`, `Same transaction id as line ${earlier}`));
      continue;
    }
    ids.set(idText, number);
    const payerName = cellText(at('payerName')).normalize('NFC').slice(0, 200);
    const payerAccount = cellText(at('payerAccount')).replace(/\s+/g, '').slice(0, 40);
    lines.push({
      line: number,
      bankTxnId: idText,
      bookedAt,
      amountVnd: credit,
      description: cellText(at('description')).normalize('NFC').replace(/\s+/g, ' ').slice(0, 500),
      payerName: payerName || null,
      payerAccount: payerAccount || null,
    });
  }
  if (!header) {
    const missing = REQUIRED.filter((c) => !best.has(c));
    return {
      ok: false,
      kind,
      more: 0,
      problems: [
        {
          line: 0,
          reason: t(
            `Không tìm thấy dòng tiêu đề của sao kê; thiếu cột: ${missing.map((c) => COLUMN_LABEL[c].vi).join(', ')}`,
            `No statement header row found; missing columns: ${missing.map((c) => COLUMN_LABEL[c].en).join(', ')}`,
          ),
        },
      ],
    };
  }
  if (problems.length > 0) return { ok: false, kind, problems, more };
  return { ok: true, kind, lines, debitLines };
}

/** Splits CSV text into records (RFC 4180 quotes, any line ending), with the line each record starts on. */
export function* csvRecords(text: string, delimiter: string): Generator<{ number: number; cells: Cell[] }> {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        continue;
      }
      if (ch === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
        i++;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\n' || ch === '\r') {
        cells.push(cell);
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        cell += ch;
        i++;
      }
    }
    yield { number: start, cells: cells.map((c) => c.trim() || null) };
  }
}

/** What the bytes are: an .xlsx (zip) file, UTF-8 text, or neither (an old .xls, a PDF, an image …). */
export function statementKindOf(buf: Buffer): StatementKind | null {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'csv';
  } catch {
    return null;
  }
}

/** Reads a CSV statement; the separator is the one that makes a header row appear. */
export function parseCsvStatement(buf: Buffer): ParsedStatement {
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  const head = text.split(/\r?\n/, HEADER_SEARCH_ROWS).join('\n');
  const delimiter =
    [',', ';', '\t'].find((d) => {
      for (const r of csvRecords(head, d)) if (REQUIRED.every((c) => headerOf(r.cells).has(c))) return true;
      return false;
    }) ?? ',';
  return readStatementRows(csvRecords(text, delimiter), 'csv');
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return excelCell(v.result as ExcelValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

/** Reads the first worksheet of an .xlsx statement (streamed: a 100,000-row file is not held as a workbook). */
export async function parseXlsxStatement(buf: Buffer): Promise<ParsedStatement> {
  const rows: { number: number; cells: Cell[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? (row.values as ExcelValue[]) : [];
        rows.push({ number: row.number, cells: values.slice(1).map(excelCell) });
      }
      break;
    }
  } catch {
    return { ok: false, kind: 'xlsx', more: 0, problems: [{ line: 0, reason: t('Tệp Excel bị hỏng, không đọc được', 'The Excel file is damaged') }] };
  }
  return readStatementRows(rows, 'xlsx');
}

/** Reads a statement file of either kind; null kind: not a CSV or .xlsx file. */
export async function parseStatement(buf: Buffer): Promise<ParsedStatement> {
  const kind = statementKindOf(buf);
  if (kind === 'xlsx') return parseXlsxStatement(buf);
  if (kind === 'csv') return parseCsvStatement(buf);
  return {
    ok: false,
    kind: null,
    more: 0,
    problems: [{ line: 0, reason: t('Chỉ nhận tệp CSV (UTF-8) hoặc Excel .xlsx', 'Only CSV (UTF-8) or Excel .xlsx files are accepted') }],
  };
}
