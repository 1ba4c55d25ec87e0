/**
 * Reform models in a real browser at 320 px: the demo Home Affairs officer of Cao Lãnh opens the compliance view of the
 * city (Phường 6 lacks the mandatory cashless model, Xã Tịnh Thới has no optional model), then the demo inspection of
 * Phường 6 with its overdue correction, and records a finding on the form. The public list of models is checked too.
 * Every page passes axe (WCAG 2.1 AA) and does not scroll sideways. Screenshots go to test-results/screenshots/.
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
  await page.screenshot({ path: screenshotPath(`reform-${name}-320`), fullPage: true });
}

test('the compliance view and an inspection with an overdue correction at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'noivu.caolanh');
  const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
  assert.equal((await page.goto(`${base}/quan-tri/mo-hinh/tuan-thu?unit=cao-lanh&year=${year}`))?.status(), 200);
  const table = (await page.locator('ul.issue-list').textContent()) ?? '';
  assert.match(table, /Phường 6/);
  assert.match(table, /Phát triển không dùng tiền mặt/);
  assert.match(table, /Xã Tịnh Thới/);
  assert.match(table, /Chưa chọn mô hình tự chọn nào/);
  await check(page, 'compliance');

  assert.equal((await page.goto(`${base}/quan-tri/kiem-tra?unit=cao-lanh`))?.status(), 200);
  await check(page, 'inspections');
  await page.getByRole('link', { name: /Kiểm tra công tác cải cách hành chính năm 2026/ }).click();
  await page.waitForURL(/\/quan-tri\/kiem-tra\/\d+$/);
  assert.match((await page.locator('main').textContent()) ?? '', /1 biện pháp khắc phục đã quá hạn/);
  assert.equal(await page.locator('.tag.late', { hasText: 'Quá hạn' }).count(), 1);
  await check(page, 'inspection');

  await page.getByLabel('Hoặc nhóm chỉ số').selectOption('progress');
  await page.getByLabel('Mức độ').selectOption('minor');
  await page.getByLabel('Nội dung kết luận').fill('Còn 2 hồ sơ trễ hạn chưa gửi thư xin lỗi <b>đúng mẫu</b>');
  await page.getByRole('button', { name: 'Ghi kết luận' }).click();
  await page.waitForURL(/\/quan-tri\/kiem-tra\/\d+#f-\d+$/);
  assert.match((await page.locator('.flash').textContent()) ?? '', /Đã ghi kết luận/);
  assert.equal(await page.getByText('<b>đúng mẫu</b>', { exact: false }).count(), 1);
  await check(page, 'finding');
  await context.close();
});

test('the public list of models and who runs them at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/mo-hinh`))?.status(), 200);
  assert.equal(await page.locator('h2').count(), 24);
  await page.locator('#m-pl-chinh-quyen-than-thien summary').click();
  assert.match((await page.locator('#m-pl-chinh-quyen-than-thien').textContent()) ?? '', /Phường Thác Mơ/);
  await check(page, 'public');
  await context.close();
});
