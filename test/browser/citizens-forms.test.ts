/**
 * A citizen signed in through the local VNeID stand-in opens the list of forms and the birth-registration form at 320 px:
 * the boxes about them are pre-filled, the page and its error state pass axe (WCAG 2.1 AA) and do not scroll sideways.
 * Screenshots go to screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSystem } from '../helpers.ts';
import { startVneidStandIn } from '../integration/citizens-support.ts';
import { freePort } from '../processes.ts';
import { axeViolations, screenshotPath, sharedBrowser } from './browser.ts';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { env } = await startVneidStandIn(base);
const sys = await startSystem(env);
await sys.app.listen({ port, host: '127.0.0.1' });
const browser = await sharedBrowser();

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`${name}-320`), fullPage: true });
}

test('a citizen opens a pre-filled birth registration form at 320 px, and its error state, without axe violations', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/cong-dan`);
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử VNeID' }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel(/Trần Thị Ánh Tuyết/).check();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đồng ý' }).click();
  await page.waitForURL(`${base}/cong-dan`);

  await page.getByRole('link', { name: 'Điền và in tờ khai' }).click();
  await page.waitForURL(`${base}/cong-dan/to-khai`);
  await check(page, 'citizen-forms');

  await page.getByRole('link', { name: 'Tờ khai đăng ký khai sinh' }).click();
  await page.waitForURL(`${base}/cong-dan/to-khai/birth-registration`);
  assert.equal(await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').inputValue(), 'Trần Thị Ánh Tuyết');
  assert.match(await page.getByLabel('Giấy tờ tùy thân').inputValue(), /087190001234/);
  assert.equal(await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').inputValue(), '');
  await check(page, 'citizen-form-birth');

  await page.getByLabel('Kính gửi').fill('Ủy ban nhân dân phường Cao Lãnh');
  await page.getByRole('button', { name: 'In tờ khai (PDF)' }).click();
  await page.waitForLoadState();
  assert.equal(await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Hãy nhập «Họ, chữ đệm, tên người được khai sinh»' }).count(), 1);
  assert.equal(await page.getByLabel('Kính gửi').inputValue(), 'Ủy ban nhân dân phường Cao Lãnh', 'typed input kept');
  await check(page, 'citizen-form-birth-errors');
  await context.close();
});
