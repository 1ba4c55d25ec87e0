/**
 * Dialogues in a real browser at 320 px: the demo leader of Cao Lãnh schedules a radio dialogue on the staff form
 * (Vietnam time), a citizen opens its public page, sends a question without signing in, and the leader sees it.
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
  await page.screenshot({ path: screenshotPath(`dialogues-${name}-320`), fullPage: true });
}

/** A Vietnam wall-clock time `days` from now at `hour`:00, for a datetime-local box. */
function vnLocal(days: number, hour: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

test('the leader schedules a radio dialogue; a citizen sends a question on its public page at 320 px', async () => {
  const staff = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const leader = await staff.newPage();
  await signInAs(leader, base, 'lanhdao.caolanh');
  assert.equal((await leader.goto(`${base}/quan-tri/doi-thoai/moi`))?.status(), 200);
  await leader.getByLabel('Chương trình').selectOption('radio');
  await leader.getByLabel('Chủ đề').fill('Chính quyền đồng hành cùng Nhân dân: chỉnh trang đô thị');
  await leader.getByLabel('Bắt đầu').fill(vnLocal(7, 9));
  await leader.getByLabel('Kết thúc').fill(vnLocal(7, 11));
  await leader.getByLabel('Địa điểm hoặc kênh phát sóng').fill('Đài Phát thanh thành phố Cao Lãnh');
  await check(leader, 'staff-new');
  await leader.getByRole('button', { name: 'Lưu' }).click();
  await leader.waitForURL(/\/quan-tri\/doi-thoai\/\d+$/);
  const id = /\/(\d+)$/.exec(leader.url())?.[1] as string;
  assert.match((await leader.locator('.flash').textContent()) ?? '', /Đã lên lịch/);
  assert.match((await leader.locator('dl.facts').textContent()) ?? '', /09:00–11:00/);
  await check(leader, 'staff-dialogue');

  const citizen = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await citizen.newPage();
  assert.equal((await page.goto(`${base}/doi-thoai`))?.status(), 200);
  await check(page, 'list');
  await page.locator(`a[href="/doi-thoai/${id}"]`).first().click();
  await page.waitForURL(new RegExp(`/doi-thoai/${id}$`));
  await page.getByLabel('Câu hỏi, kiến nghị').fill('Khi nào vỉa hè đường Nguyễn Huệ được lát lại?');
  await page.getByLabel('Họ và tên').fill('Võ Thị Hỏi');
  await page.getByLabel('Số điện thoại hoặc thư điện tử', { exact: true }).fill('0912 345 678');
  await page.getByText('Tôi đồng ý để cơ quan dùng').click();
  await check(page, 'ask');
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await page.waitForURL(new RegExp(`/doi-thoai/${id}$`));
  assert.match((await page.locator('.flash').textContent()) ?? '', /Đã gửi câu hỏi/);
  assert.equal(await page.getByText('Võ Thị Hỏi').count(), 0);
  await check(page, 'asked');
  await citizen.close();

  await leader.reload();
  assert.equal(await leader.getByText('Khi nào vỉa hè đường Nguyễn Huệ').count(), 1);
  assert.equal(await leader.getByText('Võ Thị Hỏi').count(), 0, 'contact hidden until asked for');
  assert.equal((await leader.goto(`${base}/quan-tri/doi-thoai/bao-phu`))?.status(), 200);
  await check(leader, 'coverage');
  await staff.close();
});
