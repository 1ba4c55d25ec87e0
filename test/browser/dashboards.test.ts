/**
 * The leader's dashboard in a real browser on the demo data plus a year of dossiers at two wards: the charts are drawn
 * (SVG with an accessible name), each with its numbers in a table, the children ranked, what needs attention today;
 * axe finds nothing at 320 px and on a desktop; screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadDemoData } from '../../src/demo.ts';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { findUnitByCode } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { startSystem } from '../helpers.ts';
import { axeViolations, screenshotPath, sharedBrowser, signInAs } from './browser.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
await loadDemoData(sys.platform);
await sys.app.listen({ port: 0, host: '127.0.0.1' });
const address = sys.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const db = sys.platform.pool;
const browser = await sharedBrowser();

// Twelve months of dossiers at two wards of Cao Lãnh: more each month, some settled late, some rated.
const wards = ['cao-lanh-phuong-1', 'cao-lanh-phuong-2'];
const now = new Date();
for (const [w, code] of wards.entries()) {
  const unit = await findUnitByCode(sys.platform.db, code);
  assert.ok(unit, code);
  for (let m = 11; m >= 0; m--) {
    for (let k = 0; k < 2 + ((11 - m) % 4) + w; k++) {
      const at = new Date(now.getTime() - (m * 30 + 2) * 86_400_000);
      at.setUTCHours(2, 10 * k, 0, 0);
      dossierClock.set(at.toISOString());
      const d = await inTransaction(sys.platform.db, (tx) =>
        receiveDossier(
          tx,
          systemActor('test'),
          unit,
          { unit: code, procedure: '1.001193', channel: k % 3 === 0 ? 'online' : 'desk', applicant: { name: 'Người Thử', phone: '0912000555' } },
          dossierClock.now(),
          null,
        ),
      );
      if (m > 0) {
        const late = k % 4 === 3;
        await db.query(`UPDATE dossiers SET status = 'result_ready', result_at = $2 WHERE id = $1`, [
          d.id,
          late ? new Date(new Date(d.due_at).getTime() + 86_400_000) : at,
        ]);
        if (k % 2 === 0)
          await db.query(`INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, $2, 'qr', $3)`, [
            d.id,
            late ? 'khong_hai_long' : 'hai_long',
            at,
          ]);
      }
    }
  }
}
dossierClock.set(null);

test('a leader opens the dashboard: charts with their tables, ranked wards, attention today', async () => {
  for (const [width, height, name] of [
    [1280, 900, 'dashboard-1280'],
    [320, 640, 'dashboard-320'],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInAs(page, base, 'lanhdao.caolanh');
    assert.equal((await page.goto(`${base}/bang-dieu-khien`))?.status(), 200);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Bảng điều khiển · Thành phố Cao Lãnh/);
    const charts = page.getByRole('img');
    assert.ok((await charts.count()) >= 3, 'three charts');
    assert.ok(await page.getByRole('img', { name: /Hồ sơ tiếp nhận, đã giải quyết và giải quyết quá hạn/ }).isVisible());
    // The line of received dossiers is drawn (a path with points), and its numbers are in the table below.
    assert.ok((await page.locator('#c-volume-t').count()) === 1);
    assert.ok((await page.locator('figure.chart path').count()) >= 3);
    const table = page.getByRole('table', { name: 'Hồ sơ theo tháng (số liệu)' });
    assert.equal(await table.locator('tbody tr').count(), 12);
    assert.ok(await page.getByRole('table', { name: /Xếp theo tỷ lệ giải quyết đúng hạn/ }).isVisible());
    assert.ok(await page.getByRole('link', { name: /Hồ sơ đang quá hạn/ }).isVisible());
    assert.deepEqual(await axeViolations(page), [], name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    await context.close();
  }
});
