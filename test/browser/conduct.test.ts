/**
 * Friendly conduct in a real browser at 320 px: the demo leader of Cao Lãnh creates a satisfaction survey for Phường 1,
 * a citizen fills it in on a phone without signing in, the demo clerk of Phường 1 signs the commitment "4 xin, 4 luôn,
 * 5 không", and the leader sees the signatures and the results. Every page passes axe (WCAG 2.1 AA) and does not
 * scroll sideways. Screenshots go to test-results/screenshots/ for a person to look at.
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
  await page.screenshot({ path: screenshotPath(`conduct-${name}-320`), fullPage: true });
}

test('a leader creates a survey, a citizen answers it at 320 px, an official signs the commitment', async () => {
  const staff = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const leader = await staff.newPage();
  await signInAs(leader, base, 'lanhdao.caolanh');
  assert.equal((await leader.goto(`${base}/quan-tri/khao-sat/moi?unit=cao-lanh-phuong-1`))?.status(), 200);
  await leader.getByLabel('Tên cuộc khảo sát').fill('Khảo sát sự hài lòng tại Bộ phận Một cửa Phường 1');
  await check(leader, 'staff-new');
  await leader.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
  await leader.waitForURL(/\/quan-tri\/khao-sat\/\d+$/);
  const id = /\/(\d+)$/.exec(leader.url())?.[1] as string;
  await check(leader, 'staff-survey');

  const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const citizen = await phone.newPage();
  assert.equal((await citizen.goto(`${base}/khao-sat/${id}`))?.status(), 200);
  await citizen.getByLabel('Người dân').check();
  await citizen.locator('#r_1-rat_hai_long').check();
  await citizen.locator('#r_2-hai_long').check();
  await citizen.locator('#r_4-hai_long').check();
  await citizen.getByLabel('Cán bộ đã tiếp ông/bà (không bắt buộc)').selectOption({ label: 'Phạm Minh Đức' });
  await citizen.getByLabel(/góp ý gì/).fill('Cán bộ hướng dẫn tận tình, <b>cảm ơn</b>.');
  await check(citizen, 'citizen-form');
  await citizen.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await citizen.waitForURL(new RegExp(`/khao-sat/${id}/da-gui$`));
  assert.match((await citizen.locator('h1').textContent()) ?? '', /Cảm ơn ông\/bà/);
  assert.equal(await citizen.locator('a[href="/hop-thu-gop-y"]').count(), 1);
  await check(citizen, 'citizen-thanks');
  await phone.close();

  const clerkContext = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await clerkContext.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/ca-nhan/cam-ket`))?.status(), 200);
  assert.match((await clerk.locator('main').textContent()) ?? '', /Xin chào, xin lỗi, xin cảm ơn, xin phép/);
  await check(clerk, 'sign');
  await clerk.getByRole('button', { name: 'Tôi cam kết thực hiện' }).click();
  await clerk.waitForURL(/\/ca-nhan\/cam-ket$/);
  assert.match((await clerk.locator('.flash').first().textContent()) ?? '', /Đã ký cam kết phiên bản 1/);
  assert.equal(await clerk.getByRole('button', { name: 'Tôi cam kết thực hiện' }).count(), 0);
  await check(clerk, 'signed');
  await clerkContext.close();

  assert.equal((await leader.goto(`${base}/quan-tri/cam-ket?unit=cao-lanh&subtree=1`))?.status(), 200);
  const unsigned = (await leader.locator('.unsigned-list').textContent()) ?? '';
  assert.doesNotMatch(unsigned, /Phạm Minh Đức/, 'the clerk has signed');
  assert.match(unsigned, /Trần Văn Phúc/, 'the leader himself has not');
  await check(leader, 'unsigned');
  assert.equal((await leader.goto(`${base}/quan-tri/khao-sat/ket-qua?unit=cao-lanh&subtree=1`))?.status(), 200);
  assert.match((await leader.locator('.satisfied-share').textContent()) ?? '', /100,0 %/);
  assert.match((await leader.locator('.survey-texts').textContent()) ?? '', /<b>cảm ơn<\/b>/, 'the written answer shown as text');
  await check(leader, 'results');
  await staff.close();
});
