/**
 * The public side of feedback in a real browser at 320 px, on the demo data: from the feedback page to the form, a
 * photo too big told before upload (with JavaScript, nothing sent), the current position filled in from the device,
 * then a real photo attached and the feedback filed, the code, unit and deadline shown; the tracking page, an official answering and publishing it on the staff pages, the rating
 * once the item is answered, the published list and the leaders' hotline numbers. axe finds no WCAG 2.1 AA violation
 * on any of them; screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { loadDemoData } from '../../src/demo.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

const sys = await startSystem();
await loadDemoData(sys.platform);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const db = sys.platform.pool;
const browser = await sharedBrowser();

const ward = (
  await db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM units WHERE kind IN ('ward', 'commune') ORDER BY path LIMIT 1`)
).rows[0] as { id: number; code: string; name: string };
await db.query(`INSERT INTO feedback_categories (code, name, position) VALUES ('giao-thong', 'Giao thông', 1) ON CONFLICT (code) DO NOTHING`);
await db.query(
  `INSERT INTO unit_hotlines (unit_id, name, title, phone, email, position) VALUES
     ($1, 'Nguyễn Văn Chủ Tịch', 'Chủ tịch Ủy ban nhân dân', '0277 3851 234', 'chutich@example.gov.vn', 1),
     ($1, 'Trần Thị Phó Chủ Tịch', 'Phó Chủ tịch Ủy ban nhân dân', '0918 000 111', NULL, 2)`,
  [ward.id],
);

const PHOTO = (() => {
  const png = new PNG({ width: 32, height: 24 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([90, 90, 90, 255], i);
  return PNG.sync.write(png);
})();
const BIG = Buffer.alloc(5 * 1024 * 1024 + 10, 0);
PHOTO.copy(BIG);

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`feedback-public-${name}-320`), fullPage: true });
}

test('a resident files feedback with a photo and their position at 320 px, follows it and rates the answer', async () => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    locale: 'vi-VN',
    geolocation: { latitude: 10.4602, longitude: 105.6329 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  assert.equal((await page.goto(`${base}/`))?.status(), 200);
  await page.getByRole('link', { name: /Phản ánh, kiến nghị/ }).click();
  await page.waitForURL(/\/phan-anh$/);
  await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.waitForURL(/\/phan-anh\/gui$/);

  await page.locator('#f-category').selectOption('giao-thong');
  await page.getByLabel('Tiêu đề (không bắt buộc)').fill('Ổ gà trước chợ');
  await page.getByLabel('Nội dung').fill('Ổ gà lớn giữa đường trước chợ, xe máy dễ té ngã vào ban đêm.');
  await page.locator('#f-place').selectOption(ward.code);
  await page.getByRole('button', { name: 'Dùng vị trí hiện tại' }).click();
  await page.waitForFunction(() => (document.getElementById('f-lat') as HTMLInputElement).value !== '');
  assert.equal(await page.locator('#f-lat').inputValue(), '10.460200');
  assert.equal(await page.locator('#f-lng').inputValue(), '105.632900');
  await page.getByLabel('Họ và tên').fill('Lê Thị Hoa');
  await page.locator('#f-phone').fill('0912 345 678');
  await page.locator('#f-consent').check();
  await look(page, 'form');

  const photos = page.locator('#f-photos');
  await photos.setInputFiles({ name: 'o-ga-lon.png', mimeType: 'image/png', buffer: BIG });
  await page.locator('#f-photos-error').waitFor();
  assert.equal(await page.locator('#f-photos-error').textContent(), 'o-ga-lon.png: Tệp lớn hơn 5 MB');
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.locator('.error-summary').waitFor();
  assert.deepEqual(posts, [], 'nothing was uploaded');
  await look(page, 'photo-error-js');

  await photos.setInputFiles({ name: 'o-ga.png', mimeType: 'image/png', buffer: PHOTO });
  await page.locator('#f-photos-error').waitFor({ state: 'detached' }); // the error goes once the photo is right
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.waitForURL(/\/phan-anh\/da-gui\//);
  assert.equal(posts.length, 1);
  const code = ((await page.locator('.fb-code').textContent()) ?? '').trim();
  assert.match(code, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.match((await page.locator('.fb-due').textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4}$/);
  await look(page, 'sent');
  const stored = (await db.query(`SELECT f.lat, a.mime FROM feedback f JOIN feedback_attachments a ON a.feedback_id = f.id WHERE f.code = $1`, [code])).rows[0];
  assert.deepEqual({ ...stored }, { lat: 10.4602, mime: 'image/png' });

  await page.getByRole('link', { name: 'Theo dõi phản ánh này' }).click();
  await page.waitForURL(new RegExp(`/phan-anh/c/${code}$`));
  assert.equal(((await page.locator('.fb-status').textContent()) ?? '').trim(), 'Mới tiếp nhận, chờ phân loại');
  await look(page, 'tracking');

  // An official answers and publishes it on the staff pages, in another browser.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const staff = await desk.newPage();
  await signInAs(staff, base, 'admin');
  assert.equal((await staff.goto(`${base}/quan-tri/phan-anh/${code}`))?.status(), 200);
  await staff.locator('summary', { hasText: 'Trả lời' }).click();
  await staff.getByLabel('Nội dung trả lời (gửi cho người phản ánh)').fill('Phường đã vá ổ gà ngày 20/11. Cảm ơn bà đã phản ánh.');
  await staff.getByRole('button', { name: 'Gửi trả lời' }).click();
  await staff.waitForURL(new RegExp(`/quan-tri/phan-anh/${code}$`));
  await staff.locator('summary', { hasText: 'Công khai kết quả trả lời' }).click();
  await staff.getByLabel('Tiêu đề công khai').fill('Ổ gà trước chợ đã được vá');
  await staff.getByLabel('Tóm tắt nội dung phản ánh (công khai)').fill('Người dân phản ánh ổ gà lớn giữa đường trước chợ.');
  await staff.getByRole('button', { name: 'Công khai kết quả trả lời' }).click();
  await staff.waitForURL(new RegExp(`/quan-tri/phan-anh/${code}$`));
  assert.match((await staff.locator('dl.facts').first().textContent()) ?? '', /Đã trả lời/);
  await desk.close();

  await page.reload();
  await page.getByLabel('Rất hài lòng').check();
  await look(page, 'tracking-answered');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.waitForURL(new RegExp(`/phan-anh/c/${code}$`));
  assert.match((await page.locator('.fb-rating').textContent()) ?? '', /Rất hài lòng/);

  await page.goto(`${base}/phan-anh?q=o+ga`);
  assert.equal(await page.getByRole('link', { name: 'Ổ gà trước chợ đã được vá' }).count(), 1);
  assert.equal(await page.getByText('Lê Thị Hoa').count(), 0, 'the sender’s name is never public');
  await look(page, 'list');

  await page.goto(`${base}/duong-day-nong`);
  assert.equal(await page.getByRole('link', { name: '0277 3851 234' }).getAttribute('href'), 'tel:02773851234');
  await look(page, 'hotlines');

  await page.goto(`${base}/hop-thu-gop-y`);
  await look(page, 'suggestion-box');
  await context.close();
});
