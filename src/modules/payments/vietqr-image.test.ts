/** Our VietQR payloads survive being drawn as a QR image: qrPng → PNG → jsQR (an independent decoder) → decodeVietQr. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng } from '../../platform/documents/index.ts';
import { decodeVietQr, encodeVietQr, type VietQrFields } from './rules/vietqr.ts';

type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const cases: VietQrFields[] = [
  { bankBin: '970436', accountNo: '0071000123456', target: 'account', amountVnd: 150000, purpose: 'GDABCDEFGHJK' },
  { bankBin: '970405', accountNo: '6300205123456', target: 'account', amountVnd: null, purpose: null },
  { bankBin: '970418', accountNo: '9704180012345678', target: 'card', amountVnd: 2_050_000_000, purpose: 'GD23456789AB' },
];

for (const f of cases) {
  test(`vietqr image: ${f.bankBin} ${f.amountVnd ?? 'static'} decodes back from the PNG`, async () => {
    const payload = encodeVietQr(f);
    for (const scale of [2, 6]) {
      const png = PNG.sync.read(await qrPng(payload, { scale }));
      const read = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
      assert.equal(read, payload, `scale ${scale}`);
      const d = decodeVietQr(read as string);
      assert.ok(d.ok);
      if (d.ok) assert.deepEqual(d.fields, f);
    }
  });
}
