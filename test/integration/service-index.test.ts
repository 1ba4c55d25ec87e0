/**
 * The national service index (Decision 766) over a small hand-computed data set: four dossiers, two fees, two
 * ratings, two feedback answers and one figure entered by hand; every sub-indicator, group and the total checked;
 * the drill-down lists the dossiers behind a score; "no data" for an empty period; bad input named.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type DossierRow, dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { checkFeedback, receiveFeedback } from '../../src/modules/feedback/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const q = (text: string, params: unknown[] = []) => sys.platform.pool.query(text, params);
const province = await makeUnit(sys, { name: 'Tỉnh Chỉ Số' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Chỉ Số' });
const procedure = await makeProcedure(sys, { days: 3, name: 'Chứng thực bản sao (chỉ số)' });
await q('INSERT INTO unit_procedures (unit_id, procedure_id) SELECT $1, id FROM procedures WHERE code = $2', [ward.id, procedure]);

async function receive(at: string): Promise<DossierRow> {
  dossierClock.set(at);
  return inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      ward,
      { unit: ward.code, procedure, channel: 'desk', applicant: { name: 'Lê Văn Chỉ', phone: '0912000444' } },
      dossierClock.now(),
      null,
    ),
  );
}

// Monday 2 March 2026: a 3-working-day procedure is due on Thursday 5 March.
const d1 = await receive('2026-03-02T09:00:00+07:00');
const d2 = await receive('2026-03-02T09:10:00+07:00');
const d3 = await receive('2026-03-02T09:20:00+07:00');
const d4 = await receive('2026-03-30T09:00:00+07:00');
dossierClock.set(null);
await q(
  `UPDATE dossiers SET status = 'result_ready', result_at = '2026-03-03T10:00:00+07:00', online = true, electronic_result = true, paid_online = true WHERE id = $1`,
  [d1.id],
);
await q(`UPDATE dossiers SET status = 'result_ready', result_at = '2026-03-10T10:00:00+07:00' WHERE id = $1`, [d2.id]);
await q(`UPDATE dossiers SET applicant_id_number = '001099012345' WHERE id = ANY($1)`, [[d1.id, d2.id, d3.id]]);
for (const [d, ref] of [
  [d1, 'GDAAAA2222'],
  [d2, 'GDBBBB3333'],
] as const) {
  await q(`INSERT INTO dossier_fees (dossier_id, unit_id, kind, name, amount_vnd, reference) VALUES ($1, $2, 'fee', 'Lệ phí chứng thực', 20000, $3)`, [
    d.id,
    ward.id,
    ref,
  ]);
}
await q(
  `INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, 'hai_long', 'qr', '2026-03-04T09:00:00+07:00'), ($2, 'khong_hai_long', 'qr', '2026-03-11T09:00:00+07:00')`,
  [d1.id, d2.id],
);

for (const [at, answeredAt, published] of [
  ['2026-03-02T09:00:00+07:00', '2026-03-05T09:00:00+07:00', true],
  ['2026-03-02T09:00:00+07:00', '2026-03-25T09:00:00+07:00', false],
] as const) {
  const c = checkFeedback({ description: 'Phản ánh cho bộ chỉ số' }, { channel: 'web' });
  if (!c.ok) throw new Error('bad');
  const r = await receiveFeedback(sys.platform.db, systemActor('test'), { channel: 'web', item: c.value, addressedUnitCode: ward.code, now: new Date(at) });
  await q(
    `UPDATE feedback SET status = 'answered', answer = 'Đã xử lý', answered_at = $2, published = $3, public_title = CASE WHEN $3 THEN 'Đã xử lý' END,
       public_summary = CASE WHEN $3 THEN 'Tóm tắt' END, published_at = CASE WHEN $3 THEN $2::timestamptz END WHERE code = $1`,
    [r.code, answeredAt, published],
  );
}

const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const homeAffairs = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', province, { subtree: true })).username);
const period = `unit=${ward.code}&from=2026-03-01&to=2026-03-31`;

test('the figure entered by hand is kept for the unit and period, and audited', async () => {
  const bad = await homeAffairs.request({ method: 'POST', url: `/quan-tri/chi-so/nhap?${period}`, payload: form({ 'r1.2': '150' }) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /từ 0 đến 100/);
  const ok = await homeAffairs.request({ method: 'POST', url: `/quan-tri/chi-so/nhap?${period}`, payload: form({ 'r1.2': '50' }) });
  assert.equal(ok.statusCode, 303);
  assert.equal((await q(`SELECT 1 FROM audit_log WHERE action = 'service_index.inputs' AND entity_id = $1`, [ward.code])).rowCount, 1);
  assert.equal((await leader.request({ method: 'POST', url: `/quan-tri/chi-so/nhap?${period}`, payload: form({ 'r1.2': '90' }) })).statusCode, 403);
});

test('every sub-indicator, group and the total match the hand computation', async () => {
  const res = await leader.request({ url: `/api/v1/reports/service-index?${period}` });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  const score = (code: string) => r.indicators.find((x: { code: string }) => x.code === code);
  const expected: Record<string, [number | null, number | null, number]> = {
    '1.1': [1, 1, 6], // the unit's one procedure is published and in force
    '1.3': [1, 2, 3], // one of two answers published
    '2.1': [2, 4, 10], // (early d1 + d4 in time) ÷ (d1, d2 settled + d3 overdue + d4)
    '3.1': [1, 4, 3], // d1 online
    '4.1': [1, 2, 5], // d1 of the two with fees paid online
    '5.1': [1, 2, 3], // one answer on time
    '6.1': [1, 4, 2], // d1 electronic result
    '6.2': [0, 4, 0],
    '6.3': [3, 4, 5.25], // d1–d3 have a personal number
  };
  for (const [code, [n, d, s]] of Object.entries(expected)) {
    assert.deepEqual([score(code).numerator, score(code).denominator, score(code).score], [n, d, s], code);
  }
  assert.equal(score('1.2').score, 3, 'entered by hand: 50 % of 6');
  assert.equal(score('1.2').source, 'manual');
  assert.equal(score('5.2').score, 0, '1 − (½ late + ½ dislike)');
  assert.deepEqual(
    r.groups.map((g: { score: number }) => g.score),
    [12, 10, 3, 5, 3, 7.25],
  );
  assert.equal(r.total, 40.25);
  assert.equal(r.maxWithData, 100);
});

test('the drill-down lists the dossiers behind a score', async () => {
  const list = async (kind: string) => {
    const res = await leader.request({ url: `/bao-cao/chi-so/ho-so?${period}&kind=${kind}`, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return [d1, d2, d3, d4].filter((d) => res.body.includes(`>${d.code}<`)).map((d) => d.code);
  };
  assert.deepEqual(await list('late'), [d2.code]);
  assert.deepEqual(await list('overdue'), [d3.code]);
  assert.deepEqual(await list('unpaid'), [d2.code]);
  assert.deepEqual(await list('not_online'), [d2.code, d3.code, d4.code]);
  assert.deepEqual(await list('no_personal_number'), [d4.code]);
  assert.equal((await leader.request({ url: `/bao-cao/chi-so/ho-so?${period}&kind=bogus`, headers: { accept: 'text/html' } })).statusCode, 400);
});

test('an empty period shows "no data", never 0 % or 100 %; bad periods and other units are refused', async () => {
  const r = (await leader.request({ url: `/api/v1/reports/service-index?unit=${ward.code}&from=2025-01-01&to=2025-01-31` })).json();
  assert.equal(r.indicators.find((x: { code: string }) => x.code === '2.1').score, null);
  assert.ok(r.maxWithData < 100);
  const page = await leader.request({ url: `/bao-cao/chi-so?unit=${ward.code}&from=2025-01-01&to=2025-01-31`, headers: { accept: 'text/html' } });
  assert.match(page.body, /Không có dữ liệu/);
  assert.match(page.body, /điểm không có dữ liệu trong kỳ/);
  const inverted = await leader.request({ url: `/api/v1/reports/service-index?unit=${ward.code}&from=2026-03-31&to=2026-03-01` });
  assert.equal(inverted.statusCode, 400);
  const other = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Khác' });
  assert.equal((await leader.request({ url: `/api/v1/reports/service-index?unit=${other.code}&from=2026-03-01&to=2026-03-31` })).statusCode, 403);
  const html = await leader.request({ url: `/bao-cao/chi-so?${period}`, headers: { accept: 'text/html' } });
  assert.match(html.body, /40,25<\/strong>\/100/);
});
