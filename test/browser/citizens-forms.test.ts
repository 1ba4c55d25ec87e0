/**
 * A citizen signed in through the local VNeID stand-in opens the list of forms and the birth-registration form at 320 px:
 * the boxes about them are pre-filled, the page and its error state pass axe (WCAG 2.1 AA) and do not scroll sideways.
 * On the marriage form she taps "Quét bằng camera" with Chromium's fake camera showing her groom's ID-card QR code: the
 * form comes back with his column filled and hers kept. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { startSystem } from '../helpers.ts';
import { startVneidStandIn } from '../integration/citizens-support.ts';
import { freePort } from '../processes.ts';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, screenshotPath, sharedBrowser } from './browser.ts';
import { fakeCameraArgs, qrVideo } from './qr-video.ts';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { env } = await startVneidStandIn(base);
const sys = await startSystem(env);
await sys.app.listen({ port, host: '127.0.0.1' });
const browser = await sharedBrowser();

/** Signs in as Trần Thị Ánh Tuyết through the stand-in's sign-in and consent pages. */
async function signInTuyet(page: Page) {
  await page.goto(`${base}/cong-dan`);
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử VNeID' }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel(/Trần Thị Ánh Tuyết/).check();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đồng ý' }).click();
  await page.waitForURL(`${base}/cong-dan`);
}

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`${name}-320`), fullPage: true });
}

test('a citizen opens a pre-filled birth registration form at 320 px, and its error state, without axe violations', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInTuyet(page);

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

test('at 320 px the citizen taps “Quét bằng camera”, the fake camera shows her groom’s card, his column comes back filled', async () => {
  const groom = '001088012345||Lê Văn Bình|02021988|Nam|Số 5, Phường 2, Cao Lãnh, Đồng Tháp|01072021';
  const camera = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...fakeCameraArgs(await qrVideo(groom))] });
  after(() => camera.close());
  const context = await camera.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN', permissions: ['camera'] });
  const page = await context.newPage();
  await signInTuyet(page);
  await page.goto(`${base}/cong-dan/to-khai/marriage-registration`);
  assert.equal(await page.getByRole('heading', { name: 'Quét CCCD của người khác' }).count(), 1);
  await page.getByLabel('Kính gửi').fill('Ủy ban nhân dân phường Cao Lãnh');
  await page.getByLabel('Dân tộc (bên nam)').fill('Kinh');
  const open = page.getByRole('button', { name: 'Quét bằng camera' });
  await open.waitFor();
  await check(page, 'citizen-form-marriage');

  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 20_000 }), open.click()]);
  await page.waitForLoadState('load');
  await page.getByRole('status').filter({ hasText: 'Đã điền các ô trong phần «Bên nam»' }).waitFor();
  assert.equal(await page.getByLabel('Họ, chữ đệm, tên (bên nam)').inputValue(), 'Lê Văn Bình');
  assert.equal(await page.getByLabel('Ngày, tháng, năm sinh (bên nam)').inputValue(), '1988-02-02');
  assert.match(await page.getByLabel('Giấy tờ tùy thân (bên nam)').inputValue(), /001088012345/);
  assert.equal(await page.getByLabel('Họ, chữ đệm, tên (bên nữ)').inputValue(), 'Trần Thị Ánh Tuyết', 'her own column stays');
  assert.equal(await page.getByLabel('Kính gửi').inputValue(), 'Ủy ban nhân dân phường Cao Lãnh', 'typed before the scan, kept');
  assert.equal(await page.getByLabel('Dân tộc (bên nam)').inputValue(), 'Kinh', 'typed before the scan, kept');
  assert.equal(await page.getByLabel('Mã QR trên thẻ căn cước').inputValue(), '', 'the card’s text is not put back');
  await check(page, 'citizen-form-marriage-scanned');
  await context.close();
});
