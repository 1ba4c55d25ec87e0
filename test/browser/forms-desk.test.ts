/**
 * "The citizen doesn't write", in a real browser: the demo clerk opens a new declaration set, a scanner TYPES the
 * ID-card QR into the scan box and presses Enter, the set opens with the requester filled, the clerk types the
 * child's name and saves, the printed PDF holds both names with their diacritics, and the clerk receives the dossier
 * from the set page, landing on the dossier page with its code. The pages pass axe and fit
 * a 360 px phone; screenshots go to test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { pdfText } from '../pdf.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();
const QR = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 360px`);
  await page.screenshot({ path: screenshotPath(`${name}-360`), fullPage: true });
}

test('the demo clerk scans a card by typing it with Enter, types the child’s name once and prints the birth declaration', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');

  assert.equal((await page.goto(`${base}/mot-cua/to-khai/moi`))?.status(), 200);
  await page.locator('#f-procedure').selectOption('1.001193');
  await check(page, 'forms-new-set');
  // The scan box has the focus on arrival; the handheld scanner types the payload and a trailing Enter.
  await page.locator('#f-qr').focus();
  await page.keyboard.type(QR);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/mot-cua\/to-khai\/\d+$/);
  assert.equal(await page.locator('[name="requester.fullName"]').inputValue(), 'Nguyễn Thị Ánh Tuyết');
  assert.ok(await page.getByText('Cần kiểm tra lại thẻ').count(), 'card warning shown');

  await page.locator('[name="authority"]').fill('Ủy ban nhân dân phường Cao Lãnh');
  await page.locator('[name="birth.relation"]').fill('Mẹ');
  await page.locator('[name="child.fullName"]').fill('Trần Ngọc Bảo Hân');
  await page.locator('[name="child.dateOfBirth"]').fill('2026-03-02');
  await page.locator('[name="child.sex"]').selectOption('Nữ');
  await page.locator('[name="child.ethnicity"]').fill('Kinh');
  await page.locator('[name="child.nationality"]').fill('Việt Nam');
  await page.locator('[name="child.placeOfBirth"]').fill('Bệnh viện Đa khoa Đồng Tháp');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL(/\/mot-cua\/to-khai\/\d+$/);
  assert.ok(await page.getByText('Đã lưu bộ tờ khai').count(), 'saved');
  await check(page, 'forms-set');

  const href = await page.getByRole('link', { name: /In Tờ khai đăng ký khai sinh/ }).getAttribute('href');
  const pdf = await page.request.get(`${base}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const text = pdfText(Buffer.from(await pdf.body())).replace(/\s+/g, ' ');
  assert.ok(text.includes('Trần Ngọc Bảo Hân'), 'child name in the PDF');
  assert.ok(text.includes('Nguyễn Thị Ánh Tuyết'), 'requester name in the PDF');

  // Signed: the clerk receives the dossier from the set page; the applicant is the scanned card, shown read-only.
  const setUrl = page.url();
  const intake = page.locator('section[aria-labelledby="tiep-nhan"]');
  assert.equal(await intake.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).count(), 1);
  assert.ok(await intake.getByText('Nguyễn Thị Ánh Tuyết', { exact: true }).count(), 'applicant from the card');
  assert.equal(await page.locator('#f-procedure').inputValue(), '1.001193');
  await page.getByLabel('Tờ khai đăng ký khai sinh', { exact: true }).check();
  await page.locator('#f-phone').fill('0912 345 678');
  await intake.scrollIntoViewIfNeeded();
  await check(page, 'forms-set-intake');
  await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
  await page.waitForURL(/\/mot-cua\/ho-so\/[^/]+$/);
  const code = decodeURIComponent(page.url().split('/').pop() as string);
  assert.ok(await page.getByText(`Đã tiếp nhận hồ sơ ${code}`).count(), 'flash with the code on the dossier page');
  assert.ok(await page.getByText('Nguyễn Thị Ánh Tuyết').count(), 'applicant on the dossier page');
  await page.screenshot({ path: screenshotPath('forms-dossier-received-360'), fullPage: true });
  // The set now names its dossier, and today's list shows which sets became dossiers.
  await page.goto(setUrl);
  assert.equal(await page.getByRole('link', { name: code, exact: true }).count(), 1);
  await check(page, 'forms-set-received');

  assert.equal((await page.goto(`${base}/mot-cua/to-khai`))?.status(), 200);
  assert.ok(await page.getByRole('link', { name: code, exact: true }).count(), 'the list links the dossier');
  await check(page, 'forms-today');
  await context.close();
});

test('a damaged scan shows the reader’s error and fills nothing', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');
  await page.goto(`${base}/mot-cua/to-khai/moi?procedure=1.004873`);
  await page.locator('#f-qr').focus();
  await page.keyboard.type('001099012345|Nguyễn Thị Ánh');
  // cccd-scan.js waits a moment after the Enter (a cut-short payload may still be arriving), then submits.
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/mot-cua/to-khai'));
  await page.keyboard.press('Enter');
  assert.equal((await answer).status(), 422);
  await page.locator('.error-summary').waitFor();
  assert.match(page.url(), /\/mot-cua\/to-khai(\?|$)/);
  assert.equal(await page.locator('#f-qr').inputValue(), '');
  await check(page, 'forms-bad-scan');
  await context.close();
});
