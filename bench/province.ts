/**
 * Province bench (issue 9 item 7), part of `npm run bench` and runnable alone: `npx tsx bench/province.ts`.
 *
 * A province-size data set on a fresh embedded PostgreSQL with the demo data: the demo province grows to 1,000 units
 * (synthetic wards under its districts and cities), 10,000,000 dossiers over twelve months (the generator of
 * bench/dossiers.ts) and 1,000,000 feedback items, generated with INSERT … SELECT generate_series. Then, through HTTP
 * as the administrator:
 *   - the quarterly figures of one commune: the service index of the last whole quarter for the ward
 *     (`/api/v1/reports/service-index`, which reads the dossier and feedback indicators too), 20 runs, p50/p95,
 *     aim p95 < 2 s;
 *   - the index of the whole province for that quarter (`subtree=true`, 1,000 units), 10 runs, aim < 10 s.
 * The sizes are settings for a shorter run: BENCH_PROVINCE_DOSSIERS, BENCH_PROVINCE_FEEDBACK, BENCH_PROVINCE_UNITS.
 * With DATABASE_READ_URL the same reads go to the replica (src/compose.ts); this bench measures the primary.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { generateDossiers, signIn } from './dossiers.ts';
import { freePort, percentile, waitReady } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');
const DOSSIERS = Number(process.env.BENCH_PROVINCE_DOSSIERS ?? 10_000_000);
const FEEDBACK = Number(process.env.BENCH_PROVINCE_FEEDBACK ?? 1_000_000);
const UNITS = Number(process.env.BENCH_PROVINCE_UNITS ?? 1000);

export interface ProvinceBenchResult {
  units: number;
  dossiers: number;
  feedback: number;
  generatedSeconds: number;
  quarter: { from: string; to: string };
  commune: Timing;
  province: Timing;
}

interface Timing {
  label: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  total: number | null;
}

/** Adds synthetic wards under the demo province's districts and cities until the province has `total` units. */
async function growUnits(db: pg.Pool, total: number): Promise<void> {
  const have = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM units')).rows[0]?.n ?? 0);
  if (have >= total) return;
  const parents = (
    await db.query<{ id: string; path: string; depth: number }>(`SELECT id, path, depth FROM units WHERE kind IN ('city', 'town', 'district') ORDER BY path`)
  ).rows;
  const need = total - have;
  for (let i = 0; i < need; i++) {
    const p = parents[i % parents.length] as (typeof parents)[number];
    const r = await db.query<{ id: string }>(`INSERT INTO units (code, name, kind, parent_id, path, depth) VALUES ($1, $2, 'ward', $3, '', $4) RETURNING id`, [
      `bench-phuong-${i + 1}`,
      `Phường Thử ${i + 1}`,
      p.id,
      p.depth + 1,
    ]);
    await db.query(`UPDATE units SET path = $2 WHERE id = $1`, [r.rows[0]?.id, `${p.path}${r.rows[0]?.id}/`]);
  }
}

/** `count` feedback items over the communes and wards, twelve months back, most answered, some late, some rated. */
async function generateFeedback(db: pg.Pool, count: number): Promise<void> {
  const chunk = 100_000;
  for (let a = 1; a <= count; a += chunk) {
    const b = Math.min(count, a + chunk - 1);
    await db.query(
      `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM units WHERE kind IN ('ward', 'commune')),
       g AS (SELECT i, random() AS r1, random() AS r2, now() - random() * interval '365 days' AS rcv FROM generate_series($1::int, $2::int) i)
       INSERT INTO feedback (code, channel, unit_id, description, status, answer, answered_at, received_at, classify_due_at, answer_due_at, rating, rated_at)
       SELECT translate(upper(substr(md5(i::text), 1, 8)), '01', 'XY'), (ARRAY['web', 'hotline', 'zalo', 'facebook', 'email', 'open311'])[1 + (i % 6)],
              u.ids[1 + (i * 7919) % cardinality(u.ids)], 'Phản ánh sinh ra cho bench ' || i,
              CASE WHEN r1 < 0.85 AND rcv + interval '20 days' < now() THEN 'answered' ELSE 'in_progress' END,
              CASE WHEN r1 < 0.85 AND rcv + interval '20 days' < now() THEN 'Đã xử lý' END,
              CASE WHEN r1 < 0.85 AND rcv + interval '20 days' < now() THEN rcv + (r2 * 20) * interval '1 day' END,
              rcv, rcv + interval '4 days', rcv + interval '14 days',
              CASE WHEN r1 < 0.4 AND rcv + interval '20 days' < now() THEN (ARRAY['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long'])[1 + (i % 4)] END,
              CASE WHEN r1 < 0.4 AND rcv + interval '20 days' < now() THEN rcv + interval '21 days' END
       FROM g, u
       ON CONFLICT DO NOTHING`,
      [a, b],
    );
  }
  await db.query('VACUUM ANALYZE feedback');
}

function lastWholeQuarter(now: Date): { from: string; to: string } {
  const day = new Date(now.getTime() + 7 * 3600_000);
  let y = day.getUTCFullYear();
  let q = Math.floor(day.getUTCMonth() / 3) - 1;
  if (q < 0) {
    q = 3;
    y--;
  }
  const first = q * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(last)}` };
}

async function time(base: string, cookie: string, label: string, query: string, runs: number): Promise<Timing> {
  const get = async () => {
    const res = await fetch(`${base}/api/v1/reports/service-index?${query}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.slice(0, 300)}`);
    return JSON.parse(body) as { total: number };
  };
  await get();
  const times: number[] = [];
  let total: number | null = null;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    total = (await get()).total;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { label, runs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times.at(-1) as number, total };
}

export async function benchProvince(log: (line: string) => void = () => {}): Promise<ProvinceBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-province-'));
  const port = await freePort();
  let app: ChildProcess | null = null;
  let db: pg.Pool | null = null;
  try {
    app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DEMO: '1', PORT: String(port), WORKER: '0' },
      stdio: 'ignore',
    });
    await waitReady(port);
    const base = `http://127.0.0.1:${port}`;
    const embedded = await openEmbeddedDatabase(dataDir, 'client');
    db = new pg.Pool({ connectionString: embedded.url, max: 4 });
    const t0 = performance.now();
    log(`province bench: ${UNITS} units, ${DOSSIERS.toLocaleString('en')} dossiers, ${FEEDBACK.toLocaleString('en')} feedback items …`);
    await growUnits(db, UNITS);
    await generateDossiers(db, DOSSIERS);
    await generateFeedback(db, FEEDBACK);
    const generatedSeconds = (performance.now() - t0) / 1000;
    const units = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM units')).rows[0]?.n ?? 0);
    const quarter = lastWholeQuarter(new Date());
    const admin = await signIn(base, 'admin');
    log('province bench: timings …');
    const q = `from=${quarter.from}&to=${quarter.to}`;
    const commune = await time(base, admin.cookie, 'one ward, quarterly', `unit=cao-lanh-phuong-1&${q}`, 20);
    const province = await time(base, admin.cookie, 'whole province, quarterly', `unit=dong-thap&subtree=true&${q}`, 10);
    return { units, dossiers: DOSSIERS, feedback: FEEDBACK, generatedSeconds, quarter, commune, province };
  } finally {
    await db?.end();
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app?.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printProvinceBench(r: ProvinceBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (n: number) => n.toFixed(0);
  out(
    `\nProvince data set: ${r.units} units, ${r.dossiers.toLocaleString('en')} dossiers, ${r.feedback.toLocaleString('en')} feedback items (generated in ${f(r.generatedSeconds)} s); quarter ${r.quarter.from} – ${r.quarter.to}\n`,
  );
  for (const [t, aim] of [
    [r.commune, 2000],
    [r.province, 10_000],
  ] as const) {
    out(
      `  service index, ${t.label.padEnd(28)} p50 ${f(t.p50Ms).padStart(6)} ms  p95 ${f(t.p95Ms).padStart(6)} ms  max ${f(t.maxMs).padStart(6)} ms (total ${t.total}/100) → < ${aim / 1000} s ${t.p95Ms < aim ? 'met' : 'NOT met'}\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchProvince((line) => process.stdout.write(`${line}\n`))
    .then((r) => printProvinceBench(r))
    .catch((err: unknown) => {
      process.stderr.write(`province bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
