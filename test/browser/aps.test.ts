/**
 * The APS self-service machine in headless Chromium on a 1080×1920 portrait touch screen: Nộp hồ sơ → field →
 * procedure → a handheld scanner types the ID card's QR code and Enter → confirm, phone, consent → the receipt with
 * its QR code; then the status check with the receipt's address typed by the scanner. axe finds no WCAG 2.1 AA
 * violation on any screen; screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();
const UNIT = 'cao-lanh-phuong-1';
const CARD = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a, button'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
      .map(({ el, r }) => `${el.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  assert.deepEqual(small, [], `${name}: touch targets of at least 48 px`);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

test('a citizen files on the machine with the ID card scan, gets the receipt, and checks the status', async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', hasTouch: true });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/kiosk/${UNIT}/aps`))?.status(), 200);
  await check(page, 'aps-start-1080');

  await page.getByRole('link', { name: /Nộp hồ sơ/ }).click();
  await page.locator('.k-tile').first().click();
  await page.locator('.k-item').first().click();
  await page.locator('#f-qr').waitFor();
  await check(page, 'aps-scan-1080');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-qr', 'the scan box has the focus: the scanner types into it');

  // The handheld scanner: keystrokes, then its Enter.
  await page.keyboard.type(CARD, { delay: 2 });
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
  await page.locator('[data-field="fullName"]').waitFor();
  assert.equal(await page.locator('[data-field="fullName"]').textContent(), 'Nguyễn Thị Ánh Tuyết');
  assert.equal(await page.locator('[data-field="idNumber"]').textContent(), '001099012345');
  await page.locator('#f-applicantPhone').fill('0912345678');
  await page.locator('#f-consent').check();
  await check(page, 'aps-confirm-1080');

  await Promise.all([page.waitForURL(/\/aps\/bien-nhan\//), page.getByRole('button', { name: 'Nộp hồ sơ' }).click()]);
  const code = (await page.locator('.aps-code').textContent())?.trim() as string;
  assert.match(code, /-\d{6}-\d{4}$/);
  assert.ok(await page.getByRole('button', { name: 'In phiếu' }).isVisible(), 'the print button is shown with JavaScript');
  const qrSize = await page.locator('.aps-qr img').boundingBox();
  assert.ok(qrSize && qrSize.width >= 200, 'a big QR code');
  await check(page, 'aps-receipt-1080');
  // The print stylesheet keeps only the receipt block.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.k-nav').isVisible(), false);
  assert.equal(await page.locator('.aps-buttons').isVisible(), false);
  assert.equal(await page.locator('.aps-receipt').isVisible(), true);
  await page.screenshot({ path: screenshotPath('aps-receipt-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Status: the scanner reads the receipt's QR code (its address) into the box, then the citizen types 4 digits.
  const trackingUrl = (await page.locator('.aps-qr img').getAttribute('data-tracking-url')) as string;
  await page.getByRole('link', { name: 'Xong' }).click();
  await page.getByRole('link', { name: /Tra cứu hồ sơ/ }).click();
  await page.locator('#f-ma').waitFor();
  await page.keyboard.type(trackingUrl, { delay: 2 });
  await Promise.all([page.waitForURL(/tra-cuu\?ma=/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('#f-ma').inputValue(), code);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-check', 'the 4 digits are asked for next');
  await page.keyboard.type('2345');
  await Promise.all([page.waitForURL(/check=2345/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('.aps-status').textContent(), 'Đã tiếp nhận, đang kiểm tra hồ sơ');
  await check(page, 'aps-status-1080');
  await context.close();
});

test('the machine goes back to its start screen when left idle', async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${base}/kiosk/${UNIT}/aps?idle=2`);
  await page.getByRole('link', { name: /Tra cứu hồ sơ/ }).click();
  await page.waitForURL(/\/aps\/tra-cuu/);
  await page.waitForURL(`${base}/kiosk/${UNIT}/aps?idle=2`, { timeout: 10_000 });
  await context.close();
});
