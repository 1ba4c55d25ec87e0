import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDigits, codeFromTrackingInput } from './tracking-input.ts';

test('the dossier code from a scanned receipt address or a typed code', () => {
  const cases: [string, string | null][] = [
    ['http://localhost:3000/tra-cuu?ma=30337-261124-0001', '30337-261124-0001'],
    ['https://dichvucong.dongthap.gov.vn/tra-cuu?ma=H29.10.5-261124-0012', 'H29.10.5-261124-0012'],
    ['https://gandan.vn/tra-cuu?ma=30337-261124-0001#x', '30337-261124-0001'],
    ['https://gandan.vn/tra-cuu?code=30337-261124-0001&check=1234', '30337-261124-0001'],
    ['  30337-261124-0001 ', '30337-261124-0001'],
    ['h29.10.5-261124-0012', 'H29.10.5-261124-0012'],
    ['30337 - 261124 - 0001', '30337-261124-0001'],
    ['https://gandan.vn/tra-cuu', null],
    ['https://gandan.vn/tra-cuu?ma=', null],
    ['001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12|01072021', null],
    ['00020101021238570010A000000727012700069704360113012345678900208QRIBFTTA53037045802VN6304ABCD', null],
    ['', null],
    ['   ', null],
  ];
  for (const [raw, code] of cases) assert.equal(codeFromTrackingInput(raw), code, raw);
});

test('the check digits are exactly four digits', () => {
  assert.equal(checkDigits('2345'), '2345');
  assert.equal(checkDigits(' 23 45 '), '2345');
  assert.equal(checkDigits('234'), null);
  assert.equal(checkDigits('23456'), null);
  assert.equal(checkDigits('abcd'), null);
  assert.equal(checkDigits(''), null);
});
