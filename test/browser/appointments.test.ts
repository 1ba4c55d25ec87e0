/**
 * Home appointments in a real browser, on the demo data: a citizen books a home visit on the public form at 320 px
 * (Phường 1, Cao Lãnh), sees the code and status; then the one-stop clerk of Phường 1 (motcua.phuong1) finds it on the
 * staff list, confirms it and assigns it to the ward's volunteer. axe finds no WCAG 2.1 AA violation on any page;
 * screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoData } from '../../src/demo.ts';
import { loadCalendar } from '../../src/modules/calendar/index.ts';
import { findUnitByCode, type UnitRow } from '../../src/modules/units/index.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

const sys = await startSystem();
await loadDemoData(sys.platform);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const db = sys.platform.pool;
const browser = await sharedBrowser();
const ward = (await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-1')) as UnitRow;

/** A working Tuesday or Wednesday of Phường 1 at least 5 days ahead (Vietnam date). */
const cal = await loadCalendar(sys.platform.db, ward, new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1);
const visitDate = (() => {
  for (let d = 5; ; d++) {
    const iso = new Date(Date.now() + d * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    if ([2, 3].includes(new Date(`${iso}T00:00:00Z`).getUTCDay()) && cal.calendar.isWorkingDay(iso)) return iso;
  }
})();

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: screenshotPath(`appointments-${name}`), fullPage: true });
}

let code = '';

test('a citizen books a home visit on the public form at 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/hen-tai-nha`))?.status(), 200);
  await page.getByLabel('Việc cần làm tại nhà').selectOption('pickup');
  await page.getByLabel('Xã, phường nơi ông/bà ở').selectOption(ward.code);
  await page.getByLabel('Ngày hẹn').fill(visitDate);
  await page.getByLabel('Giờ hẹn').selectOption('08:30');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mười');
  await page.locator('#f-phone').fill('0912 888 777');
  await page.getByLabel('Địa chỉ nhà').fill('Số 21 đường Lê Lợi, khóm 3, Phường 1');
  await page.getByLabel('Đối tượng ưu tiên (nếu có)').selectOption('elderly');
  await page.getByLabel('Ông/bà cần hỗ trợ gì (không bắt buộc)').fill('Tôi 78 tuổi, muốn nộp hồ sơ xác nhận tình trạng hôn nhân.');
  // Without consent the form comes back with the message beside the box.
  await page.getByRole('button', { name: 'Gửi yêu cầu hẹn' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('.error-summary').innerText(), /Hãy đánh dấu đồng ý/);
  assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Nguyễn Thị Mười', 'typed values come back');
  await look(page, 'form-error-320');
  await page.locator('#f-consent').check();
  await look(page, 'form-320');
  await page.getByRole('button', { name: 'Gửi yêu cầu hẹn' }).click();
  await page.waitForURL(/\/hen-tai-nha\/c\/[A-Z0-9]{8}\?da-gui=1$/);
  code = (await page.locator('.sub-code').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{8}$/);
  assert.match(await page.locator('.appt-status').innerText(), /Mới yêu cầu/);
  assert.match(await page.locator('.appt-when').innerText(), /08:30–09:15/);
  assert.match(await page.locator('main').innerText(), /Miễn phí \(đối tượng ưu tiên\)/);
  await look(page, 'sent-320');
  await context.close();
});

test('the one-stop clerk of Phường 1 confirms the visit and assigns it to the volunteer', async () => {
  assert.ok(code, 'the citizen booked first');
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, 'motcua.phuong1');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByText('Menu', { exact: true }).click();
  await page.getByRole('link', { name: 'Hẹn tại nhà' }).click();
  await page.waitForURL(/\/quan-tri\/hen-tai-nha/);
  const list = await page.locator('table.appt-list').innerText();
  assert.ok(list.indexOf('Nguyễn Thị Mười') >= 0 && list.indexOf('Nguyễn Thị Mười') < list.indexOf('Trần Văn Minh'), 'priority groups come first');
  const row = page.locator('table.appt-list tbody tr', { hasText: 'Nguyễn Thị Mười' });
  await look(page, 'staff-list');
  await row.getByRole('link').click();
  await page.waitForURL(new RegExp(`/quan-tri/hen-tai-nha/${code}$`));
  assert.match(await page.locator('main').innerText(), /0912888777/);
  await page.getByRole('button', { name: /^Xác nhận 08:30–09:15/ }).click();
  await page.waitForURL(new RegExp(`/quan-tri/hen-tai-nha/${code}$`));
  assert.match(await page.locator('.flash').innerText(), /Đã xác nhận lịch hẹn/);
  await page.getByLabel('Cán bộ hoặc tình nguyện viên').selectOption('tinhnguyen.phuong1');
  await page.getByRole('button', { name: 'Phân công', exact: true }).click();
  await page.waitForURL(new RegExp(`/quan-tri/hen-tai-nha/${code}$`));
  assert.match(await page.locator('.flash').innerText(), /Đã phân công/);
  assert.match(await page.locator('.appt-assignee').innerText(), /Đặng Ngọc Ánh/);
  assert.match(await page.locator('main').innerText(), /đã xác nhận/iu);
  await look(page, 'staff-detail');
  const queued = await db.query(`SELECT channel, send_after FROM notifications WHERE about LIKE $1`, [`appointment:${code}%`]);
  assert.ok(
    queued.rows.some((r) => r.channel === 'sms'),
    'the citizen is told by SMS',
  );
  await context.close();
});
