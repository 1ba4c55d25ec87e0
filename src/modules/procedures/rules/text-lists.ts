/**
 * The plain-text syntax of the staff edit form, so fees and documents can be edited in a
 * textarea without JavaScript. One item per line; fields separated by `|`:
 *
 *   Lệ phí / phí:  Tên khoản | Số tiền (đồng) | Ghi chú | Đối tượng miễn (ngăn bởi ;) | phí hoặc lệ phí
 *                  e.g. `Lệ phí đăng ký khai sinh | 8.000 | Miễn khi đăng ký đúng hạn | Người khuyết tật; Hộ nghèo`
 *   Giấy tờ:       Tên giấy tờ | Số bản | Loại (bản chính, bản sao, bản sao có chứng thực, xuất trình) | Mẫu đơn, tờ khai
 *   Trình tự, căn cứ pháp lý: one line each.
 *
 * Only the name is required; the kind of fee defaults to "phí" when the name begins with
 * "Phí", else "lệ phí". Amounts accept thousands separators (8.000, 8,000, 8 000). A `|` inside a
 * text cannot be typed here (use the import for that). Parsing returns raw items that the
 * procedure validator then checks, so a bad amount is reported like any other bad value.
 */
import type { Fee, ProcedureDocument } from '../schema.ts';

const splitLines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const cells = (line: string) => line.split('|').map((c) => c.trim());

const feeKindWords: Record<string, Fee['kind']> = { phí: 'phi', phi: 'phi', 'lệ phí': 'le_phi', 'le phi': 'le_phi', le_phi: 'le_phi' };
const documentKindWords: Record<string, ProcedureDocument['kind']> = {
  'bản chính': 'original',
  'ban chinh': 'original',
  original: 'original',
  'bản sao': 'copy',
  'ban sao': 'copy',
  copy: 'copy',
  'bản sao có chứng thực': 'certified_copy',
  'ban sao co chung thuc': 'certified_copy',
  certified_copy: 'certified_copy',
  'xuất trình': 'present_original',
  'xuất trình bản chính': 'present_original',
  'xuat trinh': 'present_original',
  present_original: 'present_original',
};
const documentKindText: Record<ProcedureDocument['kind'], string> = {
  original: 'bản chính',
  copy: 'bản sao',
  certified_copy: 'bản sao có chứng thực',
  present_original: 'xuất trình',
};

/** "8.000", "8,000", "8 000" → 8000; anything else stays text for the validator to reject. */
function parseAmount(s: string): number | string {
  const compact = s.replace(/[\s.,]/g, '');
  if (/^[0-9]+$/.test(compact) && /^[0-9]{1,3}([\s.,]?[0-9]{3})*$/.test(s)) return Number(compact);
  return s;
}

export function parseFeeLines(text: string): unknown[] {
  return splitLines(text).map((line) => {
    const [name = '', amount = '', note = '', exemptions = '', kind = ''] = cells(line);
    const k = feeKindWords[kind.normalize('NFC').toLowerCase()] ?? (kind ? kind : /^ph[íi](\s|$)/i.test(name.normalize('NFC')) ? 'phi' : 'le_phi');
    return {
      kind: k,
      name,
      amountVnd: amount === '' ? 0 : parseAmount(amount),
      note: note || null,
      exemptions: exemptions
        .split(';')
        .map((e) => e.trim())
        .filter(Boolean),
    };
  });
}

export function formatFeeLines(fees: readonly Fee[]): string {
  return fees
    .map((f) => {
      const defaultKind = /^ph[íi](\s|$)/i.test(f.name) ? 'phi' : 'le_phi';
      const parts = [f.name, String(f.amountVnd), f.note ?? '', f.exemptions.join('; '), f.kind === defaultKind ? '' : f.kind === 'phi' ? 'phí' : 'lệ phí'];
      while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
      return parts.map((p) => p.replace(/\s*\n\s*/g, ' ')).join(' | ');
    })
    .join('\n');
}

export function parseDocumentLines(text: string): unknown[] {
  return splitLines(text).map((line) => {
    const [name = '', copies = '', kind = '', formTemplate = ''] = cells(line);
    const n = copies === '' ? 1 : /^[0-9]+$/.test(copies) ? Number(copies) : copies;
    return {
      name,
      copies: n,
      kind: kind === '' ? 'original' : (documentKindWords[kind.normalize('NFC').toLowerCase()] ?? kind),
      formTemplate: formTemplate || null,
    };
  });
}

export function formatDocumentLines(docs: readonly ProcedureDocument[]): string {
  return docs
    .map((d) => {
      const parts = [d.name, String(d.copies), documentKindText[d.kind], d.formTemplate ?? ''];
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts.join(' | ');
    })
    .join('\n');
}

export function parseLines(text: string): string[] {
  return splitLines(text);
}
