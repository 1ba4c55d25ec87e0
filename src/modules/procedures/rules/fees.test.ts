import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Checker } from './check.ts';
import { checkFees, totalFees } from './fees.ts';

const fee = (o: Record<string, unknown> = {}) => ({ kind: 'le_phi', name: 'Lệ phí đăng ký khai sinh', amountVnd: 8000, note: null, exemptions: [], ...o });

const cases: { name: string; input: unknown; ok: boolean; path?: string }[] = [
  { name: 'no fees', input: [], ok: true },
  { name: 'absent means none', input: undefined, ok: true },
  { name: 'a free charge (miễn lệ phí) is 0', input: [fee({ amountVnd: 0 })], ok: true },
  { name: 'Hải Phòng birth registration late fee', input: [fee()], ok: true },
  { name: 'copy fee per page (phí)', input: [fee({ kind: 'phi', name: 'Phí chứng thực bản sao', amountVnd: 2000 })], ok: true },
  { name: 'amount as text is refused', input: [fee({ amountVnd: '8000' })], ok: false, path: 'fees[0].amountVnd' },
  { name: 'amount with a thousands dot is refused', input: [fee({ amountVnd: '8.000' })], ok: false, path: 'fees[0].amountVnd' },
  { name: 'negative amount', input: [fee({ amountVnd: -1 })], ok: false, path: 'fees[0].amountVnd' },
  { name: 'fractions of a đồng', input: [fee({ amountVnd: 10.5 })], ok: false, path: 'fees[0].amountVnd' },
  { name: 'absurd amount', input: [fee({ amountVnd: 5e12 })], ok: false, path: 'fees[0].amountVnd' },
  { name: 'unknown kind', input: [fee({ kind: 'tax' })], ok: false, path: 'fees[0].kind' },
  { name: 'missing name', input: [fee({ name: '  ' })], ok: false, path: 'fees[0].name' },
  { name: 'unknown key', input: [fee({ vat: 10 })], ok: false, path: 'fees[0].vat' },
  { name: 'same fee twice', input: [fee(), fee({ amountVnd: 5000 })], ok: false, path: 'fees[1].name' },
  { name: 'not a list', input: { amountVnd: 1 }, ok: false, path: 'fees' },
  { name: 'exemptions must be a list', input: [fee({ exemptions: 'hộ nghèo' })], ok: false, path: 'fees[0].exemptions' },
];

for (const c of cases) {
  test(`fees: ${c.name}`, () => {
    const checker = new Checker();
    const out = checkFees(checker, c.input);
    if (c.ok) {
      assert.ok(out, JSON.stringify(checker.problems));
      assert.equal(checker.problems.length, 0);
    } else {
      assert.equal(out, undefined);
      assert.equal(checker.problems[0]?.path, c.path);
      assert.ok(checker.problems[0]?.message.vi && checker.problems[0]?.message.en);
    }
  });
}

test('fees: names are NFC and trimmed; totals add up', () => {
  const checker = new Checker();
  const out = checkFees(checker, [
    fee({ name: '  Le\u0323\u0302 phi\u0301 ' }),
    fee({ kind: 'phi', name: 'Phí bản sao', amountVnd: 8000, exemptions: [' Hộ nghèo ', ''] }),
  ]);
  assert.ok(out);
  assert.equal(out[0]?.name, 'Lệ phí');
  assert.deepEqual(out[1]?.exemptions, ['Hộ nghèo']);
  assert.equal(totalFees(out), 16000);
});
