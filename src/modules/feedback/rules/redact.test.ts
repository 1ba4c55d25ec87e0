import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPublicText, findPersonalData } from './redact.ts';

const cases: { text: string; kinds: string[] }[] = [
  { text: 'Đã sửa ổ gà trên đường Nguyễn Huệ, Phường 1.', kinds: [] },
  { text: 'Liên hệ anh Tám 0912 345 678 để biết thêm.', kinds: ['phone'] },
  { text: 'Gọi 0912.345.678 hoặc 0277-3851-234', kinds: ['phone', 'phone'] },
  { text: 'Số điện thoại +84 912 345 678', kinds: ['phone'] },
  { text: 'Gửi thư về tam.le@example.vn nhé', kinds: ['email'] },
  { text: 'Căn cước 079188004321 của người phản ánh', kinds: ['id_number'] },
  { text: 'năm 2025 0912345678', kinds: ['phone'] },
  // Amounts, dates, document symbols, the 1022 hotline and years are no personal data.
  { text: 'Kinh phí 1.500.000.000 đồng, Quyết định 1455/QĐ-UBND-HC ngày 12/05/2026, gọi 1022, giai đoạn 2025-2030', kinds: [] },
  { text: 'Mã phản ánh K7M29QRT, thửa đất số 123, tờ bản đồ 45', kinds: [] },
];

for (const c of cases) {
  test(`findPersonalData: ${c.text}`, () => {
    assert.deepEqual(
      findPersonalData(c.text).map((h) => h.kind),
      c.kinds,
    );
  });
}

test('checkPublicText names each field holding personal data', () => {
  const errors = checkPublicText({ publicTitle: 'Ổ gà đường Nguyễn Huệ', publicSummary: 'Người dân (0912345678) phản ánh', answer: 'Đã trả lời qua a@b.vn' });
  assert.deepEqual(
    errors.map((e) => e.field),
    ['publicSummary', 'answer'],
  );
  assert.match(errors[0]?.message.vi ?? '', /số điện thoại/);
  assert.match(errors[1]?.message.en ?? '', /e-mail/);
  assert.deepEqual(checkPublicText({ a: null, b: '', c: 'Không có gì riêng tư' }), []);
});
