/**
 * Staff handling of feedback in a real browser, on the demo data: the 1022 operator enters a call at 320 px (the
 * caller's consent ticked, the code shown to read back), then the specialist of Phường 1 finds it in the list, shows
 * the caller's contact (audited) and answers it through the detail page on a desktop screen. axe finds no WCAG 2.1 AA
 * violation on the list, the detail and the entry pages; screenshots at 320 px and 1280 px go to
 * test-results/screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: screenshotPath(`feedback-staff-${name}-${width}`), fullPage: true });
}

test('the 1022 operator enters a call; the specialist answers it through the detail page', async () => {
  const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const op = await phone.newPage();
  await signInAs(op, base, 'tongdai.dongthap');
  assert.equal((await op.goto(`${base}/quan-tri/phan-anh/tiep-nhan`))?.status(), 200);
  await op.getByLabel('Nội dung người gọi phản ánh').fill('Cống thoát nước trước chợ Phường 1 bị tắc, nước thải tràn ra đường <b>hôi</b>');
  await op.getByLabel('Lĩnh vực').selectOption('moi-truong');
  await op.getByLabel('Xã, phường nơi xảy ra').selectOption('cao-lanh-phuong-1');
  await op.getByLabel('Địa chỉ, địa điểm cụ thể').fill('Trước cổng chợ Phường 1');
  await op.getByLabel('Họ và tên', { exact: true }).fill('Trương Văn Gọi');
  await op.getByLabel('Số điện thoại', { exact: true }).fill('0913 222 333');
  await op.getByText('Người gọi đồng ý cho cơ quan dùng').click();
  await look(op, 'entry');
  await op.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await op.waitForURL(/tiep-nhan\?ma=[A-Z2-9]{8}$/);
  const code = ((await op.locator('.qa-code').textContent()) ?? '').trim();
  assert.match(code, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.match((await op.locator('.flash').textContent()) ?? '', new RegExp(`mã ${code}, chuyển Phường 1 xử lý`));
  await look(op, 'entered');
  await phone.close();

  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const sp = await desk.newPage();
  await signInAs(sp, base, 'chuyenvien.phuong1');
  assert.equal((await sp.goto(`${base}/quan-tri/phan-anh`))?.status(), 200);
  await look(sp, 'list');
  await sp.getByRole('link', { name: code }).click();
  await sp.waitForURL(new RegExp(`/quan-tri/phan-anh/${code}$`));
  assert.equal(await sp.getByText('Trương Văn Gọi').count(), 0, 'contact hidden until asked for');
  assert.equal(await sp.getByText('hôi</b>', { exact: false }).count(), 1, 'HTML typed by the operator shows as text');
  await look(sp, 'detail');
  await sp.getByRole('button', { name: 'Xem họ tên và liên hệ' }).click();
  await sp.waitForLoadState();
  assert.equal(await sp.getByText('Trương Văn Gọi').count(), 1);
  await sp.locator('summary', { hasText: 'Trả lời' }).click();
  await sp
    .getByLabel('Nội dung trả lời (gửi cho người phản ánh)')
    .fill('UBND Phường 1 đã cho nạo vét cống trước chợ ngày hôm nay; nước đã thoát, đường đã được vệ sinh.');
  await sp.getByRole('button', { name: 'Gửi trả lời' }).click();
  await sp.waitForURL(new RegExp(`/quan-tri/phan-anh/${code}$`));
  assert.match((await sp.locator('.flash').textContent()) ?? '', /Đã ghi: Trả lời/);
  assert.match((await sp.locator('dl.facts').first().textContent()) ?? '', /Đã trả lời/);
  await look(sp, 'answered');
  await desk.close();

  const small = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const sp2 = await small.newPage();
  await signInAs(sp2, base, 'chuyenvien.phuong1');
  await sp2.goto(`${base}/quan-tri/phan-anh`);
  await look(sp2, 'list');
  await sp2.goto(`${base}/quan-tri/phan-anh/${code}`);
  await look(sp2, 'answered');
  await small.close();
});
