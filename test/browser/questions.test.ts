/**
 * "Touch to know" in a real browser at 320 px: a citizen asks on the public form without signing in, the demo clerk
 * of Phường 1 answers and publishes, and the public list finds the answer typed without diacritics. Every page passes
 * axe (WCAG 2.1 AA) and does not scroll sideways. Screenshots go to test-results/screenshots/ for a person to look at.
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
  await page.screenshot({ path: screenshotPath(`questions-${name}-320`), fullPage: true });
}

test('a citizen asks, the demo clerk answers and publishes, the public list shows it', async () => {
  const citizen = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await citizen.newPage();
  assert.equal((await page.goto(`${base}/hoi-dap/hoi?unit=cao-lanh-phuong-1&thu-tuc=1.001193`))?.status(), 200);
  await page.locator('#f-question').fill('Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn cần giấy tờ gì?');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Hỏi');
  await page.getByLabel('Số điện thoại hoặc thư điện tử', { exact: true }).fill('0912 345 678');
  await page.getByText('Tôi đồng ý để cơ quan dùng').click();
  await check(page, 'ask');
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await page.waitForURL(/\/hoi-dap\/c\/[A-Z2-9]{8}$/);
  const code = (await page.locator('.qa-code').textContent())?.trim() as string;
  assert.match(code, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.match((await page.locator('.flash').textContent()) ?? '', new RegExp(code));
  await check(page, 'asked');

  const staff = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await staff.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/quan-tri/hoi-dap`))?.status(), 200);
  await check(clerk, 'staff-list');
  await clerk.getByRole('link', { name: code }).click();
  await clerk.waitForURL(new RegExp(`/quan-tri/hoi-dap/${code}$`));
  assert.equal(await clerk.getByText('Nguyễn Văn Hỏi').count(), 0, 'contact hidden until asked for');
  await clerk.getByRole('link', { name: 'Xem họ tên và liên hệ' }).click();
  await clerk.waitForURL(/lien-he=1/);
  assert.equal(await clerk.getByText('Nguyễn Văn Hỏi').count(), 1);
  await clerk
    .getByLabel('Câu trả lời (công khai)')
    .fill('Ông/bà mang giấy chứng sinh và căn cước của người đi đăng ký đến Bộ phận Một cửa; cha mẹ chưa kết hôn vẫn đăng ký khai sinh được.');
  await check(clerk, 'staff-answer');
  await clerk.getByRole('button', { name: 'Trả lời và công bố' }).click();
  await clerk.waitForURL(new RegExp(`/quan-tri/hoi-dap/${code}$`));
  assert.match((await clerk.locator('.flash').textContent()) ?? '', /Đã trả lời và công bố/);
  await staff.close();

  assert.equal((await page.goto(`${base}/hoi-dap?q=dang+ky+khai+sinh+chua+ket+hon`))?.status(), 200);
  const link = page.locator(`a[href="/hoi-dap/c/${code}"]`);
  assert.equal(await link.count(), 1, 'found without diacritics');
  assert.equal(await page.getByText('Nguyễn Văn Hỏi').count(), 0);
  await check(page, 'list');
  await link.click();
  await page.waitForURL(new RegExp(`/hoi-dap/c/${code}$`));
  assert.match((await page.locator('.qa-answer').textContent()) ?? '', /giấy chứng sinh/);
  await check(page, 'answered');
  assert.equal((await page.goto(`${base}/hoi-dap/thu-tuc/1.001193`))?.status(), 200);
  assert.equal(await page.locator(`a[href="/hoi-dap/c/${code}"]`).count(), 1);
  await check(page, 'procedure-block');
  await citizen.close();
});
