import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyToBalances, type FeeBalance, type FeeStatus, type PaymentStep } from './apply.ts';

const fee = (id: number, amountVnd: number, status: FeeStatus = 'due', paidVnd = 0): FeeBalance => ({
  id,
  dossierId: 100 + id,
  unitId: 7,
  amountVnd,
  paidVnd,
  status,
  paidBy: status === 'paid' ? 'cash' : null,
  paidAt: status === 'paid' ? new Date('2026-03-01T02:00:00Z') : null,
});
const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 2, minute));
const pay = (feeId: number, amountVnd: number, minute = 0, paidBy: PaymentStep['paidBy'] = 'transfer'): PaymentStep => ({
  feeId,
  amountVnd,
  paidBy,
  paidAt: at(minute),
});

test('apply: each payment in order — paid, partial, completed by a second part, duplicates of paid, waived and cancelled fees', () => {
  const fees = new Map(
    [fee(1, 15_000), fee(2, 100_000), fee(3, 8_000, 'paid', 8_000), fee(4, 5_000, 'waived'), fee(5, 5_000, 'cancelled')].map((f) => [f.id, f]),
  );
  const cases: [string, PaymentStep, string, number, number, FeeStatus][] = [
    ['exact amount', pay(1, 15_000, 1), 'paid', 0, 15_000, 'paid'],
    ['less than owed', pay(2, 40_000, 2), 'partial', 0, 40_000, 'due'],
    ['the rest, later in the batch', pay(2, 60_000, 3), 'paid', 40_000, 100_000, 'paid'],
    ['paid earlier in this batch', pay(1, 15_000, 4), 'duplicate', 15_000, 15_000, 'paid'],
    ['paid before the batch', pay(3, 8_000, 5), 'duplicate', 8_000, 8_000, 'paid'],
    ['waived', pay(4, 5_000, 6), 'duplicate', 0, 0, 'waived'],
    ['cancelled', pay(5, 5_000, 7), 'duplicate', 0, 0, 'cancelled'],
  ];
  const { results, changed } = applyToBalances(
    fees,
    cases.map((c) => c[1]),
  );
  cases.forEach(([label, , outcome, before, after, status], i) => {
    assert.deepEqual(results[i], { outcome, paidVndBefore: before, paidVnd: after, status }, label);
  });
  assert.deepEqual(
    changed.map((f) => [f.id, f.status, f.paidVnd, f.paidBy, f.paidAt?.toISOString()]),
    [
      [1, 'paid', 15_000, 'transfer', at(1).toISOString()],
      [2, 'paid', 100_000, 'transfer', at(3).toISOString()],
    ],
    'one final state per changed fee; paid at the completing payment',
  );
  assert.equal(fees.get(1)?.status, 'due', 'the balances given are not changed');
});

test('apply: a partial payment leaves the fee due without a method; more than owed still completes it (the caller refuses overpayment)', () => {
  const fees = new Map([[1, fee(1, 20_000, 'due', 5_000)]]);
  const part = applyToBalances(fees, [pay(1, 5_000, 0, 'cash')]);
  assert.deepEqual(part.changed, [{ ...fee(1, 20_000), paidVnd: 10_000 }]);
  const over = applyToBalances(fees, [pay(1, 50_000, 9, 'cash')]);
  assert.deepEqual(over.results, [{ outcome: 'paid', paidVndBefore: 5_000, paidVnd: 55_000, status: 'paid' }]);
  assert.equal(over.changed[0]?.paidBy, 'cash');
  assert.throws(() => applyToBalances(fees, [pay(2, 1)]), RangeError);
});
