import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkItemNumber, normaliseItemNumber, s10CheckDigit } from './item-number.ts';

test('S10 check digit: weights 8 6 4 2 3 5 9 7, 11 − (S mod 11), 10 → 0, 11 → 5', () => {
  const cases: [string, number][] = [
    ['47312482', 9], // the UPU S10 worked example: S = 200
    ['12345678', 5], // S = 204
    ['10000014', 0], // 11 − 1 = 10 → 0
    ['10000002', 5], // 11 − 0 = 11 → 5
    ['00000000', 5],
  ];
  for (const [serial, digit] of cases) assert.equal(s10CheckDigit(serial), digit, serial);
});

test('item numbers: valid S10, a wrong check digit told with the right one, domestic codes only when flagged', () => {
  assert.deepEqual(checkItemNumber('EB123456785VN', false), { ok: true, value: 'EB123456785VN', kind: 's10' });
  assert.deepEqual(checkItemNumber(' eb 1234 5678 5 vn ', false), { ok: true, value: 'EB123456785VN', kind: 's10' });
  assert.deepEqual(checkItemNumber('RR473124829GB', false), { ok: true, value: 'RR473124829GB', kind: 's10' });
  const wrong = checkItemNumber('EB123456784VN', false);
  assert.equal(wrong.ok, false);
  if (!wrong.ok) {
    assert.match(wrong.message.vi, /chữ số thứ 9 phải là 5, không phải 4/);
    assert.match(wrong.message.en, /must be 5, not 4/);
  }
  // The S10 shape with a wrong check digit is refused even under the domestic flag (a typo, not a domestic code).
  assert.equal(checkItemNumber('EB123456784VN', true).ok, false);
  assert.equal(checkItemNumber('BD2026000123', false).ok, false);
  assert.deepEqual(checkItemNumber('BD2026000123', true), { ok: true, value: 'BD2026000123', kind: 'domestic' });
  assert.equal(checkItemNumber('BD12', true).ok, false);
  assert.equal(checkItemNumber('<script>alert(1)</script>', true).ok, false);
  assert.equal(checkItemNumber('', false).ok, false);
  assert.equal(normaliseItemNumber('eb-123.456 785vn'), 'EB123456785VN');
});
