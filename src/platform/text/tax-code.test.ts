import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTaxCode, taxCheckDigit } from './tax-code.ts';

test('the check digit of a tax code: 10 − (Σ digit × 31,29,23,19,17,13,7,5,3 mod 11)', () => {
  // The worked example: 0·31 + 1·29 + 0 + 0 + 0 + 4·13 + 7·7 + 5·5 + 1·3 = 158; 158 mod 11 = 4; 10 − 4 = 6.
  assert.equal(taxCheckDigit('010004751'), 6);
  assert.equal(taxCheckDigit('010124315'), 0, 'remainder 10 gives the digit 0');
  assert.equal(taxCheckDigit('000000000'), null, 'remainder 0 would need the digit 10: no valid code');
  assert.equal(taxCheckDigit('12345678'), null);
});

test('tax codes of real businesses and branches are read; typing slips are refused', () => {
  const cases: [string, string | null][] = [
    ['0100047516', '0100047516'],
    ['0100109106', '0100109106'],
    ['0300588569', '0300588569'],
    ['0101243150', '0101243150'],
    ['0100109106-001', '0100109106-001'],
    ['0100109106001', '0100109106-001'],
    [' 0100 109 106 ', '0100109106'],
    ['0100109107', null], // wrong check digit
    ['0100109160', null], // two digits swapped
    ['0100109106-000', null], // no branch 000
    ['0000000000', null],
    ['0010000000', null],
    ['010010910', null],
    ['01001091061', null],
    ['0100109106-01', null],
    ['01001O9106', null],
    ['<script>', null],
    ['', null],
  ];
  for (const [raw, want] of cases) {
    const r = checkTaxCode(raw);
    assert.equal(r.ok ? r.value : null, want, raw);
    if (!r.ok) assert.match(r.message.vi, /Mã số thuế/);
  }
  const branch = checkTaxCode('0100109106-001');
  assert.ok(branch.ok && branch.branch);
});
