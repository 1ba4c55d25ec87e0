/**
 * Sample dossiers (hồ sơ mẫu) in a real browser at 320 px: the demo clerk of Phường 1 uploads a disguised file (told
 * what is wrong, nothing kept), then a real PDF; a citizen opens the procedure's samples page, which passes axe
 * (WCAG 2.1 AA) and does not scroll sideways, and downloads the sample and the blank declaration. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { renderPdf } from '../../src/platform/documents/index.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();
const CODE = '1.001193';

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`samples-${name}-320`), fullPage: true });
}

test('the clerk uploads a sample; the public samples page at 320 px is axe-clean and serves the files', async () => {
  const staff = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await staff.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/quan-tri/ho-so-mau`))?.status(), 200);
  await clerk.getByLabel('Thủ tục').selectOption(CODE);
  await clerk.getByLabel('Tên hồ sơ mẫu').fill('Tờ khai đăng ký khai sinh đã điền mẫu');
  await clerk.getByLabel('Tệp', { exact: true }).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Không phải PDF') });
  await clerk.getByRole('button', { name: 'Đăng hồ sơ mẫu' }).click();
  await clerk.waitForLoadState();
  assert.match((await clerk.locator('.error-summary').textContent()) ?? '', /Chỉ nhận tệp PDF, JPEG, PNG hoặc Word/);
  assert.equal(await clerk.getByLabel('Tên hồ sơ mẫu').inputValue(), 'Tờ khai đăng ký khai sinh đã điền mẫu', 'the title is kept');
  await check(clerk, 'staff-refused');

  const pdf = await renderPdf(
    { content: [{ text: 'TỜ KHAI ĐĂNG KÝ KHAI SINH (mẫu đã điền)', bold: true }, { text: 'Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn Mẫu' }] },
    { creationDate: new Date('2026-01-05T02:00:00Z') },
  );
  await clerk.getByLabel('Ghi chú cho người xem (không bắt buộc)').fill('Ghi họ tên bằng chữ in hoa, có dấu.');
  await clerk.getByLabel('Tệp', { exact: true }).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf });
  await clerk.getByRole('button', { name: 'Đăng hồ sơ mẫu' }).click();
  await clerk.waitForURL(/\/quan-tri\/ho-so-mau\?unit=cao-lanh-phuong-1$/);
  assert.match((await clerk.locator('.flash').textContent()) ?? '', /Đã đăng hồ sơ mẫu/);
  await check(clerk, 'staff-list');
  await staff.close();

  const visitor = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await visitor.newPage();
  assert.equal((await page.goto(`${base}/thu-tuc/${CODE}`))?.status(), 200);
  await page.getByRole('link', { name: 'Tải mẫu đơn, tờ khai và xem hồ sơ mẫu đã điền' }).click();
  await page.waitForURL(new RegExp(`/thu-tuc/${CODE.replace('.', '\\.')}/ho-so-mau$`));
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Mẫu đơn, tờ khai và hồ sơ mẫu' }).count(), 1);
  await check(page, 'public');

  const link = page.getByRole('link', { name: 'Tờ khai đăng ký khai sinh đã điền mẫu' });
  const href = (await link.getAttribute('href')) as string;
  assert.match(href, /^\/ho-so-mau\/\d+\/to-khai-dang-ky-khai-sinh-da-dien-mau\.pdf$/);
  const file = await page.request.get(`${base}${href}`);
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  assert.ok(Buffer.from(await file.body()).equals(pdf));
  const blank = await page.request.get(`${base}/thu-tuc/${CODE}/to-khai/birth-registration.pdf`);
  assert.equal(blank.status(), 200);
  assert.equal(blank.headers()['content-type'], 'application/pdf');

  await page.goto(`${base}/thu-tuc/${CODE}/ho-so-mau?unit=cao-lanh-phuong-2&lang=en`);
  await check(page, 'public-filtered-en');
  await visitor.close();
});
