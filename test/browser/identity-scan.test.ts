/**
 * The ID-card scan script in a real Chromium, on the desk's card-check page (/mot-cua/quet-cccd):
 * - a handheld scanner (keystrokes) that sends Enter in the middle of the code: the whole code is still read;
 * - the camera: Chromium's fake camera plays a video of a card's QR code; the script decodes it and submits;
 * - without a camera the reason is said in the live region;
 * - the page passes axe (WCAG 2.1 AA) and fits a 360 px phone.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CARDS, sample } from '../../src/modules/identity/rules/samples.ts';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';
import { fakeCameraArgs, qrVideo } from './qr-video.ts';

const base = await startDemoServer();

test('a handheld scanner that sends Enter mid-code: the whole code is read, not a cut-short half', async () => {
  const browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');
  assert.equal((await page.goto(`${base}/mot-cua/quet-cccd`))?.status(), 200);
  assert.deepEqual(await axeViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px at 360px`);
  await page.screenshot({ path: screenshotPath('identity-scan-360'), fullPage: true });

  const qr = sample(CARDS.khoi);
  const input = page.locator('#f-qr');
  await input.focus();
  await page.keyboard.type(qr.slice(0, 40));
  await page.keyboard.press('Enter'); // the scanner's stray Enter in the middle of the code
  await page.keyboard.type(qr.slice(40));
  await Promise.all([page.waitForURL(`${base}/mot-cua/quet-cccd`), page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.locator('[data-field="fullName"]').waitFor();
  assert.equal(await page.locator('[data-field="idNumber"]').textContent(), '001205004321');
  assert.equal(await page.locator('[data-field="fullName"]').textContent(), 'Lê Minh Khôi');
  assert.equal(await page.locator('[data-field="issueDate"]').textContent(), '01/08/2024');
  assert.deepEqual(await page.locator('[data-cccd-result] ol li').allTextContents(), ['(trống)', 'Lê Văn Hùng', 'Phạm Thị Lan']);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('identity-scan-result-360'), fullPage: true });

  // A plain Enter on a whole code still submits at once, and a refusal is explained.
  await page.locator('#f-qr').fill(sample(CARDS.tuyet, { sex: 'Nuwx' }));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('#f-qr').press('Enter')]);
  await page.locator('.error-summary').waitFor();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /tắt bộ gõ tiếng Việt/);
  assert.equal(await page.locator('#f-qr').inputValue(), '');

  // No camera in this browser: the reason is said in the live region, and the scanner box still works.
  await page.getByRole('button', { name: 'Quét bằng camera' }).click();
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-cccd-status]')?.textContent ?? '').includes('camera') &&
      !document.querySelector('[data-cccd-status]')?.textContent?.startsWith('Đang'),
  );
  assert.match((await page.locator('[data-cccd-status]').textContent()) ?? '', /camera/);
  await context.close();
});

test('the camera: the fake camera shows a card’s QR code, the script reads it and submits it', async () => {
  const video = await qrVideo(sample(CARDS.tuyet));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)],
  });
  after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', permissions: ['camera'] });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');
  await page.goto(`${base}/mot-cua/quet-cccd`);
  const open = page.getByRole('button', { name: 'Quét bằng camera' });
  await open.waitFor();
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 20_000 }), open.click()]);
  await page.locator('[data-field="fullName"]').waitFor();
  assert.equal(await page.locator('[data-field="fullName"]').textContent(), 'Nguyễn Thị Ánh Tuyết');
  assert.equal(await page.locator('[data-field="address"]').textContent(), 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp');
  assert.equal(await page.locator('[data-field="sex"]').textContent(), 'Nữ');

  await context.close();
});
