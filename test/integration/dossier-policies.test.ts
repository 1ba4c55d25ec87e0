/**
 * Same-day and no-appointment policies through the real API (issue 4 item 3) and the warnings jobs (item 4), with the
 * dossier clock set to real 2026 moments (Vietnam time) and the official 2026 calendar seeded by the migrations.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DUE_SOON_JOB, dossierClock, dossierJobDefinitions, RETURNED_NOT_CLOSED_JOB, sameDayStats } from '../../src/modules/dossiers/index.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
const province = await makeUnit(sys, { name: 'Tỉnh Trong Ngày' });
const units = {
  threshold: await makeUnit(sys, { parent: province, name: 'Xã Dưới Ngưỡng' }),
  noWait: await makeUnit(sys, { parent: province, name: 'Xã Ngày Không Chờ' }),
  thursday: await makeUnit(sys, { parent: province, name: 'Xã Thứ Năm' }),
  friday: await makeUnit(sys, { parent: province, name: 'Phường Thứ Sáu' }),
  registered: await makeUnit(sys, { parent: province, name: 'Phường Bốn Tại Chỗ' }),
  warn: await makeUnit(sys, { parent: province, name: 'Xã Cảnh Báo' }),
};
const users = {
  admin: await makeUser(sys, 'unit_leader', province, { subtree: true }),
  clerk: await makeUser(sys, 'one_stop_clerk', province, { subtree: true }),
  warnClerk: await makeUser(sys, 'one_stop_clerk', units.warn),
  warnLeader: await makeUser(sys, 'unit_leader', units.warn),
  specialist: await makeUser(sys, 'specialist', units.warn),
  outsider: await makeUser(sys, 'unit_leader', await makeUnit(sys, { name: 'Tỉnh Khác' })),
};
const s: Record<keyof typeof users, Session> = {} as never;
for (const [k, u] of Object.entries(users)) s[k as keyof typeof users] = await signIn(sys, u.username);

let n = 0;
/** A published procedure that the desk can settle on the spot (same_day_eligible). */
async function eligibleProcedure(days: number): Promise<string> {
  const code = `8.${String(process.pid % 1000).padStart(3, '0')}${String(n++).padStart(3, '0')}`;
  const spec: ProcedureSpec = {
    code,
    name: `Chứng thực thử ${code}`,
    field: 'Chứng thực',
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: { value: days, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: [],
    documents: [{ name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: null }],
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: 'full',
    sameDayEligible: true,
    unverified: [],
  };
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec);
    await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, '2025-07-01');
  });
  return code;
}

const p2 = await makeProcedure(sys, { days: 2, name: 'Thủ tục hai ngày (thử)' });
const p3 = await makeProcedure(sys, { days: 3, name: 'Đăng ký khai sinh (thử)' });
const p3other = await makeProcedure(sys, { days: 3 });
const e5 = await eligibleProcedure(5);

const at = (local: string) => dossierClock.set(`${local}+07:00`);
type Dossier = { code: string; dueDate: string; dueAt: string; flags?: { sameDay: boolean } } & Record<string, unknown>;

async function receive(unit: { code: string }, procedure: string): Promise<Dossier> {
  const res = await s.clerk.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: { unit: unit.code, procedure, channel: 'desk', applicant: { name: 'Lê Thị Chờ', idNumber: '001203456789', phone: '0912344567' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Dossier;
}

async function policyOf(code: string) {
  const r = await sys.platform.pool.query('SELECT same_day, service_policy, service_policy_name, normal_due_date FROM dossiers WHERE code = $1', [code]);
  return r.rows[0] as { same_day: boolean; service_policy: string | null; service_policy_name: string | null; normal_due_date: string | null };
}

async function addPolicy(session: Session, body: Record<string, unknown>) {
  return session.request({ method: 'POST', url: '/api/v1/dossier-policies', payload: body });
}

const made: Record<string, number> = {};
test('an administrator adds policies per unit (audited); others may not', async () => {
  const bodies: [string, Record<string, unknown>][] = [
    ['threshold', { unit: units.threshold.code, kind: 'under_threshold', thresholdDays: 3, source: 'Seed 000, mô hình 1' }],
    ['noWait', { unit: units.noWait.code, kind: 'no_wait_weekdays', weekdays: [2, 5], maxDays: 7, name: 'Ngày không chờ' }],
    ['thursday', { unit: units.thursday.code, kind: 'no_wait_weekdays', weekdays: [4], maxDays: 5, name: 'Ngày thứ năm không hẹn' }],
    ['friday', { unit: units.friday.code, kind: 'friday_not_next_week', procedures: [p3], source: 'Kế hoạch 190/KH-UBND' }],
    ['registered', { unit: units.registered.code, kind: 'registered_same_day' }],
  ];
  for (const [k, body] of bodies) {
    const res = await addPolicy(s.admin, body);
    assert.equal(res.statusCode, 201, res.body);
    made[k] = res.json().id;
  }
  const list = await s.admin.request({ url: `/api/v1/dossier-policies?unit=${units.friday.code}` });
  assert.deepEqual(
    list.json().items.map((i: { name: string; procedures: string[] }) => [i.name, i.procedures]),
    [['Thứ Sáu không hẹn qua tuần', [p3]]],
  );
  assert.equal((await addPolicy(s.clerk, { unit: units.threshold.code, kind: 'under_threshold', thresholdDays: 3 })).statusCode, 403);
  assert.equal((await addPolicy(s.outsider, { unit: units.threshold.code, kind: 'under_threshold', thresholdDays: 3 })).statusCode, 403);
  assert.equal((await addPolicy(s.admin, { unit: units.threshold.code, kind: 'under_threshold' })).statusCode, 400);
  const audit = await sys.platform.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier_policy.create'");
  assert.equal(audit.rows[0].n, 5);
});

test('same-day: a procedure under 3 working days is settled on the spot', async () => {
  at('2026-11-24T09:00');
  const page = await s.clerk.request({ url: `/mot-cua/ho-so/moi?unit=${units.threshold.code}&procedure=${p2}` });
  assert.match(page.body, /Thủ tục này được giải quyết trong ngày theo “Không hẹn đối với thủ tục có thời hạn dưới 03 ngày làm việc”/);
  const d = await receive(units.threshold, p2);
  assert.equal(d.dueDate, '2026-11-24');
  assert.equal(d.dueAt, '2026-11-24T10:00:00.000Z'); // 17:00 in Vietnam
  assert.deepEqual(await policyOf(d.code), {
    same_day: true,
    service_policy: 'under_threshold',
    service_policy_name: 'Không hẹn đối với thủ tục có thời hạn dưới 03 ngày làm việc',
    normal_due_date: '2026-11-26',
  });
  const shown = await s.clerk.request({ url: `/mot-cua/ho-so/${d.code}` });
  assert.match(shown.body, /Có, theo “Không hẹn đối với thủ tục có thời hạn dưới 03 ngày làm việc”/);
  // A 3-day procedure is not under the threshold.
  assert.equal((await receive(units.threshold, p3)).dueDate, '2026-11-27');
});

test('no-wait weekday: Tuesday settles an eligible 5-day procedure while the citizen waits; Wednesday does not', async () => {
  at('2026-11-24T10:00');
  const tue = await receive(units.noWait, e5);
  assert.equal(tue.dueDate, '2026-11-24');
  assert.equal((await policyOf(tue.code)).service_policy_name, 'Ngày không chờ');
  at('2026-11-25T10:00');
  assert.equal((await receive(units.noWait, e5)).dueDate, '2026-12-02');
  // A procedure the desk cannot settle on the spot keeps its appointment even on a Tuesday.
  at('2026-11-24T10:30');
  assert.equal((await receive(units.noWait, p3)).dueDate, '2026-11-27');
});

test('Thursday no-appointment ("Ngày thứ năm không hẹn", seed 003)', async () => {
  at('2026-11-26T08:30');
  const d = await receive(units.thursday, e5);
  assert.equal(d.dueDate, '2026-11-26');
  assert.equal((await policyOf(d.code)).service_policy_name, 'Ngày thứ năm không hẹn');
});

test('Friday rule: received Friday 2026-11-27 with 3 working days is not appointed into next week (seed 004)', async () => {
  at('2026-11-27T09:15');
  const d = await receive(units.friday, p3);
  assert.equal(d.dueDate, '2026-11-27');
  assert.deepEqual(await policyOf(d.code), {
    same_day: true,
    service_policy: 'friday_not_next_week',
    service_policy_name: 'Thứ Sáu không hẹn qua tuần',
    normal_due_date: '2026-12-02',
  });
  // The API tells integrations which policy gave the date.
  const shown = (await s.clerk.request({ url: `/api/v1/dossiers/${d.code}` })).json();
  assert.deepEqual(shown.servicePolicy, { kind: 'friday_not_next_week', name: 'Thứ Sáu không hẹn qua tuần', normalDueDate: '2026-12-02' });
  // Not a listed procedure: the ordinary date in the next week.
  assert.equal((await receive(units.friday, p3other)).dueDate, '2026-12-02');
  // A Thursday dossier of the listed procedure keeps its date.
  at('2026-11-26T09:15');
  assert.equal((await receive(units.friday, p3)).dueDate, '2026-12-01');
});

test('registered same-day procedure of the unit ("Bốn tại chỗ", seed 004 appendix)', async () => {
  const proc = await sys.platform.pool.query('SELECT id FROM procedures WHERE code = $1', [p3other]);
  await sys.platform.pool.query('INSERT INTO unit_procedures (unit_id, procedure_id, same_day) VALUES ($1, $2, true)', [units.registered.id, proc.rows[0].id]);
  at('2026-11-25T14:00');
  const d = await receive(units.registered, p3other);
  assert.equal(d.dueDate, '2026-11-25');
  assert.equal((await policyOf(d.code)).service_policy, 'registered_same_day');
  assert.equal((await receive(units.registered, p3)).dueDate, '2026-11-30');
});

test('policy switched off → the ordinary due date; the switch is audited', async () => {
  const off = await s.admin.request({ method: 'PATCH', url: `/api/v1/dossier-policies/${made.threshold}`, payload: { enabled: false } });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(off.json().enabled, false);
  assert.equal((await s.clerk.request({ method: 'PATCH', url: `/api/v1/dossier-policies/${made.threshold}`, payload: { enabled: true } })).statusCode, 403);
  at('2026-11-24T09:30');
  const d = await receive(units.threshold, p2);
  assert.equal(d.dueDate, '2026-11-26');
  assert.equal((await policyOf(d.code)).service_policy, null);
  const audit = await sys.platform.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier_policy.disable'");
  assert.equal(audit.rows[0].n, 1);
});

test('sameDayStats counts dossiers per policy', async () => {
  const stats = await sameDayStats(sys.platform.db, units.friday.id, '2026-11-01', '2026-11-30');
  assert.deepEqual(
    stats.map((x) => [x.policy, x.received, x.sameDay]),
    [
      ['friday_not_next_week', 1, 1],
      [null, 2, 0],
    ],
  );
});

test('warnings: due within one working day, once per dossier even when the job runs twice', async () => {
  at('2026-11-24T09:00');
  const soon = await receive(units.warn, p3); // due Friday 2026-11-27
  const later = await receive(units.warn, e5); // due 2026-12-01
  await sys.platform.pool.query('UPDATE dossiers SET assignee_user_id = $1 WHERE code = $2', [users.specialist.id, soon.code]);
  const jobs = dossierJobDefinitions(sys.platform.db);
  const dueJob = jobs.find((j) => j.name === DUE_SOON_JOB);
  assert.ok(dueJob);
  at('2026-11-26T09:05');
  await dueJob.handler({});
  await dueJob.handler({});
  const rows = await sys.platform.pool.query(
    'SELECT d.code, w.audience, w.recipient_user_id FROM dossier_warnings w JOIN dossiers d ON d.id = w.dossier_id WHERE d.unit_id = $1 ORDER BY d.code, w.audience',
    [units.warn.id],
  );
  assert.deepEqual(
    rows.rows.map((r) => [r.code, r.audience, r.recipient_user_id]),
    [
      [soon.code, 'assignee', users.specialist.id],
      [soon.code, 'leader', null],
    ],
  );
  assert.ok(!rows.rows.some((r) => r.code === later.code));
  const specialistDesk = await s.specialist.request({ url: `/mot-cua?unit=${units.warn.code}` });
  assert.match(specialistDesk.body, /Cảnh báo/);
  assert.ok(specialistDesk.body.includes(soon.code));
  const leaderDesk = await s.warnLeader.request({ url: `/mot-cua?unit=${units.warn.code}` });
  assert.ok(leaderDesk.body.includes(soon.code));
});

test('returned but not closed: listed after a working day, warned once to the desk and the leader', async () => {
  at('2026-11-24T09:00');
  const d = await receive(units.warn, p2);
  await sys.platform.pool.query(
    "UPDATE dossiers SET status = 'returned', result_at = '2026-11-25T10:00+07', returned_at = '2026-11-27T15:00+07', return_channel = 'desk' WHERE code = $1",
    [d.code],
  );
  const job = dossierJobDefinitions(sys.platform.db).find((j) => j.name === RETURNED_NOT_CLOSED_JOB);
  assert.ok(job);
  at('2026-11-28T08:00'); // Saturday: no working day has passed
  await job.handler({});
  assert.ok(!(await s.warnClerk.request({ url: `/mot-cua/chua-dong?unit=${units.warn.code}` })).body.includes(d.code));
  at('2026-11-30T06:45'); // Monday
  await job.handler({});
  await job.handler({});
  const w = await sys.platform.pool.query("SELECT audience FROM dossier_warnings WHERE kind = 'returned_not_closed' ORDER BY audience");
  // Each warning stays single however often the jobs run.
  const dup = await sys.platform.pool.query('SELECT count(*)::int AS n FROM dossier_warnings GROUP BY dossier_id, kind, audience, ref_day HAVING count(*) > 1');
  assert.equal(dup.rowCount, 0);
  assert.deepEqual(
    w.rows.map((r) => r.audience),
    ['desk', 'leader'],
  );
  const list = await s.warnClerk.request({ url: `/mot-cua/chua-dong?unit=${units.warn.code}` });
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(d.code));
  assert.ok((await s.warnClerk.request({ url: `/mot-cua?unit=${units.warn.code}` })).body.includes(d.code));
});

test('policies page: a leader switches a policy on from the page', async () => {
  const page = await s.admin.request({ url: `/mot-cua/chinh-sach?unit=${units.threshold.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Đang tắt/);
  const res = await s.admin.request({
    method: 'POST',
    url: `/mot-cua/chinh-sach/${made.threshold}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ enabled: 'true' }).toString(),
  });
  assert.equal(res.statusCode, 303, res.body);
  assert.match((await s.admin.request({ url: `/mot-cua/chinh-sach?unit=${units.threshold.code}` })).body, /Đang bật/);
});
