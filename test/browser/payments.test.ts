/**
 * The desk's payment page in a real browser: the demo clerk opens a dossier's fees, the page passes axe (WCAG 2.1 AA)
 * at 320 px and 1280 px without sideways scrolling, and the VietQR as drawn on screen decodes (screenshot + jsQR) to
 * the payload the API gives. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsqrModule from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { loadDemoData } from '../../src/demo.ts';
import { receiveDossier } from '../../src/modules/dossiers/index.ts';
import { addFee, decodeVietQr, saveAccount } from '../../src/modules/payments/index.ts';
import { findUnitByCode, type UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

type JsQr = typeof jsqrModule.default;
const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const sys = await startSystem();
await loadDemoData(sys.platform);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await sharedBrowser();

const unit = (await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-1')) as UnitRow;
const actor = systemActor('test');
const dossier = await inTransaction(sys.platform.db, async (tx) => {
  await saveAccount(tx, actor, unit.id, null, {
    bankBin: '970405',
    accountNo: '6300205123456',
    accountName: 'UBND PHUONG 1',
    bankName: null,
    target: 'account',
    counter: null,
    isDefault: true,
    active: true,
  });
  const d = await receiveDossier(
    tx,
    actor,
    unit,
    { unit: unit.code, procedure: '1.001193', channel: 'desk', applicant: { name: 'Lê Thị Ngọc Ánh', idNumber: '087190001234', phone: '0912345678' } },
    new Date(),
    null,
  );
  await addFee(tx, actor, d, { name: 'Lệ phí đăng ký khai sinh quá hạn', amountVnd: 8000, kind: 'charge', counter: null });
  return d;
});

function decodeScreenshot(buf: Buffer): string | null {
  const png = PNG.sync.read(buf);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

async function check(page: Page, name: string, width: number) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${width}px`);
  await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
}

for (const width of [320, 1280]) {
  test(`the desk payment page at ${width} px: accessible, and its VietQR decodes from the screen`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInAs(page, base, 'motcua.phuong1');
    assert.equal((await page.goto(`${base}/mot-cua/ho-so/${dossier.code}/thanh-toan`))?.status(), 200);
    await check(page, 'payments-desk', width);

    const api = await page.request.get(`${base}/api/v1/payments/dossiers/${dossier.code}/fees`);
    const fee = ((await api.json()) as { fees: { vietqr: string; reference: string }[] }).fees[0] as { vietqr: string; reference: string };
    const qr = page.locator('figure.vietqr img').first();
    await qr.scrollIntoViewIfNeeded();
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 200, `QR drawn ${box?.width}px wide`);
    // The box is in viewport coordinates once scrolled into view: clip the viewport, not the full page.
    const shot = await page.screenshot({ clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: box.height + 32 } });
    const payload = decodeScreenshot(shot);
    assert.equal(payload, fee.vietqr);
    const fields = decodeVietQr(payload as string);
    assert.ok(fields.ok && fields.fields.amountVnd === 8000 && fields.fields.purpose === fee.reference && fields.fields.bankBin === '970405');

    // Cash at the counter from the same page, without JavaScript tricks: a plain form post.
    if (width === 1280) {
      await page.getByRole('button', { name: /Đã thu tiền mặt/ }).click();
      await page.waitForURL(/\/thanh-toan$/);
      assert.ok(await page.getByText('Đã nộp', { exact: true }).count());
      assert.ok((await page.getByRole('button', { name: 'Lập và in biên lai' }).count()) === 0);
      assert.ok(await page.getByRole('link', { name: 'In biên lai (PDF)' }).count());
      await check(page, 'payments-desk-paid', width);
    }
    await context.close();
  });
}
