import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditable, type FeeState, findReference, matchTransfers, referencesIn, statusOfApplied } from './match.ts';

const fee = (id: number, reference: string, amountVnd: number, status: FeeState['status'] = 'due', paidVnd = 0): FeeState => ({
  id,
  reference,
  amountVnd,
  paidVnd,
  status,
});
const A = 'GDABCDEFGHJK';
const B = 'GD23456789AB';

test('match: references as banks mangle them', () => {
  const fees = new Map([[A, fee(1, A, 1)]]);
  const cases: [string, string | null][] = [
    ['MBVCB.3278907687.GDABCDEFGHJK.CT tu 0123 NGUYEN VAN A', A],
    ['gdabcdefghjk chuyen tien', A],
    ['IBFTGDABCDEFGHJK', A],
    ['IBFT GD ABCD EFGH JK nop phi', A],
    ['G D A B C D E F G H J K', A],
    ['nop le phi khai sinh', null],
  ];
  for (const [text, ref] of cases) {
    const r = findReference(text, fees);
    assert.deepEqual(r, ref ? { reference: ref } : { reason: 'no_reference' }, text);
  }
});

test('match: two different references, or an unknown one, are never guessed', () => {
  const fees = new Map([
    [A, fee(1, A, 1)],
    [B, fee(2, B, 1)],
  ]);
  assert.deepEqual(findReference(`${A} ${B}`, fees), { reason: 'several_references' });
  assert.deepEqual(findReference(`${A} GDZZZZZZZZZZ`, fees), { reason: 'several_references' });
  assert.deepEqual(findReference(`${A} G D 2 3 4 5 6 7 8 9 A B`, fees), { reason: 'several_references' });
  assert.deepEqual(findReference('GDZZZZZZZZZZ', fees), { reason: 'unknown_reference' });
  assert.deepEqual(findReference(`${A} ${A}`, fees), { reference: A });
  assert.deepEqual(referencesIn('GD AB'), { strict: [], loose: [] });
});

test('match: matched, partial then completed, duplicate, overpaid', () => {
  const fees = [fee(1, A, 100_000), fee(2, B, 50_000), fee(3, 'GDKKKKKKKKKK', 20_000, 'paid', 20_000)];
  const r = matchTransfers(
    [
      { amountVnd: 100_000, description: A },
      { amountVnd: 100_000, description: A },
      { amountVnd: 20_000, description: B },
      { amountVnd: 30_000, description: B },
      { amountVnd: 20_000, description: 'GDKKKKKKKKKK' },
      { amountVnd: 60_000, description: 'GDKKKKKKKKKK'.replace('K', 'M') },
    ],
    fees,
  );
  assert.deepEqual(
    r.map((m) => [m.outcome, m.feeId, m.reason, m.completes]),
    [
      ['matched', 1, null, true],
      ['duplicate', 1, null, false],
      ['partial', 2, null, false],
      ['matched', 2, null, true],
      ['duplicate', 3, null, false],
      ['unmatched', null, 'unknown_reference', false],
    ],
  );
  // The caller's fees are not changed.
  assert.equal(fees[0]?.status, 'due');
  const over = matchTransfers([{ amountVnd: 200_000, description: A }], [fee(1, A, 100_000)]);
  assert.deepEqual([over[0]?.outcome, over[0]?.reason, over[0]?.feeId], ['unmatched', 'overpaid', 1]);
});

test('match: which lines payments credits, and the payment status from what it did', () => {
  const fees = [fee(1, A, 10_000), fee(2, B, 5_000, 'paid', 5_000)];
  const results = matchTransfers(
    [
      { amountVnd: 10_000, description: A },
      { amountVnd: 5_000, description: B },
      { amountVnd: 1, description: 'khong co ma' },
      { amountVnd: 99_000, description: `${A} lan 2` },
    ],
    fees,
  );
  assert.deepEqual(
    results.map((r) => [r.outcome, creditable(r)]),
    [
      ['matched', true],
      ['duplicate', true],
      ['unmatched', false],
      ['duplicate', true],
    ],
  );
  const overpaid = matchTransfers([{ amountVnd: 20_000, description: A }], fees)[0];
  assert.deepEqual([overpaid?.reason, overpaid && creditable(overpaid)], ['overpaid', false]);
  assert.deepEqual((['paid', 'partial', 'duplicate'] as const).map(statusOfApplied), ['matched', 'partial', 'duplicate']);
});
