import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();

const signIn = (page: Page, username: string) => signInAs(page, base, username);

const staffPages = [
  ['unit-tree', '/quan-tri/don-vi'],
  ['unit-detail', '/quan-tri/don-vi/cao-lanh-phuong-1'],
  ['users', '/quan-tri/nguoi-dung'],
  ['user-detail', '/quan-tri/nguoi-dung/motcua.phuong1'],
  ['audit-log', '/quan-tri/nhat-ky'],
  ['calendar', '/quan-tri/lich?year=2026'],
  ['procedures', '/quan-tri/thu-tuc?q=khai sinh'],
  ['procedure', '/quan-tri/thu-tuc/1.001193'],
] as const;

test('staff pages render Vietnamese text, pass axe WCAG 2.1 AA checks, and fit a 360 px phone', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap`);
  assert.deepEqual(await axeViolations(page), [], 'sign-in page');
  await page.screenshot({ path: screenshotPath('sign-in-360'), fullPage: true });
  await signIn(page, 'admin');
  for (const [name, url] of staffPages) {
    const res = await page.goto(`${base}${url}`);
    assert.equal(res?.status(), 200, url);
    assert.deepEqual(await axeViolations(page), [], url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px at 360px`);
    await page.screenshot({ path: screenshotPath(`${name}-360`), fullPage: true });
  }
  const tree = await page.goto(`${base}/quan-tri/don-vi`);
  assert.ok(tree);
  assert.match(await page.content(), /Thành phố Cao Lãnh/);
  assert.match(await page.content(), /Thị xã Phước Long/);
  await context.close();
});

test('a unit is created through the form without JavaScript, with errors shown first', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signIn(page, 'noivu.caolanh');
  await page.goto(`${base}/quan-tri/don-vi/moi?parent=cao-lanh`);
  await page.getByLabel('Mã đơn vị (chữ thường, không dấu)').fill('Sai Mã!');
  await page.getByLabel('Tên đơn vị').fill('Khu phố Mới');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await assertSummary(page);
  await page.screenshot({ path: screenshotPath('unit-form-errors-1280'), fullPage: true });
  assert.equal(await page.getByLabel('Tên đơn vị').inputValue(), 'Khu phố Mới', 'the form keeps what was typed');
  await page.getByLabel('Mã đơn vị (chữ thường, không dấu)').fill('khu-pho-moi');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForURL(/\/quan-tri\/don-vi\/khu-pho-moi$/);
  assert.match(await page.content(), /Đã thêm đơn vị Khu phố Mới/);
  await context.close();
});

async function assertSummary(page: Page) {
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1);
  assert.match((await summary.textContent()) ?? '', /Có lỗi cần sửa/);
}

test('the interface switches to English and back', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap?lang=en`);
  assert.match(await page.content(), /Staff sign-in/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('public pages pass axe WCAG 2.1 AA checks and fit a 320 px screen', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  for (const [name, url] of [
    ['home', '/'],
    ['public-catalogue', '/thu-tuc?q=dang ky khai sinh'],
    ['public-procedure', '/thu-tuc/1.001193'],
  ] as const) {
    const res = await page.goto(`${base}${url}`);
    assert.equal(res?.status(), 200, url);
    assert.deepEqual(await axeViolations(page), [], url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px at 320px`);
    await page.screenshot({ path: screenshotPath(`${name}-320`), fullPage: true });
  }
  assert.match(await page.content(), /Đăng ký khai sinh/);
  await context.close();
});
