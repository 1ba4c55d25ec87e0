import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fee, ProcedureDocument } from '../schema.ts';
import { formatDocumentLines, formatFeeLines, parseDocumentLines, parseFeeLines, parseLines } from './text-lists.ts';

test('fee lines: name | amount | note | exemptions | kind', () => {
  const cases: [string, unknown][] = [
    [
      'Lệ phí đăng ký khai sinh | 8.000 | Miễn khi đúng hạn',
      { kind: 'le_phi', name: 'Lệ phí đăng ký khai sinh', amountVnd: 8000, note: 'Miễn khi đúng hạn', exemptions: [] },
    ],
    ['Phí chứng thực | 2,000', { kind: 'phi', name: 'Phí chứng thực', amountVnd: 2000, note: null, exemptions: [] }],
    [
      'Lệ phí | 1 000 000 | | Hộ nghèo; Người khuyết tật',
      { kind: 'le_phi', name: 'Lệ phí', amountVnd: 1_000_000, note: null, exemptions: ['Hộ nghèo', 'Người khuyết tật'] },
    ],
    ['Phí khác | 0 | | | lệ phí', { kind: 'le_phi', name: 'Phí khác', amountVnd: 0, note: null, exemptions: [] }],
    ['Lệ phí | tám nghìn', { kind: 'le_phi', name: 'Lệ phí', amountVnd: 'tám nghìn', note: null, exemptions: [] }],
    ['Lệ phí | 8.5', { kind: 'le_phi', name: 'Lệ phí', amountVnd: '8.5', note: null, exemptions: [] }],
    ['Lệ phí', { kind: 'le_phi', name: 'Lệ phí', amountVnd: 0, note: null, exemptions: [] }],
  ];
  for (const [line, expected] of cases) assert.deepEqual(parseFeeLines(line)[0], expected, line);
});

test('fee lines round-trip', () => {
  const fees: Fee[] = [
    { kind: 'le_phi', name: 'Lệ phí đăng ký khai sinh', amountVnd: 8000, note: 'Ghi chú', exemptions: ['Hộ nghèo'] },
    { kind: 'phi', name: 'Phí cấp bản sao', amountVnd: 8000, note: null, exemptions: [] },
    { kind: 'le_phi', name: 'Phí mà là lệ phí', amountVnd: 0, note: null, exemptions: [] },
  ];
  assert.deepEqual(parseFeeLines(formatFeeLines(fees)), fees);
});

test('document lines round-trip, kinds in words', () => {
  const docs: ProcedureDocument[] = [
    { name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: 'Mẫu TT 04/2020' },
    { name: 'Căn cước', copies: 1, kind: 'present_original', formTemplate: null },
    { name: 'Hợp đồng', copies: 2, kind: 'certified_copy', formTemplate: null },
  ];
  assert.deepEqual(parseDocumentLines(formatDocumentLines(docs)), docs);
  assert.deepEqual(parseDocumentLines('Giấy chứng sinh')[0], { name: 'Giấy chứng sinh', copies: 1, kind: 'original', formTemplate: null });
  assert.deepEqual(parseDocumentLines('Giấy | hai | bản sao')[0], { name: 'Giấy', copies: 'hai', kind: 'copy', formTemplate: null });
});

test('plain lines drop blanks and CR', () => {
  assert.deepEqual(parseLines('Bước 1\r\n\r\n  Bước 2  \n'), ['Bước 1', 'Bước 2']);
});
