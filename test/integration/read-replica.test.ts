/**
 * With DATABASE_READ_URL set, the reports, the service index and the dashboard read their figures from the replica
 * while sign-in, permissions and every write stay on the primary. Here the "replica" is a second database holding
 * different totals, so where each figure came from shows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

// The replica database is made here (not with freshDatabase) so that it is dropped only after the system, whose pool
// holds connections to it, has closed: after-hooks run in the order they were registered.
const admin = new URL(String(process.env.GD_TEST_ADMIN_URL));
const replicaName = `gd_r_${randomBytes(6).toString('hex')}`;
const adminClient = async () => {
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  return c;
};
{
  const c = await adminClient();
  await c.query(`CREATE DATABASE ${replicaName} TEMPLATE ${process.env.GD_TEST_TEMPLATE}`);
  await c.end();
}
const replicaUrl = Object.assign(new URL(admin.toString()), { pathname: `/${replicaName}` }).toString();
const sys = await startSystem({ DATABASE_READ_URL: replicaUrl });
after(() => dossierClock.set(null));
const replica = new pg.Client({ connectionString: replicaUrl });
await replica.connect();
after(() => replica.end());
after(async () => {
  const c = await adminClient();
  await c.query(`DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`);
  await c.end();
});

const province = await makeUnit(sys, { name: 'Tỉnh Bản Sao' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Bản Sao' });
const procedure = await makeProcedure(sys, { days: 3 });
dossierClock.set('2026-03-02T09:00:00+07:00');
await inTransaction(sys.platform.db, (tx) =>
  receiveDossier(
    tx,
    systemActor('test'),
    ward,
    { unit: ward.code, procedure, channel: 'desk', applicant: { name: 'Lê Văn Sao', phone: '0912000666' } },
    dossierClock.now(),
    null,
  ),
);
dossierClock.set(null);
// The replica has the same units (as streaming replication would give) but other totals for March.
for (const u of [province, ward]) {
  await replica.query('INSERT INTO units (id, code, name, kind, parent_id, path, depth) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    u.id,
    u.code,
    u.name,
    u.kind,
    u.parent_id,
    u.path,
    u.depth,
  ]);
}
await replica.query(`INSERT INTO dossier_report_days (unit_id, day, received, online) VALUES ($1, '2026-03-02', 7, 7)`, [ward.id]);
const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);

test('the dossier report and the service index count what the replica holds; sign-in and permissions use the primary', async () => {
  const report = (await leader.request({ url: `/api/v1/reports/dossiers?unit=${ward.code}&from=2026-03-01&to=2026-03-31` })).json();
  assert.equal(report.received, 7, 'the replica’s total, not the primary’s single dossier');
  const index = (await leader.request({ url: `/api/v1/reports/service-index?unit=${ward.code}&from=2026-03-01&to=2026-03-31` })).json();
  const online = index.indicators.find((x: { code: string }) => x.code === '3.1');
  assert.deepEqual([online.numerator, online.denominator], [7, 7]);
  const primary = await sys.platform.pool.query(`SELECT sum(received)::int AS n FROM dossier_report_days WHERE unit_id = $1`, [ward.id]);
  assert.equal(primary.rows[0].n, 1);
  const dashboard = await leader.request({ url: `/bang-dieu-khien?unit=${ward.code}`, headers: { accept: 'text/html' } });
  assert.equal(dashboard.statusCode, 200);
});
