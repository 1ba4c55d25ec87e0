/**
 * Online submission in a real browser at 320 px, on the demo data: from the procedure page to the form, a file too
 * big and a file of the wrong type told before upload (with JavaScript, in the server's words), then a real PDF
 * attached and the dossier filed, the confirmation with code and appointment, and the tracking page. The same filing
 * with JavaScript disabled lands on the same confirmation, and there the server tells the oversize file in the same
 * words. axe finds no WCAG 2.1 AA violation; screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();
const PROCEDURE = '1.001193';
const UNIT = 'cao-lanh-phuong-1';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const BIG = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
PDF.copy(BIG);

async function look(page: Page, name: string, axe: boolean) {
  if (axe) assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`submissions-${name}-320`), fullPage: true });
}

async function fillApplicant(page: Page, name: string, idNumber: string) {
  await page.locator('#f-unit').selectOption(UNIT);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Số định danh cá nhân (số căn cước)').fill(idNumber);
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
  await page.locator('#f-consent').check();
}

test('with JavaScript: files checked before upload, then the dossier filed and tracked', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  assert.equal((await page.goto(`${base}/thu-tuc/${PROCEDURE}`))?.status(), 200);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến cho thủ tục này' }).click();
  await page.waitForURL(new RegExp(`/nop-truc-tuyen/${PROCEDURE}$`));
  await fillApplicant(page, 'Phạm Minh Khang', '087095001111');
  await look(page, 'form', true);

  const second = page.locator('#f-doc-1');
  await second.setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: BIG });
  await page.locator('#f-doc-1-error').waitFor();
  assert.equal(await page.locator('#f-doc-1-error').textContent(), 'Tệp lớn hơn 10 MB');
  assert.equal(await second.getAttribute('aria-invalid'), 'true');
  const first = page.locator('#f-doc-0');
  await first.setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a not a pdf') });
  await page.locator('#f-doc-0-error').waitFor();
  assert.equal(await page.locator('#f-doc-0-error').textContent(), 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Chỉ nhận tệp PDF, JPEG hoặc PNG.*Tệp lớn hơn 10 MB/);
  assert.deepEqual(posts, [], 'nothing was uploaded');
  assert.match(page.url(), new RegExp(`/nop-truc-tuyen/${PROCEDURE}$`));
  await look(page, 'file-errors-js', true);

  await first.setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
  await second.setInputFiles([]);
  assert.equal(await page.locator('#f-doc-0-error').count(), 0, 'the error goes once the file is right');
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.waitForURL(/\/nop-truc-tuyen\/da-nop\//);
  assert.equal(posts.length, 1);
  const code = ((await page.locator('.sub-code').textContent()) ?? '').trim();
  assert.match(code, /^[A-Z0-9.]+-[0-9]{6}-[0-9]{4,6}$/);
  assert.match((await page.locator('.sub-due').textContent()) ?? '', /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/);
  await look(page, 'done', true);

  await page.getByRole('link', { name: 'Tra cứu hồ sơ này' }).click();
  await page.waitForURL(/\/tra-cuu\?ma=/);
  assert.equal(await page.getByLabel('Mã hồ sơ (trên giấy tiếp nhận)').inputValue(), code);
  await page.getByLabel('4 số cuối số định danh cá nhân hoặc số điện thoại').fill('1111');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.waitForURL(/check=1111/);
  assert.match((await page.locator('#kq').textContent()) ?? '', new RegExp(code.replace(/\./g, '\\.')));
  await look(page, 'tracked', true);
  await context.close();
});

test('without JavaScript: the server tells the oversize file in the same words, and the same filing works', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN', javaScriptEnabled: false });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/nop-truc-tuyen/${PROCEDURE}?unit=${UNIT}`))?.status(), 200);
  assert.equal(await page.locator('#f-unit').inputValue(), UNIT, '?unit= preselects the unit');
  await fillApplicant(page, 'Võ Thị Lan', '087195002222');
  await page.locator('#f-doc-0').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.locator('#f-doc-1').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: BIG });
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.waitForLoadState();
  assert.equal(await page.locator('#f-doc-1-error').textContent(), 'Tệp lớn hơn 10 MB', 'the same words as the script');
  assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Võ Thị Lan', 'typed input kept');
  assert.equal(await page.locator('#f-consent').isChecked(), true);
  await look(page, 'file-errors-nojs', false);

  // Files are never sent back by a browser: choose them again.
  await page.locator('#f-doc-0').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.waitForURL(/\/nop-truc-tuyen\/da-nop\//);
  const code = ((await page.locator('.sub-code').textContent()) ?? '').trim();
  assert.match(code, /^[A-Z0-9.]+-[0-9]{6}-[0-9]{4,6}$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /Đã nộp hồ sơ/);
  await look(page, 'done-nojs', false);
  await context.close();
});
