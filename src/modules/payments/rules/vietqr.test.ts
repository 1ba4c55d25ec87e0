import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc16, decodeVietQr, encodeVietQr, purposeFrom, type VietQrFields } from './vietqr.ts';

// Published samples, CRC checked by hand with an independent CRC-16/CCITT-FALSE before being written here:
// - github.com/subiz/vietqr README.md: 120,000 đ to VietinBank (970415) account 0011001932418, purpose "ung ho lu lut".
const SUBIZ = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

test('vietqr: CRC-16/CCITT-FALSE check value', () => {
  // The catalogue check value of CRC-16/CCITT-FALSE for "123456789" is 0x29B1.
  assert.equal(crc16('123456789'), '29B1');
});

test('vietqr: decodes the published subiz/vietqr sample', () => {
  const d = decodeVietQr(SUBIZ);
  assert.deepEqual(d, {
    ok: true,
    initiation: 'dynamic',
    fields: { bankBin: '970415', accountNo: '0011001932418', target: 'account', amountVnd: 120000, purpose: 'ung ho lu lut' },
  });
});

const roundTrips: { name: string; f: VietQrFields }[] = [
  { name: 'dynamic with reference', f: { bankBin: '970436', accountNo: '1234567890', target: 'account', amountVnd: 150000, purpose: 'GDABCDEFGHJK' } },
  { name: 'static counter card', f: { bankBin: '970405', accountNo: '3600205123456', target: 'account', amountVnd: null, purpose: null } },
  { name: 'to a card', f: { bankBin: '970418', accountNo: '9704180012345678', target: 'card', amountVnd: 8000, purpose: 'GD23456789AB' } },
  { name: 'large amount', f: { bankBin: '970415', accountNo: 'A1', target: 'account', amountVnd: 100_000_000_000, purpose: 'X' } },
];
for (const c of roundTrips) {
  test(`vietqr: round trip, ${c.name}`, () => {
    const payload = encodeVietQr(c.f);
    assert.match(payload, /^000201010211|^000201010212/);
    assert.match(payload, /6304[0-9A-F]{4}$/);
    assert.ok(/^[\x20-\x7e]+$/.test(payload), 'ASCII only');
    const d = decodeVietQr(payload);
    assert.equal(d.ok, true);
    if (d.ok) {
      assert.deepEqual(d.fields, c.f);
      assert.equal(d.initiation, c.f.amountVnd === null ? 'static' : 'dynamic');
    }
  });
}

test('vietqr: a static payload has no amount field (54)', () => {
  const p = encodeVietQr({ bankBin: '970405', accountNo: '123', target: 'account', amountVnd: null, purpose: null });
  assert.equal(p, `00020101021138470010A0000007270117000697040501031230208QRIBFTTA53037045802VN6304${p.slice(-4)}`);
});

/** Re-signs a payload body (everything before '6304') so only the named defect remains. */
const signed = (body: string) => `${body}6304${crc16(`${body}6304`)}`;
const good = encodeVietQr({ bankBin: '970436', accountNo: '1234567890', target: 'account', amountVnd: 5000, purpose: 'GDABCDEFGHJK' });
const body = good.slice(0, -8);

const bad: { name: string; payload: string; error: string }[] = [
  { name: 'one digit changed (CRC catches it)', payload: good.replace('5000', '6000'), error: 'BAD_CRC' },
  { name: 'CRC in lower case of a wrong value', payload: `${good.slice(0, -4)}0000`, error: 'BAD_CRC' },
  { name: 'cut in the middle', payload: good.slice(0, 40), error: 'TRUNCATED' },
  { name: 'no CRC at all', payload: body, error: 'CRC_MISSING' },
  { name: 'empty', payload: '', error: 'CRC_MISSING' },
  { name: 'wrong GUID', payload: signed(body.replace('A000000727', 'A000000728')), error: 'WRONG_GUID' },
  { name: 'US dollars', payload: signed(body.replace('5303704', '5303840')), error: 'NOT_VND' },
  { name: 'not Vietnam', payload: signed(body.replace('5802VN', '5802SG')), error: 'NOT_VN' },
  { name: 'payload format 02', payload: signed(body.replace(/^000201/, '000202')), error: 'BAD_FORMAT' },
  { name: 'amount with decimals', payload: signed(body.replace('54045000', '54075000.50')), error: 'BAD_AMOUNT' },
  { name: 'unknown service', payload: signed(body.replace('QRIBFTTA', 'QRPUSHXX')), error: 'BAD_SERVICE' },
];
for (const c of bad) {
  test(`vietqr: refuses ${c.name}`, () => {
    const d = decodeVietQr(c.payload);
    assert.equal(d.ok, false);
    if (!d.ok) assert.equal(d.error, c.error, d.detail);
  });
}

const purposes: [string, string][] = [
  ['Lệ phí đăng ký khai sinh', 'LEPHIDANGKYKHAISINH'],
  ['Đỗ Thị Ánh — hồ sơ 30337-260213-0001', 'DOTHIANHHOSO3033726021300'],
  ['gdabcdefghjk', 'GDABCDEFGHJK'],
];
for (const [text, expected] of purposes) {
  test(`vietqr: purpose "${text}" has no Vietnamese text in the payload`, () => {
    assert.equal(purposeFrom(text), expected);
    const p = encodeVietQr({ bankBin: '970436', accountNo: '1', target: 'account', amountVnd: 1, purpose: purposeFrom(text) });
    assert.ok(/^[\x20-\x7e]+$/.test(p));
  });
}

test('vietqr: encoding refuses what would make a bad QR', () => {
  const base: VietQrFields = { bankBin: '970436', accountNo: '1', target: 'account', amountVnd: 1000, purpose: null };
  assert.throws(() => encodeVietQr({ ...base, bankBin: '97043' }), RangeError);
  assert.throws(() => encodeVietQr({ ...base, accountNo: '12-34' }), RangeError);
  assert.throws(() => encodeVietQr({ ...base, amountVnd: 0 }), RangeError);
  assert.throws(() => encodeVietQr({ ...base, amountVnd: 10.5 }), RangeError);
  assert.throws(() => encodeVietQr({ ...base, purpose: 'Lệ phí' }), RangeError);
  assert.throws(() => encodeVietQr({ ...base, purpose: 'A'.repeat(26) }), RangeError);
});
