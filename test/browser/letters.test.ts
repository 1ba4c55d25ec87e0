/**
 * Letters in a real browser: the demo one-stop clerk of Phường 1 opens the congratulation proposed for a settled birth
 * registration, edits it and submits it; the demo leader of Cao Lãnh approves it and it gets its register number.
 * Every page passes axe (WCAG 2.1 AA) and does not scroll sideways at 320 px; screenshots at 320 and 1280 px go to
 * test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoData } from '../../src/demo.ts';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { proposeLetters } from '../../src/modules/letters/index.ts';
import { findUnitByCode, type UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

const sys = await startSystem();
await loadDemoData(sys.platform);
const ward = (await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-1')) as UnitRow;
const dossier = await inTransaction(sys.platform.db, (tx) =>
  receiveDossier(
    tx,
    systemActor('test'),
    ward,
    {
      unit: ward.code,
      procedure: '1.001193',
      channel: 'desk',
      applicant: { name: 'Huỳnh Thị Thu Trang', idNumber: '087190001234', phone: '0918 222 333', address: 'Số 12 đường Lê Lợi, Phường 1' },
    },
    dossierClock.now(),
    null,
  ),
);
await sys.platform.pool.query(`UPDATE dossiers SET status = 'result_ready', result_at = now() WHERE id = $1`, [dossier.id]);
await proposeLetters(sys.platform.db, new Date());
const letterId = Number((await sys.platform.pool.query('SELECT id FROM letters WHERE dossier_id = $1', [dossier.id])).rows[0]?.id);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await sharedBrowser();

async function check(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 320px`);
  await page.screenshot({ path: screenshotPath(`letters-${name}-320`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: screenshotPath(`letters-${name}-1280`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
}

test('a clerk opens a proposed congratulation, edits and submits it; a leader approves it and it gets its number', async () => {
  assert.ok(letterId > 0, 'the birth registration was proposed');
  const clerkContext = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await clerkContext.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/quan-tri/thu`))?.status(), 200);
  await check(clerk, 'register');
  await clerk.locator(`a[href="/quan-tri/thu/${letterId}"]`).click();
  await clerk.waitForURL(new RegExp(`/quan-tri/thu/${letterId}$`));
  assert.match((await clerk.locator('.letter-preview').textContent()) ?? '', /Huỳnh Thị Thu Trang/);
  await check(clerk, 'proposal');
  await clerk.getByLabel('Sự kiện ({su_kien})').fill('gia đình chào đón bé Nguyễn Thu An chào đời');
  await clerk.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await clerk.waitForURL(new RegExp(`/quan-tri/thu/${letterId}$`));
  assert.match((await clerk.locator('.flash').textContent()) ?? '', /Đã lưu dự thảo/);
  assert.match((await clerk.locator('.letter-preview').textContent()) ?? '', /bé Nguyễn Thu An chào đời/);
  await clerk.getByRole('button', { name: 'Trình lãnh đạo duyệt' }).click();
  await clerk.waitForURL(new RegExp(`/quan-tri/thu/${letterId}$`));
  assert.match((await clerk.locator('dl.facts').textContent()) ?? '', /Chờ duyệt/);
  assert.equal(await clerk.getByRole('button', { name: 'Duyệt và ký' }).count(), 0, 'a clerk cannot approve');
  assert.equal(await clerk.getByRole('button', { name: /In bản chính thức/ }).count(), 0, 'no final print before approval');
  await check(clerk, 'submitted');
  await clerkContext.close();

  const leaderContext = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const leader = await leaderContext.newPage();
  await signInAs(leader, base, 'lanhdao.caolanh');
  assert.equal((await leader.goto(`${base}/quan-tri/thu?unit=cao-lanh-phuong-1&status=submitted`))?.status(), 200);
  await leader.locator(`a[href="/quan-tri/thu/${letterId}"]`).click();
  await leader.waitForURL(new RegExp(`/quan-tri/thu/${letterId}$`));
  await leader.getByRole('button', { name: 'Duyệt và ký' }).click();
  await leader.waitForURL(new RegExp(`/quan-tri/thu/${letterId}$`));
  assert.match((await leader.locator('.flash').textContent()) ?? '', /Đã duyệt, thư số \d+\/TCM-UBND/);
  assert.match((await leader.locator('h1').textContent()) ?? '', /số \d+\/TCM-UBND/);
  assert.equal(await leader.getByRole('button', { name: /In bản chính thức/ }).count(), 1);
  await check(leader, 'approved');
  await leaderContext.close();
});

test('the public opt-out page works at 320 px and passes axe', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const page = await context.newPage();
  assert.equal((await page.goto(`${base}/thu-chuc-mung/tu-choi`))?.status(), 200);
  await page.locator('#f-phone').fill('0918 222 333');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Hãy đánh dấu xác nhận/);
  await check(page, 'opt-out-error');
  await page.getByText('Tôi là chủ số điện thoại này').click();
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  assert.match((await page.locator('main').textContent()) ?? '', /Đã ghi nhận/);
  await check(page, 'opt-out-done');
  await context.close();
});
