import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cassoSignature, isFresh, readCassoDelivery, readSignatureHeader, signatureValid } from './casso.ts';

// Casso's published verification sample (webhook v2): body, checksum key and the header it yields.
const SAMPLE = {
  error: 0,
  data: {
    id: 0,
    reference: 'MA_GIAO_DICH_THU_NGHIEM',
    description: 'giao dich thu nghiem',
    amount: 599000,
    runningBalance: 25000000,
    transactionDateTime: '2024-10-03 15:06:37',
    accountNumber: '88888888',
    bankName: 'VPBank',
    bankAbbreviation: 'VPB',
    virtualAccountNumber: '',
    virtualAccountName: '',
    counterAccountName: 'NGUYEN VAN A',
    counterAccountNumber: '8888888888',
    counterAccountBankId: '970415',
    counterAccountBankName: 'VietinBank',
  },
};
const KEY = 'mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs';
const HEADER =
  't=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3';

test('casso: the published sample verifies; a changed amount or key does not', () => {
  const sig = readSignatureHeader(HEADER);
  assert.ok(sig);
  assert.equal(cassoSignature(KEY, sig.t, SAMPLE), sig.v1);
  assert.equal(signatureValid(KEY, sig, SAMPLE), true);
  assert.equal(signatureValid(KEY, sig, { ...SAMPLE, data: { ...SAMPLE.data, amount: 599001 } }), false);
  assert.equal(signatureValid(`${KEY}x`, sig, SAMPLE), false);
  assert.equal(readSignatureHeader('v1=abc'), null);
  assert.equal(readSignatureHeader('t=1727948258788,v1=zz'), null);
});

test('casso: freshness window of 5 minutes', () => {
  const t = 1727948258788;
  assert.equal(isFresh(String(t), t + 4 * 60_000), true);
  assert.equal(isFresh(String(t), t + 6 * 60_000), false);
  assert.equal(isFresh(String(t), t - 2 * 60_000), false);
  assert.equal(isFresh(String(Math.floor(t / 1000)), t + 1000), true);
});

test('casso: the delivery read into transfers, money out left out', () => {
  const r = readCassoDelivery(SAMPLE);
  assert.notEqual(r, 'malformed');
  if (r === 'malformed') return;
  assert.deepEqual(r.transfers[0], {
    id: '0',
    reference: 'MA_GIAO_DICH_THU_NGHIEM',
    description: 'giao dich thu nghiem',
    amountVnd: 599000,
    bookedAt: new Date('2024-10-03T08:06:37.000Z'),
    accountNumber: '88888888',
    payerName: 'NGUYEN VAN A',
    payerAccount: '8888888888',
  });
  const out = readCassoDelivery({ error: 0, data: { ...SAMPLE.data, amount: -10000 } });
  assert.deepEqual(out, { transfers: [] });
  assert.equal(readCassoDelivery({ error: 0 }), 'malformed');
  assert.equal(readCassoDelivery({ error: 0, data: { ...SAMPLE.data, transactionDateTime: 'hôm nay' } }), 'malformed');
});
