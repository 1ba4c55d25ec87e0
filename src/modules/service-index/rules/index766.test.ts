import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeIndex, type IndexInputs, indexGroups, indicatorDefs } from './index766.ts';

const base: IndexInputs = {
  procedures: { listed: 10, publishedInForce: 8 },
  dossiers: {
    received: 100,
    settled: { total: 80, early: 50, onTime: 20, late: 10 },
    inProgress: { onTime: 15, overdue: 5 },
    online: 40,
    withFees: 20,
    paidOnline: 5,
    electronicResult: 60,
    reusedDocuments: 30,
    digitised: 70,
    personalNumber: 90,
    ratings: { total: 50, dissatisfied: 5 },
  },
  feedback: { answered: 20, answeredOnTime: 18, published: 10 },
  manual: {},
};

test('the six groups add up to 100 points and each group to its maximum', () => {
  assert.equal(
    indexGroups.reduce((a, g) => a + g.max, 0),
    100,
  );
  for (const g of indexGroups) {
    assert.equal(
      indicatorDefs.filter((d) => d.group === g.group).reduce((a, d) => a + d.max, 0),
      g.max,
      `group ${g.group}`,
    );
  }
});

test('a hand-computed unit: every sub-indicator, group and the total', () => {
  const r = computeIndex({ ...base, manual: { '1.2': 0.5 } });
  const score = (code: string) => r.indicators.find((x) => x.code === code)?.score;
  assert.equal(score('1.1'), 4.8); // 8/10 × 6
  assert.equal(score('1.2'), 3); // 0.5 × 6, entered by hand
  assert.equal(score('1.3'), 3); // 10/20 × 6
  assert.equal(score('2.1'), 17); // (50+20+15)/(80+15+5) = 0.85 × 20
  assert.equal(score('3.1'), 4.8); // 40/100 × 12
  assert.equal(score('4.1'), 2.5); // 5/20 × 10
  assert.equal(score('5.1'), 5.4); // 18/20 × 6
  assert.equal(score('5.2'), 9.3); // 1 − (10/80 + 5/50) = 0.775 × 12
  assert.equal(score('6.1'), 4.8); // 60/100 × 8
  assert.equal(score('6.2'), 2.1); // 30/100 × 7
  assert.equal(score('6.3'), 6.3); // 90/100 × 7
  assert.deepEqual(
    r.groups.map((g) => g.score),
    [10.8, 17, 4.8, 2.5, 14.7, 13.2],
  );
  assert.equal(r.total, 63);
  assert.equal(r.maxWithData, 100);
});

test('no data is never 0 % or 100 %: the sub-indicator has no score and the total says out of how many points', () => {
  const r = computeIndex({
    ...base,
    dossiers: { ...base.dossiers, withFees: 0, paidOnline: 0 },
    feedback: { answered: 0, answeredOnTime: 0, published: 0 },
  });
  for (const code of ['1.2', '1.3', '4.1', '5.1']) {
    const x = r.indicators.find((i) => i.code === code);
    assert.equal(x?.ratio, null, code);
    assert.equal(x?.score, null, code);
  }
  assert.equal(r.maxWithData, 100 - 6 - 6 - 10 - 6);
});

test('a target below 100 % gives the maximum once reached, and a proportional score below it', () => {
  const defs = indicatorDefs.map((d) => (d.code === '3.1' ? { ...d, target: 0.5 } : d));
  assert.equal(computeIndex(base, defs).indicators.find((x) => x.code === '3.1')?.score, 9.6); // 0.4 × 12 ÷ 0.5
  assert.equal(computeIndex({ ...base, dossiers: { ...base.dossiers, online: 60 } }, defs).indicators.find((x) => x.code === '3.1')?.score, 12);
});

test('satisfaction never goes below zero', () => {
  const r = computeIndex({
    ...base,
    dossiers: { ...base.dossiers, settled: { total: 10, early: 0, onTime: 0, late: 10 }, ratings: { total: 4, dissatisfied: 4 } },
  });
  assert.equal(r.indicators.find((x) => x.code === '5.2')?.score, 0);
});
