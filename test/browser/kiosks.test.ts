/**
 * The listing kiosk and the LED board in headless Chromium: tapping through field → procedure → Back → Home on a
 * 1080×1920 portrait touch screen and at 320 px, the idle return, the offline notice and its recovery, a message
 * edited by the desk showing on the open kiosk without a restart, the board's rotation (and all messages stacked
 * without JavaScript); axe finds no WCAG 2.1 AA violation. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();
const UNIT = 'cao-lanh-phuong-1';

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** Every link and button on the screen is at least 48 × 48 px (WCAG 2.5.5 enhanced, the kiosk's own rule). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('a, button'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
      .map(({ el, r }) => `${el.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

for (const size of [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: '320', width: 320, height: 640 },
]) {
  test(`a citizen taps through field → procedure → Back → Home (${size.width}×${size.height})`, async () => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'vi-VN', hasTouch: true });
    const page = await context.newPage();
    assert.equal((await page.goto(`${base}/kiosk/${UNIT}`))?.status(), 200);
    assert.equal(await page.locator('.k-unit').textContent(), 'Phường 1');
    assert.deepEqual(await smallTargets(page), []);
    await check(page, `kiosk-start-${size.name}`);

    const tile = page.locator('.k-tile').first();
    const field = (await tile.locator('.k-tile-name').textContent()) as string;
    await tile.tap();
    await page.waitForURL(/\/linh-vuc\//);
    assert.ok(((await page.locator('h1').textContent()) as string).includes(field));
    assert.deepEqual(await smallTargets(page), []);
    await check(page, `kiosk-field-${size.name}`);

    const item = page.locator('.k-item').first();
    const name = (await item.locator('.k-item-name').textContent()) as string;
    await item.tap();
    await page.waitForURL(/\/thu-tuc\//);
    assert.equal(await page.locator('h1').textContent(), name);
    for (const heading of ['Giấy tờ cần mang theo', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Nộp hồ sơ ở đâu, khi nào', 'Nộp trực tuyến']) {
      assert.ok(await page.getByRole('heading', { name: heading }).isVisible(), heading);
    }
    assert.deepEqual(await smallTargets(page), []);
    await check(page, `kiosk-procedure-${size.name}`);

    await page.getByRole('link', { name: 'Quay lại' }).tap();
    await page.waitForURL(/\/linh-vuc\//);
    await page.getByRole('link', { name: 'Trang đầu' }).tap();
    await page.waitForURL(`${base}/kiosk/${UNIT}`);
    await context.close();
  });
}

test('an idle kiosk returns to its start screen by itself', async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/kiosk/${UNIT}?idle=2`);
  await page.locator('.k-tile').first().click();
  await page.waitForURL(/\/linh-vuc\/[^?]+\?idle=2$/);
  await page.waitForURL(`${base}/kiosk/${UNIT}?idle=2`, { timeout: 8000 });
  await context.close();
});

test('losing the network shows a clear notice and keeps the screen; the kiosk recovers by itself', async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/kiosk/${UNIT}?poll=1`);
  await page.locator('.k-tile').first().click();
  await page.locator('.k-item').first().click();
  await page.waitForURL(/\/thu-tuc\//);
  const url = page.url();
  const notice = page.locator('#k-offline');
  assert.equal(await notice.getAttribute('aria-live'), 'assertive');
  assert.equal(await notice.isVisible(), false, 'hidden while online');

  await page.route('**/kiosk/*/version', (route) => route.abort('internetdisconnected'));
  await page.waitForFunction(() => document.getElementById('k-offline')?.textContent === 'Mất kết nối mạng — đang thử lại…', null, { timeout: 8000 });
  assert.equal(await notice.isVisible(), true);
  assert.equal(page.url(), url, 'the last screen stays');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('kiosk-offline-portrait') });

  await page.unroute('**/kiosk/*/version');
  await page.waitForFunction(() => document.getElementById('k-offline')?.textContent === '', null, { timeout: 8000 });
  assert.equal(await notice.isVisible(), false);
  assert.equal(page.url(), url);
  await context.close();
});

test('a message the desk adds shows on an open kiosk and board without restarting them', async () => {
  const kiosk = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
  const screen = await kiosk.newPage();
  await screen.goto(`${base}/kiosk/${UNIT}?poll=1`);
  const board = await kiosk.newPage();
  await board.goto(`${base}/kiosk/${UNIT}/bang-led?poll=1&rotate=1`);

  const staff = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const desk = await staff.newPage();
  await signInAs(desk, base, 'motcua.phuong1');
  await desk.goto(`${base}/quan-tri/bang-led`);
  assert.deepEqual(await axeViolations(desk), []);
  await desk.getByLabel('Nội dung (tối đa 300 ký tự)').fill('Chiều thứ Sáu tuần này Bộ phận Một cửa làm việc đến 16:00.');
  await desk.getByRole('button', { name: 'Thêm thông điệp' }).click();
  await desk.waitForURL(/\/quan-tri\/bang-led\?unit=/);
  await desk.screenshot({ path: screenshotPath('kiosk-staff-messages-360'), fullPage: true });

  await screen.getByText('Chiều thứ Sáu tuần này').waitFor({ timeout: 10000 });
  await board.locator('.led-slide', { hasText: 'Chiều thứ Sáu tuần này' }).waitFor({ state: 'attached', timeout: 10000 });
  await staff.close();
  await kiosk.close();
});

test('the LED board shows one message at a time and rotates; without JavaScript every message is stacked', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/kiosk/${UNIT}/bang-led?rotate=1`))?.status(), 200);
  const visible = () => page.locator('.led-slide:visible').getAttribute('data-slide');
  assert.equal(await page.locator('.led-slide:visible').count(), 1);
  const first = await visible();
  await page.waitForFunction((f) => document.querySelector('.led-slide.led-active')?.getAttribute('data-slide') !== f, first, { timeout: 5000 });
  assert.notEqual(await visible(), first);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('led-board-1920') });
  // The figures slide, whenever it comes round.
  await page.locator('dl.led-figures').waitFor({ state: 'visible', timeout: 15000 });
  await page.screenshot({ path: screenshotPath('led-board-figures-1920') });
  // Whoever reads at the board can stop the rotation (WCAG 2.2.2) and start it again.
  const pause = page.getByRole('button', { name: 'Tạm dừng' });
  await pause.click();
  const held = await visible();
  await page.waitForTimeout(2500);
  assert.equal(await visible(), held, 'paused: the same message after two rotation periods');
  assert.equal(await page.getByRole('button', { name: 'Tiếp tục' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.waitForFunction((f) => document.querySelector('.led-slide.led-active')?.getAttribute('data-slide') !== f, held, { timeout: 5000 });
  await context.close();

  const plain = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN', javaScriptEnabled: false });
  const still = await plain.newPage();
  await still.goto(`${base}/kiosk/${UNIT}/bang-led`);
  const total = await still.locator('.led-slide').count();
  assert.ok(total >= 5, 'the four commitments and the figures');
  assert.equal(await still.locator('.led-slide:visible').count(), total);
  await still.screenshot({ path: screenshotPath('led-board-nojs-320'), fullPage: true });
  await plain.close();
});

test('an unknown unit shows a clear Vietnamese page, and it passes axe', async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/kiosk/khong-co-don-vi`))?.status(), 404);
  assert.ok(await page.getByRole('heading', { name: 'Không tìm thấy đơn vị' }).isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('kiosk-unknown-unit') });
  await context.close();
});
