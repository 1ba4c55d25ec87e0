/**
 * The post office on a phone, on the demo data: the one-stop clerk of Phường 1 hands a ready result to Bưu điện thành
 * phố Cao Lãnh (linked by the demo data), then the postal worker (buudien.caolanh) opens the item at 320 px, is told
 * that a mistyped item number has the wrong check digit, records the pick-up and the delivery with big buttons, and
 * the dossier is returned by post. axe finds no WCAG 2.1 AA violation; screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoData } from '../../src/demo.ts';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { findUnitByCode } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

const sys = await startSystem();
await loadDemoData(sys.platform);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await sharedBrowser();
after(() => dossierClock.set(null));

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: screenshotPath(`postal-${name}-${width}`), fullPage: true });
}

/** A dossier of Phường 1 with its result ready (the lifecycle through the API as the administrator is not the point here). */
async function readyDossier(): Promise<string> {
  const ward = await findUnitByCode(sys.platform.db, 'cao-lanh-phuong-1');
  assert.ok(ward);
  const proc = await sys.platform.pool.query<{ code: string }>(
    `SELECT p.code FROM unit_procedures up JOIN procedures p ON p.id = up.procedure_id WHERE up.unit_id = $1 ORDER BY p.code LIMIT 1`,
    [ward.id],
  );
  const code = proc.rows[0]?.code;
  assert.ok(code, 'a demo procedure of Phường 1');
  const d = await inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      ward,
      {
        unit: ward.code,
        procedure: code,
        channel: 'desk',
        applicant: { name: 'Trần Thị Nhận', idNumber: '087190001234', phone: '0939123456', address: 'Số 12, đường Nguyễn Huệ, Phường 1, Cao Lãnh' },
      },
      dossierClock.now(),
      null,
    ),
  );
  await sys.platform.pool.query("UPDATE dossiers SET status = 'result_ready', result_at = now() WHERE id = $1", [d.id]);
  return d.code;
}

test('the clerk hands a result to the post; the postal worker records pick-up and delivery on a phone', async () => {
  const code = await readyDossier();

  const desk = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const clerk = await desk.newPage();
  await signInAs(clerk, base, 'motcua.phuong1');
  assert.equal((await clerk.goto(`${base}/mot-cua/ho-so/${code}`))?.status(), 200);
  await clerk.getByRole('link', { name: 'Gửi qua bưu điện, theo dõi bưu gửi' }).click();
  await clerk.waitForURL(new RegExp(`/mot-cua/ho-so/${code}/buu-dien$`));
  await clerk.getByLabel('Bưu điện', { exact: true }).selectOption({ label: 'Bưu điện thành phố Cao Lãnh' });
  await clerk.getByLabel('Cước (đồng)').fill('25.000');
  await clerk.getByText('Người dân đã đề nghị nhận kết quả qua bưu điện').click();
  await look(clerk, 'desk-form');
  await clerk.getByRole('button', { name: 'Giao cho bưu điện' }).click();
  await clerk.waitForURL(new RegExp(`/mot-cua/ho-so/${code}/buu-dien$`));
  assert.match((await clerk.locator('.flash').textContent()) ?? '', /Đã giao hồ sơ cho bưu điện/);
  await desk.close();

  const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
  const post = await phone.newPage();
  await signInAs(post, base, 'buudien.caolanh');
  assert.equal((await post.goto(`${base}/buu-dien`))?.status(), 200);
  await look(post, 'list');
  await post.getByRole('link', { name: new RegExp(code) }).click();
  await post.waitForURL(/\/buu-dien\/\d+$/);
  const itemUrl = post.url();
  await look(post, 'item');
  // A mistyped number: the check digit is told clearly and the form keeps the input.
  await post.getByLabel('Số hiệu bưu gửi').fill('EB123456784VN');
  await post.getByRole('button', { name: 'Đã nhận bưu gửi' }).click();
  await post.waitForLoadState();
  assert.match((await post.locator('.error-summary').textContent()) ?? '', /chữ số thứ 9 phải là 5, không phải 4/);
  assert.equal(await post.getByLabel('Số hiệu bưu gửi').inputValue(), 'EB123456784VN');
  await look(post, 'item-error');
  await post.getByLabel('Số hiệu bưu gửi').fill('EB123456785VN');
  await post.getByRole('button', { name: 'Đã nhận bưu gửi' }).click();
  await post.waitForURL(itemUrl);
  assert.match((await post.locator('.flash').textContent()) ?? '', /Đã ghi: Đã nhận bưu gửi/);
  const deliver = post.getByRole('button', { name: 'Đã phát thành công' });
  const box = await deliver.boundingBox();
  assert.ok(box && box.height >= 44, 'a big button for a thumb');
  await deliver.click();
  await post.waitForURL(itemUrl);
  assert.match((await post.locator('.flash').textContent()) ?? '', /Đã ghi: Đã phát thành công/);
  assert.match((await post.locator('dl.facts').textContent()) ?? '', /Đã phát thành công/);
  await look(post, 'delivered');
  // The post office does not open the dossier itself.
  assert.equal((await post.goto(`${base}/mot-cua/ho-so/${code}`))?.status(), 403);
  await phone.close();

  const r = await sys.platform.pool.query<{ status: string; return_channel: string }>('SELECT status, return_channel FROM dossiers WHERE code = $1', [code]);
  assert.deepEqual(r.rows[0], { status: 'returned', return_channel: 'post' });
});
