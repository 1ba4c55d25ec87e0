/**
 * Dossier intake across real app processes (`src/main.ts`, as in processes.test.ts): codes stay unique and gap-free
 * when two processes receive for one unit at once, and a process killed with SIGKILL in the middle of an intake burst
 * loses no dossier it acknowledged and leaves none half-written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { freshDatabase } from '../helpers.ts';
import { freePort, signInHttp, startApp, waitReady } from '../processes.ts';

/** Demo data: the one-stop clerk of Phường 1 (Cao Lãnh, national code 29866) and a same-day birth registration. */
const CLERK = 'motcua.phuong1';
const DEMO_PASSWORD = 'GanDan@2026';
const UNIT = 'cao-lanh-phuong-1';
const PROCEDURE = '1.001193';

/** Signs in the demo clerk over HTTP; the CSRF token comes from the desk page. */
const signIn = (base: string, username: string) => signInHttp(base, username, DEMO_PASSWORD, '/mot-cua');

function intake(base: string, s: { cookie: string; csrf: string }, i: number): Promise<Response> {
  return fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      unit: UNIT,
      procedure: PROCEDURE,
      channel: 'desk',
      applicant: { name: `Người Nộp Số ${i}`, phone: `09120${String(i).padStart(5, '0')}` },
      documents: ['Tờ khai đăng ký khai sinh'],
    }),
  });
}

const sequenceOf = (code: string) => Number(code.split('-').at(-1));

test('two processes receiving 40 dossiers for one unit at once: codes …-0001 … -0040, no gap, no duplicate', async () => {
  const url = await freshDatabase();
  const [pa, pb] = [await freePort(), await freePort()];
  startApp({ DATABASE_URL: url, DEMO: '1', PORT: String(pa) });
  startApp({ DATABASE_URL: url, DEMO: '1', PORT: String(pb) });
  await Promise.all([waitReady(pa), waitReady(pb)]);
  const a = `http://127.0.0.1:${pa}`;
  const b = `http://127.0.0.1:${pb}`;
  const [sa, sb] = await Promise.all([signIn(a, CLERK), signIn(b, CLERK)]);

  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? intake(a, sa, i) : intake(b, sb, i))));
  const codes: string[] = [];
  for (const res of answers) {
    assert.equal(res.status, 201, await res.clone().text());
    codes.push(((await res.json()) as { code: string }).code);
  }
  const prefixes = new Set(codes.map((c) => c.replace(/-\d+$/, '')));
  assert.equal(prefixes.size, 1, `one unit and day: ${[...prefixes].join(', ')}`);
  assert.match([...prefixes][0] as string, /^29866-\d{6}$/);
  assert.deepEqual(
    codes.map(sequenceOf).sort((x, y) => x - y),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  const suffixes = codes.map((c) => c.slice(-5)).sort();
  assert.equal(suffixes[0], '-0001');
  assert.equal(suffixes[39], '-0040');
});

test('kill -9 in the middle of an intake burst: every acknowledged dossier survives whole, none is half-written', async (t) => {
  const url = await freshDatabase();
  const port = await freePort();
  const env = { DATABASE_URL: url, DEMO: '1' };
  const app = startApp({ ...env, PORT: String(port) });
  await waitReady(port);
  const base = `http://127.0.0.1:${port}`;
  const session = await signIn(base, CLERK);

  const acknowledged: string[] = [];
  let sent = 0;
  let failed = 0;
  let killed = false;
  const KILL_AFTER = 60;
  const worker = async () => {
    while (sent < 10_000) {
      const i = sent++;
      try {
        const res = await intake(base, session, i);
        if (res.status === 201) acknowledged.push(((await res.json()) as { code: string }).code);
        else failed++;
      } catch {
        failed++; // the connection died with the process
        if (killed) return;
      }
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        app.kill('SIGKILL'); // requests of the other workers are in flight right now
      }
      if (killed && app.exitCode === null && app.signalCode === null) await new Promise((r) => setTimeout(r, 5));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.ok(killed);
  assert.ok(failed >= 1, 'some requests were cut off by the kill');

  const port2 = await freePort();
  const restarted = startApp({ ...env, PORT: String(port2) });
  await waitReady(port2);
  const db = new pg.Client({ connectionString: url });
  db.on('error', () => {}); // the database is dropped with FORCE when the file ends
  await db.connect();
  try {
    const stored = await db.query<{ code: string; events: number; audits: number }>(
      `SELECT d.code,
            (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'receive')::int AS events,
            (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'dossier' AND a.entity_id = d.code AND a.action = 'dossier.receive')::int AS audits
     FROM dossiers d ORDER BY d.code`,
    );
    const byCode = new Map(stored.rows.map((r) => [r.code, r]));
    for (const code of acknowledged) {
      const row = byCode.get(code);
      assert.ok(row, `acknowledged dossier ${code} survived the crash`);
      assert.equal(row.events, 1, `${code} has its receipt event`);
      assert.equal(row.audits, 1, `${code} has its audit row`);
    }
    for (const row of stored.rows) {
      assert.equal(row.events, 1, `no dossier without its timeline (${row.code})`);
      assert.equal(row.audits, 1, `no dossier without its audit row (${row.code})`);
    }
    const orphans = await db.query(
      "SELECT count(*)::int AS n FROM audit_log a WHERE a.action = 'dossier.receive' AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.code = a.entity_id)",
    );
    assert.equal(orphans.rows[0].n, 0, 'no audit row for a dossier that does not exist');
    // Rolled-back intakes gave their numbers back: the stored codes are still 1 … n.
    assert.deepEqual(
      stored.rows.map((r) => sequenceOf(r.code)).sort((x, y) => x - y),
      Array.from({ length: stored.rows.length }, (_, i) => i + 1),
    );
    // The restarted process carries on with the next number.
    const next = await intake(`http://127.0.0.1:${port2}`, await signIn(`http://127.0.0.1:${port2}`, CLERK), 99_999);
    assert.equal(next.status, 201);
    assert.equal(sequenceOf(((await next.json()) as { code: string }).code), stored.rows.length + 1);
    t.diagnostic(
      `kill -9 mid-burst: ${acknowledged.length} acknowledged, ${stored.rows.length} stored (${stored.rows.length - acknowledged.length} committed but unanswered), ${failed} cut off`,
    );
  } finally {
    await db.end();
    restarted.kill('SIGTERM');
    await new Promise((r) => restarted.once('exit', r));
  }
});
