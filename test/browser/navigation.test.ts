/**
 * The staff menu in a real browser on the demo data: one "Menu" disclosure, closed on every page, so at 320 px the
 * page's heading is on the first screen; opened (by mouse or by Enter) it shows the groups with the links the person
 * may use and marks the current page; axe finds nothing with it open; it stays out of print; public pages keep their
 * simple header. Screenshots (320 px and 1280 px, closed and open) go to test-results/screenshots/navigation-*.png.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath, sharedBrowser, signInAs, startDemoServer } from './browser.ts';

const base = await startDemoServer();
const browser = await sharedBrowser();

/** The signed-in person's session in a page of the given size. */
async function staffPage(username: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInAs(page, base, username);
  return page;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const summary = (page: Page) => menu(page).locator('summary', { hasText: 'Menu' });
const isOpen = (page: Page) =>
  menu(page)
    .locator('details')
    .evaluate((d) => (d as HTMLDetailsElement).open);

/** The group headings and the links of the menu, as shown once it is open. */
async function menuContents(page: Page): Promise<{ groups: string[]; hrefs: string[] }> {
  const groups = await menu(page).getByRole('heading', { level: 2 }).allInnerTexts();
  const hrefs = await menu(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return { groups, hrefs };
}

test('at 320 px the clerk sees the page heading on the first screen; Enter opens the grouped menu; axe finds nothing', async () => {
  const page = await staffPage('motcua.phuong1', 320, 568);
  assert.equal((await page.goto(`${base}/mot-cua`))?.status(), 200);
  assert.equal(await isOpen(page), false, 'the menu is closed when a page loads');
  const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
  // The old flat list of links pushed it to 422 px (a clerk) and 510 px (an admin) of a 568 px screen.
  assert.ok(h1 && h1.y < 568 / 3, `the page heading starts in the top third of the first screen (top ${h1?.y} px)`);
  assert.equal(await menu(page).getByRole('link', { name: 'Tờ khai' }).isVisible(), false, 'the links wait behind the button');
  assert.ok(await page.getByRole('link', { name: 'Cam kết của tôi' }).isVisible(), 'my commitment stays one tap away');
  assert.ok(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible(), 'sign-out stays one tap away');
  await page.screenshot({ path: screenshotPath('navigation-clerk-320-closed') });

  // Keyboard: Tab reaches the button right after the skip link and the brand; Enter opens and closes it.
  let tabs = 0;
  while (tabs < 5 && !(await summary(page).evaluate((s) => s === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs <= 3, `the menu button is focusable early in the page (${tabs} tabs)`);
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(page), true, 'Enter opens the menu');
  const { groups, hrefs } = await menuContents(page);
  assert.deepEqual(groups, ['Một cửa', 'Phản ánh & đối thoại', 'Phục vụ tận nơi', 'Cải cách hành chính', 'Quản trị']);
  assert.ok(await menu(page).getByRole('link', { name: 'Tờ khai' }).isVisible(), 'the links show once open');
  assert.ok(hrefs.includes('/quan-tri/hen-tai-nha') && hrefs.includes('/mot-cua/to-khai'), 'the desk and home-visit links');
  assert.equal(await menu(page).locator('a[aria-current="page"]').textContent(), 'Hồ sơ một cửa', 'the current page is marked');
  await page.screenshot({ path: screenshotPath('navigation-clerk-320-open'), fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'axe with the menu open at 320 px');
  // The next Tab leaves the button for the first link of the first group.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/mot-cua');
  await summary(page).focus();
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(page), false, 'Enter closes it again');
  await page.context().close();
});

test('the clerk sees only the groups and links of her roles; the admin sees the administration links too', async () => {
  const clerk = await staffPage('motcua.phuong1', 1280, 800);
  assert.equal((await clerk.goto(`${base}/mot-cua/to-khai`))?.status(), 200);
  await summary(clerk).click();
  const c = await menuContents(clerk);
  assert.deepEqual(await menu(clerk).locator('a[aria-current="page"]').allInnerTexts(), ['Tờ khai'], 'only the deepest match is current');

  const admin = await staffPage('admin', 1280, 800);
  assert.equal((await admin.goto(`${base}/mot-cua`))?.status(), 200);
  await admin.screenshot({ path: screenshotPath('navigation-admin-1280-closed') });
  await admin.setViewportSize({ width: 320, height: 568 });
  const narrow = await admin.getByRole('heading', { level: 1 }).boundingBox();
  assert.ok(narrow && narrow.y < 568 / 3, `the admin's many links do not push the heading down at 320 px (top ${narrow?.y} px)`);
  await admin.screenshot({ path: screenshotPath('navigation-admin-320-closed') });
  await summary(admin).click();
  await admin.screenshot({ path: screenshotPath('navigation-admin-320-open'), fullPage: true });
  await summary(admin).click();
  await admin.setViewportSize({ width: 1280, height: 800 });
  const h1 = await admin.getByRole('heading', { level: 1 }).boundingBox();
  assert.ok(h1 && h1.y < 200, `one header row above the heading on a desktop (top ${h1?.y} px)`);
  await summary(admin).click();
  const a = await menuContents(admin);
  await admin.screenshot({ path: screenshotPath('navigation-admin-1280-open') });
  assert.deepEqual(a.groups, ['Một cửa', 'Phản ánh & đối thoại', 'Phục vụ tận nơi', 'Thu phí', 'Báo cáo & chỉ số', 'Cải cách hành chính', 'Quản trị']);
  assert.deepEqual(await axeViolations(admin), [], 'axe with the admin menu open at 1280 px');

  for (const adminOnly of ['/quan-tri/nguoi-dung', '/quan-tri/nhat-ky', '/quan-tri/thanh-toan/doi-soat', '/bao-cao/ho-so', '/quan-tri/kiem-tra']) {
    assert.ok(a.hrefs.includes(adminOnly), `the admin sees ${adminOnly}`);
    assert.ok(!c.hrefs.includes(adminOnly), `the clerk does not see ${adminOnly}`);
  }
  assert.ok(!c.groups.includes('Thu phí') && !c.groups.includes('Báo cáo & chỉ số'), 'a group with no link for the clerk is not shown');
  assert.ok(
    c.hrefs.every((h) => a.hrefs.includes(h)),
    'the admin sees every link the clerk sees',
  );
  assert.equal(new Set(a.hrefs).size, a.hrefs.length, 'no link twice');

  // Every link of the admin's menu opens a page (the report links added with the groups included).
  for (const href of a.hrefs) assert.equal((await admin.request.get(`${base}${href}`)).status(), 200, href);
  await clerk.context().close();
  await admin.context().close();
});

test('the menu in English, at 1280 px for a clerk, out of print, and not on public pages', async () => {
  const clerk = await staffPage('motcua.phuong1', 1280, 800);
  assert.equal((await clerk.goto(`${base}/mot-cua?lang=en`))?.status(), 200);
  await clerk.screenshot({ path: screenshotPath('navigation-clerk-1280-closed') });
  const english = clerk.getByRole('navigation', { name: 'Main navigation' });
  await english.locator('summary', { hasText: 'Menu' }).click();
  const en = await english.getByRole('heading', { level: 2 }).allInnerTexts();
  assert.deepEqual(en, ['One-stop desk', 'Feedback & dialogue', 'Outreach', 'Administrative reform', 'Administration']);
  assert.ok(await clerk.getByRole('link', { name: 'Home visits' }).isVisible());
  await clerk.goto(`${base}/mot-cua?lang=vi`);
  await summary(clerk).click();
  await clerk.screenshot({ path: screenshotPath('navigation-clerk-1280-open') });
  const h1 = await clerk.getByRole('heading', { level: 1 }).boundingBox();
  const panel = await menu(clerk).locator('.menu-groups').boundingBox();
  assert.ok(h1 && panel && panel.y + panel.height <= h1.y, 'the open menu pushes the content down rather than covering it');

  await clerk.emulateMedia({ media: 'print' });
  assert.equal(await menu(clerk).isVisible(), false, 'the menu is not printed');
  await clerk.context().close();

  const visitor = await browser.newContext({ viewport: { width: 320, height: 568 }, locale: 'vi-VN' });
  const page = await visitor.newPage();
  assert.equal((await page.goto(`${base}/thu-tuc`))?.status(), 200);
  assert.equal(await page.locator('nav.menu').count(), 0, 'no staff menu for a visitor');
  assert.ok(await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).isVisible());
  await page.screenshot({ path: screenshotPath('navigation-public-320') });
  await visitor.close();
});
