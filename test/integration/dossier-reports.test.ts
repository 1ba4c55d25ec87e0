/**
 * The dossier report over a small, known set of dossiers: received, settled early / on time / late (late with an
 * apology), same-day, online, rated, returned but not closed; permissions on the unit and its subtree; bad periods.
 * Milestones are written with SQL (the lifecycle itself is tested in dossiers.test.ts): the report reads columns.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type DossierRow, dossierClock, fillWorkingDaysTaken, receiveDossier } from '../../src/modules/dossiers/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const province = await makeUnit(sys, { name: 'Tỉnh Báo Cáo' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Báo Cáo' });
const sibling = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Bên Cạnh' });
const p3 = await makeProcedure(sys, { days: 3, name: 'Chứng thực bản sao (thử)' });

const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);
const communeLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', commune)).username);
const provinceLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', province, { subtree: true })).username);

async function receive(unit: UnitRow, at: string, opts: { channel?: 'desk' | 'online'; sameDay?: boolean } = {}): Promise<DossierRow> {
  dossierClock.set(at);
  return inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      unit,
      { unit: unit.code, procedure: p3, channel: opts.channel ?? 'desk', applicant: { name: 'Lê Văn Báo', phone: '0912000333' }, sameDay: opts.sameDay },
      dossierClock.now(),
      null,
    ),
  );
}
const q = (text: string, params: unknown[]) => sys.platform.pool.query(text, params);
async function settle(d: DossierRow, resultAt: string, status = 'result_ready') {
  await q('UPDATE dossiers SET status = $2, result_at = $3 WHERE id = $1', [d.id, status, resultAt]);
}

// Monday 2 March 2026: a 3-working-day procedure is due on Thursday 5 March.
const onTime = await receive(commune, '2026-03-02T09:00:00+07:00');
const early = await receive(commune, '2026-03-02T09:10:00+07:00');
const lateWithApology = await receive(commune, '2026-03-02T09:20:00+07:00');
const sameDay = await receive(commune, '2026-03-02T09:30:00+07:00', { sameDay: true });
await receive(commune, '2026-03-18T10:00:00+07:00', { channel: 'online', sameDay: true });
const elsewhere = await receive(sibling, '2026-03-03T10:00:00+07:00');
const lastYear = await receive(commune, '2025-12-15T10:00:00+07:00');

assert.equal(onTime.due_date, '2026-03-05');
await settle(onTime, new Date(new Date(onTime.due_at).getTime() - 3600_000).toISOString());
await settle(early, '2026-03-03T10:00:00+07:00', 'returned');
await q("UPDATE dossiers SET returned_at = '2026-03-04T08:00:00+07:00', return_channel = 'desk' WHERE id = $1", [early.id]);
// Late: an apology and extension to 10 March, then the result on 9 March (before the new date: still late).
await q(
  "INSERT INTO dossier_extensions (dossier_id, previous_due_date, new_due_date, reason, issued_at, late_when_issued) VALUES ($1, '2026-03-05', '2026-03-10', 'Cần xác minh thêm', '2026-03-05T16:00:00+07:00', false)",
  [lateWithApology.id],
);
await q("UPDATE dossiers SET extension_count = 1, due_date = '2026-03-10', due_at = '2026-03-10T17:00:00+07:00' WHERE id = $1", [lateWithApology.id]);
await settle(lateWithApology, '2026-03-09T10:00:00+07:00');
await settle(sameDay, '2026-03-02T15:00:00+07:00');
await settle(lastYear, '2025-12-16T10:00:00+07:00');
// Results written with SQL get the working days they took the way dossiers settled before migration 0012 do.
assert.equal(await fillWorkingDaysTaken(sys.platform.db), 5);
await q("INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, 'rat_hai_long', 'desk', '2026-03-06T09:00:00+07:00')", [onTime.id]);
await q("INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, 'khong_hai_long', 'qr', '2026-03-04T09:00:00+07:00')", [early.id]);
await q("INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at) VALUES ($1, 'hai_long', 'qr', '2026-03-04T09:00:00+07:00')", [elsewhere.id]);
// Looked at on Friday 20 March: the online dossier (received 18 March, due 23 March) is in progress within its limit.
dossierClock.set('2026-03-20T10:00:00+07:00');

interface Report {
  received: number;
  units: number;
  settled: { total: number; early: number; onTime: number; late: number; onTimeRate: number };
  inProgress: { total: number; onTime: number; overdue: number };
  sameDay: { dossiers: number; settledSameDay: number; rate: number };
  online: { dossiers: number; share: number };
  returnedNotClosed: number;
  apologies: number;
  procedures: { code: string; settled: number; averageWorkingDays: number; averageCalendarDays: number }[];
  satisfaction: { total: number; levels: Record<string, number>; satisfiedShare: number };
  serviceIndex: { progress: { numerator: number; denominator: number; ratio: number; score: number; target: number; maxPoints: number; formula: string } };
}

test('figures for a known set of dossiers in March 2026', async () => {
  const res = await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-03-01&to=2026-03-31` });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json() as Report;
  assert.equal(r.received, 5);
  assert.deepEqual(r.settled, { total: 4, early: 2, onTime: 1, late: 1, onTimeRate: 0.75 });
  assert.deepEqual(r.inProgress, { total: 1, onTime: 1, overdue: 0 });
  assert.deepEqual(r.sameDay, { dossiers: 2, settledSameDay: 1, rate: 0.5 });
  assert.deepEqual(r.online, { dossiers: 1, share: 0.2 });
  assert.equal(r.returnedNotClosed, 1);
  assert.equal(r.apologies, 1);
  assert.equal(r.procedures.length, 1);
  assert.equal(r.procedures[0]?.code, p3);
  assert.equal(r.procedures[0]?.settled, 4);
  // Working days after the day counting starts (2 March): on time 3 (Thu 5), early 1 (Tue 3), late 5 (Mon 9), same day 0.
  assert.equal(r.procedures[0]?.averageWorkingDays, 2.25);
  assert.ok((r.procedures[0]?.averageCalendarDays ?? 0) > 2);
  assert.equal(r.satisfaction.total, 2);
  assert.equal(r.satisfaction.levels.rat_hai_long, 1);
  assert.equal(r.satisfaction.levels.khong_hai_long, 1);
  assert.equal(r.satisfaction.satisfiedShare, 0.5);
  const g = r.serviceIndex.progress;
  assert.equal(g.numerator, 4);
  assert.equal(g.denominator, 5);
  assert.equal(g.ratio, 0.8);
  assert.equal(g.score, (0.8 * g.maxPoints) / g.target);
  assert.match(g.formula, /÷/);
});

test('stocks at the end of a past period: the online dossier was not yet received; December counts last year only', async () => {
  const r = (await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2025-12-01&to=2025-12-31` })).json() as Report;
  assert.equal(r.received, 1);
  assert.equal(r.settled.total, 1);
  assert.equal(r.inProgress.total, 0);
  const feb = (await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-02-01&to=2026-02-28` })).json() as Report;
  assert.equal(feb.received, 0);
  assert.equal(feb.serviceIndex.progress.ratio, null);
});

test('permissions: a clerk without reports.read gets 403; a leader gets their subtree, not above it', async () => {
  const url = `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-03-01&to=2026-03-31`;
  assert.equal((await clerk.request({ url })).statusCode, 403);
  assert.equal((await clerk.request({ url: '/bao-cao/ho-so', headers: { accept: 'text/html' } })).statusCode, 403);
  const subtree = await provinceLeader.request({ url: `/api/v1/reports/dossiers?unit=${province.code}&from=2026-03-01&to=2026-03-31&subtree=true` });
  assert.equal(subtree.statusCode, 200);
  const r = subtree.json() as Report;
  assert.equal(r.units, 3);
  assert.equal(r.received, 6);
  assert.equal(r.satisfaction.total, 3);
  const own = (await provinceLeader.request({ url: `/api/v1/reports/dossiers?unit=${province.code}&from=2026-03-01&to=2026-03-31` })).json() as Report;
  assert.equal(own.received, 0, 'without subtree only the province itself');
  const above = await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${province.code}&from=2026-03-01&to=2026-03-31&subtree=true` });
  assert.equal(above.statusCode, 403);
  const sib = await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${sibling.code}&from=2026-03-01&to=2026-03-31` });
  assert.equal(sib.statusCode, 403);
});

test('bad periods: 400 with Vietnamese messages', async () => {
  const base = `/api/v1/reports/dossiers?unit=${commune.code}`;
  const cases: [string, RegExp][] = [
    ['&to=2026-03-31', /ngày bắt đầu/],
    ['&from=2026-03-01', /ngày kết thúc/],
    ['&from=2026-03-31&to=2026-03-01', /bằng hoặc sau ngày bắt đầu/],
    ['&from=2025-01-01&to=2026-03-01', /tối đa 366 ngày/],
    ['&from=2026-02-30&to=2026-03-01', /không hợp lệ/],
  ];
  for (const [query, message] of cases) {
    const res = await communeLeader.request({ url: `${base}${query}` });
    assert.equal(res.statusCode, 400, query);
    const body = res.json() as { code: string; errors: { field: string; message: string }[] };
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.match(body.errors.map((e) => e.message).join(' '), message, query);
  }
  const unknown = await communeLeader.request({ url: '/api/v1/reports/dossiers?unit=khong-co-don-vi&from=2026-03-01&to=2026-03-31' });
  assert.equal(unknown.statusCode, 404);
});

test('the page shows the figures in a table and re-renders bad periods with an error summary', async () => {
  const page = await communeLeader.request({ url: `/bao-cao/ho-so?unit=${commune.code}&from=2026-03-01&to=2026-03-31&subtree=0` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Báo cáo tình hình giải quyết hồ sơ/);
  assert.match(page.body, /<table class="report">/);
  assert.match(page.body, /Hồ sơ tiếp nhận trong kỳ<\/th><td class="num">5</);
  assert.match(page.body, /80 %/);
  assert.match(page.body, /href="\/bao-cao\/ho-so"/, 'the navigation links to the report');
  const defaults = await communeLeader.request({ url: '/bao-cao/ho-so' });
  assert.equal(defaults.statusCode, 200);
  assert.match(defaults.body, /value="2026-03-01"/, 'the current month by default');
  const bad = await communeLeader.request({ url: `/bao-cao/ho-so?unit=${commune.code}&from=2026-03-31&to=2026-03-01` });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/);
});

test('a period of whole months reads monthly totals, and partial months the rows: the figures agree', async () => {
  // March is one whole month; 26 February – 31 March adds days of February read from the rows.
  const whole = (await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-03-01&to=2026-03-31` })).json() as Report;
  const partial = (await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-02-26&to=2026-03-31` })).json() as Report;
  const days = (await communeLeader.request({ url: `/api/v1/reports/dossiers?unit=${commune.code}&from=2026-03-02&to=2026-03-09` })).json() as Report;
  assert.deepEqual(partial.procedures, whole.procedures);
  assert.deepEqual(days.procedures, whole.procedures, 'every result of March fell between the 2nd and the 9th');
  assert.equal(days.settled.total, 4);
});

test('the daily and monthly totals the triggers kept equal the totals recomputed from the rows', async () => {
  const snapshot = async () => {
    const d = await q(
      `SELECT unit_id, day, received, online, paid_online, digitised, electronic_result, reused_documents, same_day, same_day_settled,
              settled, early, on_time, late, rat_hai_long, hai_long, binh_thuong, khong_hai_long
       FROM dossier_report_days
       WHERE received + settled + rat_hai_long + hai_long + binh_thuong + khong_hai_long <> 0 ORDER BY unit_id, day`,
      [],
    );
    const m = await q(
      `SELECT unit_id, month, procedure_id, settled, working_days, working_days_known, round(calendar_seconds::numeric, 3) AS calendar_seconds
       FROM dossier_report_procedure_months WHERE settled <> 0 ORDER BY unit_id, month, procedure_id`,
      [],
    );
    return { days: d.rows, months: m.rows };
  };
  const kept = await snapshot();
  assert.ok(kept.days.length >= 5, 'the known dossiers left daily totals');
  await q('SELECT dossier_report_rebuild()', []);
  assert.deepEqual(kept, await snapshot());
});
