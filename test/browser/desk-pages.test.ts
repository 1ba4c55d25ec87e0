/**
 * The one-stop desk in a real browser: the demo clerk receives a dossier through the form, accepts it, and finds the
 * slips to print; /mot-cua, the new-dossier form and the dossier page pass axe (WCAG 2.1 AA) and fit a 360 px phone.
 * Screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 360px`);
  await page.screenshot({ path: screenshotPath(`${name}-360`), fullPage: true });
}

test('the demo clerk receives and accepts a dossier at 360 px, and the page offers its slips', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');

  assert.equal((await page.goto(`${base}/mot-cua`))?.status(), 200);
  assert.ok(await page.getByRole('link', { name: 'Excel' }).count(), 'register book link');
  await check(page, 'desk-queue');

  assert.equal((await page.goto(`${base}/mot-cua/ho-so/moi?procedure=1.001193`))?.status(), 200);
  await page.locator('input[name="documents"]').first().check();
  await page.locator('#f-applicantName').fill('Lê Thị Ngọc Ánh');
  await page.locator('#f-applicantIdNumber').fill('087190001234');
  await page.locator('#f-applicantPhone').fill('0912 345 678');
  await page.locator('#f-applicantAddress').fill('Số 5, đường Nguyễn Huệ, Phường 1');
  await check(page, 'desk-new-dossier');
  await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
  await page.waitForURL(/\/mot-cua\/ho-so\/[^/]+-\d{6}-\d{4}$/);
  const code = decodeURIComponent(page.url().split('/').pop() as string);

  await page.getByText('Tiếp nhận hồ sơ (đủ thành phần)', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ (đủ thành phần)' }).click();
  await page.waitForURL(new RegExp(`/mot-cua/ho-so/${code.replace(/\./g, '\\.')}$`));
  const slips = page.locator('section.slips a');
  assert.deepEqual(await slips.allTextContents(), ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'Phiếu kiểm soát quá trình giải quyết hồ sơ']);
  await check(page, 'desk-dossier');

  const receipt = await page.request.get(`${base}/api/v1/dossiers/${code}/slips/receipt.pdf`);
  assert.equal(receipt.status(), 200);
  assert.equal(receipt.headers()['content-type'], 'application/pdf');
  assert.equal((await receipt.body()).subarray(0, 5).toString(), '%PDF-');
  await context.close();
});
