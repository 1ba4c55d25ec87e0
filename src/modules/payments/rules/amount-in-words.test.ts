import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountInWords, formatVnd } from './amount-in-words.ts';

const cases: [number, string][] = [
  [0, 'Không đồng'],
  [1, 'Một đồng'],
  [5, 'Năm đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi tư đồng'],
  [25, 'Hai mươi lăm đồng'],
  [105, 'Một trăm lẻ năm đồng'],
  [110, 'Một trăm mười đồng'],
  [1_005, 'Một nghìn không trăm lẻ năm đồng'],
  [2_000, 'Hai nghìn đồng'],
  [8_000, 'Tám nghìn đồng'],
  [15_000, 'Mười lăm nghìn đồng'],
  [150_000, 'Một trăm năm mươi nghìn đồng'],
  [1_000_000, 'Một triệu đồng'],
  [1_000_005, 'Một triệu không trăm lẻ năm đồng'],
  [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
  [2_050_000_000, 'Hai tỷ không trăm năm mươi triệu đồng'],
  [100_000_000_000, 'Một trăm tỷ đồng'],
  [1_234_567_891, 'Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng'],
];
for (const [n, words] of cases) {
  test(`amount in words: ${n}`, () => assert.equal(amountInWords(n), words));
}

test('amount in words: "linh" for northern usage', () => {
  assert.equal(amountInWords(1_005, { zeroTens: 'linh' }), 'Một nghìn không trăm linh năm đồng');
  assert.equal(amountInWords(204, { zeroTens: 'linh' }), 'Hai trăm linh bốn đồng');
});

test('amount in words: refuses negatives and fractions', () => {
  assert.throws(() => amountInWords(-1), RangeError);
  assert.throws(() => amountInWords(1.5), RangeError);
});

test('amount in words: NFC output', () => {
  const s = amountInWords(150_000);
  assert.equal(s, s.normalize('NFC'));
});

test('format VND: thousands dots', () => {
  assert.equal(formatVnd(0), '0');
  assert.equal(formatVnd(1005), '1.005');
  assert.equal(formatVnd(2050000000), '2.050.000.000');
});
