/**
 * The pages the QR guide sheets open, in a real browser at 320 px on the demo data: a ward's procedures by field and
 * one field's procedures pass axe (WCAG 2.1 AA), do not scroll sideways and lead on to the procedure pages; the
 * unknown-field page is a Vietnamese 404; the staff page offers the whole set. Screenshots go to test-results/screenshots/.
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
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`${name}-320`), fullPage: true });
}

test('a ward’s procedures by field and one field’s page, at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/thu-tuc/don-vi/cao-lanh-phuong-1`))?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Thủ tục hành chính tại Phường 1');
  assert.ok((await page.getByRole('heading', { level: 2 }).count()) >= 3, 'several fields');
  await check(page, 'guide-unit');

  await page.getByRole('heading', { level: 2, name: 'Hộ tịch', exact: true }).getByRole('link').click();
  await page.waitForURL(/\/thu-tuc\/don-vi\/cao-lanh-phuong-1\/linh-vuc\/ho-tich$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Hộ tịch');
  assert.ok(await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).isVisible());
  await check(page, 'guide-field');
  assert.equal(
    await page.getByRole('link', { name: /Phiếu hướng dẫn bằng mã QR: Hộ tịch/ }).getAttribute('href'),
    '/thu-tuc/don-vi/cao-lanh-phuong-1/linh-vuc/ho-tich/phieu-huong-dan.pdf',
  );

  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
  await page.waitForURL(/\/thu-tuc\/1\.001193$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Đăng ký khai sinh');

  assert.equal((await page.goto(`${base}/thu-tuc/don-vi/cao-lanh-phuong-1/linh-vuc/khong-co`))?.status(), 404);
  assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Không tìm thấy lĩnh vực/);
  await check(page, 'guide-field-404');
  await context.close();
});

test('without JavaScript the pages read and link the same', async () => {
  // axe needs JavaScript in the page, so this context only walks the links.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN', javaScriptEnabled: false });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/thu-tuc/don-vi/cao-lanh-phuong-1`))?.status(), 200);
  await page.getByRole('heading', { level: 2, name: 'Chứng thực', exact: true }).getByRole('link').click();
  await page.waitForURL(/\/linh-vuc\/chung-thuc$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Chứng thực');
  await context.close();
});

test('the staff page lists the unit’s sheets and the whole set', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'lanhdao.caolanh');
  assert.equal((await page.goto(`${base}/quan-tri/huong-dan-qr?unit=cao-lanh-phuong-1`))?.status(), 200);
  assert.equal(await page.getByRole('link', { name: /In cả bộ phiếu/ }).getAttribute('href'), '/quan-tri/huong-dan-qr/cao-lanh-phuong-1/bo-phieu.pdf');
  await check(page, 'guide-staff');
  const pdf = await page.request.get(`${base}/quan-tri/huong-dan-qr/cao-lanh-phuong-1/bo-phieu.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  await context.close();
});
