/**
 * A citizen in a real browser at 320 px: from the start page, through the local VNeID stand-in's sign-in and consent
 * pages, back to their own page with their details and dossiers; the citizen pages and the sign-in error page pass axe
 * (WCAG 2.1 AA) and do not scroll sideways. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUnit, startSystem } from '../helpers.ts';
import { startVneidStandIn, TUYET } from '../integration/citizens-support.ts';
import { makeProcedure, receiveDirect } from '../integration/dossiers-support.ts';
import { freePort } from '../processes.ts';
import { axeViolations, screenshotPath, sharedBrowser } from './browser.ts';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { env } = await startVneidStandIn(base);
const sys = await startSystem(env);
await sys.app.listen({ port, host: '127.0.0.1' });
const unit = await makeUnit(sys, { name: 'Phường Mỹ Phú' });
const procedure = await makeProcedure(sys, { days: 5, name: 'Đăng ký khai sinh' });
const mine = await receiveDirect(sys, unit, procedure, TUYET.claims.idNumber);
const theirs = await receiveDirect(sys, unit, procedure, '087085004321');
const browser = await sharedBrowser();

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`${name}-320`), fullPage: true });
}

test('a citizen signs in with VNeID in the browser and sees their own page at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/cong-dan`))?.status(), 200);
  await check(page, 'citizen-start');

  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử VNeID' }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel(/Trần Thị Ánh Tuyết/).check();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đồng ý' }).click();
  await page.waitForURL(`${base}/cong-dan`);

  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Xin chào, Trần Thị Ánh Tuyết');
  assert.equal(await page.getByRole('status').textContent(), 'Đã đăng nhập bằng VNeID');
  assert.equal(await page.getByRole('link', { name: mine.code }).count(), 1);
  assert.equal(await page.getByText(theirs.code).count(), 0);
  await check(page, 'citizen-home');

  assert.equal((await page.goto(`${base}/cong-dan/ho-so`))?.status(), 200);
  await check(page, 'citizen-dossiers');
  await page.getByRole('link', { name: mine.code }).click();
  await page.waitForURL(/\/tra-cuu\?code=/);
  assert.ok((await page.content()).includes('Đăng ký khai sinh'), 'the tracking page shows the dossier');

  await page.goto(`${base}/cong-dan`);
  await page.locator('main').getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(`${base}/cong-dan`);
  assert.equal(await page.getByRole('status').first().textContent(), 'Đã đăng xuất');
  assert.equal(await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử VNeID' }).count(), 1);
  await context.close();
});

test('the sign-in error page is accessible and offers to start again', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/cong-dan/dang-nhap/vneid/callback?code=abc&state=khong-co`))?.status(), 400);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Phiên đăng nhập VNeID không hợp lệ hoặc đã được dùng, hãy đăng nhập lại');
  await check(page, 'citizen-sign-in-error');
  await context.close();
});
