/**
 * Support teams in a real browser at 320 px: the public on-duty page of Phường 1 (Cao Lãnh, demo roster for the current
 * week), the clerk's week roster, and the demo volunteer recording a help on the quick form with one big button.
 * Every page passes axe (WCAG 2.1 AA) and does not scroll sideways. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoData } from '../../src/demo.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

// The demo system (as startDemoServer), kept at hand to put the demo volunteers on a hotline shift running now, so the
// page shows the on-duty state whatever the hour the test runs at.
const sys = await startSystem();
await loadDemoData(sys.platform);
await sys.platform.pool.query(
  `WITH s AS (INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at)
     SELECT id, 'hotline', now() - interval '30 minutes', now() + interval '90 minutes' FROM units WHERE code = 'cao-lanh-phuong-1' RETURNING id)
   INSERT INTO support_shift_members (shift_id, member_id)
   SELECT s.id, m.id FROM s, support_team_members m WHERE m.full_name IN ('Trần Thị Mỹ Duyên', 'Lê Hoàng Nam')`,
);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await sharedBrowser();

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`support-teams-${name}-320`), fullPage: true });
}

test('the public sees who is on duty at Phường 1 at 320 px', async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  assert.equal((await page.goto(`${base}/ho-tro`))?.status(), 200);
  await check(page, 'all-units');
  await page.getByRole('link', { name: 'Phường 1' }).first().click();
  await page.waitForURL(/\/ho-tro\/cao-lanh-phuong-1$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  for (const duty of ['Tại Bộ phận Một cửa', 'Tổng đài, điện thoại', 'Trực tuyến (Zalo, Facebook)', 'Đi hỗ trợ tại nhà']) {
    assert.equal(await page.getByRole('heading', { level: 3, name: duty }).count(), 1, duty);
  }
  // On the hotline now: Trần Thị Mỹ Duyên agreed to publish her phone, Lê Hoàng Nam did not.
  assert.equal(await page.getByRole('link', { name: '0907111203' }).count(), 1);
  assert.equal((await page.getByText('Lê Hoàng Nam').count()) > 0, true);
  assert.equal(await page.getByText('0907111202').count(), 0);
  await check(page, 'unit');
  await ctx.close();
});

test('the clerk plans the week; the volunteer records a help with one tap on a phone', async () => {
  const staff = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await staff.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/quan-tri/doi-ho-tro`))?.status(), 200);
  assert.ok((await clerk.getByText('Đặng Ngọc Ánh').count()) > 0, 'the demo roster lists the volunteer');
  await check(clerk, 'roster');
  await staff.close();

  const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await phone.newPage();
  await signInAs(page, base, 'tinhnguyen.phuong1');
  assert.equal((await page.goto(`${base}/quan-tri/doi-ho-tro/ghi-nhan`))?.status(), 200);
  assert.match((await page.getByLabel('Người hỗ trợ').locator('option:checked').textContent()) ?? '', /Đặng Ngọc Ánh/);
  await check(page, 'record');
  await page.getByRole('button', { name: 'Tạo tài khoản VNeID' }).click();
  await page.waitForURL(/\/quan-tri\/doi-ho-tro\/ghi-nhan\?/);
  assert.match((await page.locator('.flash').textContent()) ?? '', /Đã ghi nhận: Tạo tài khoản VNeID \(Đặng Ngọc Ánh\)/);
  await check(page, 'recorded');
  await phone.close();
});
