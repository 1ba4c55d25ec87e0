/**
 * Province bench (issue 9 item 7), part of `npm run bench` and runnable alone: `npx tsx bench/province.ts`.
 *
 * A province-size data set on a fresh embedded PostgreSQL with the demo data: the demo province grows to 1,000 units
 * (synthetic wards under its districts and cities), 10,000,000 dossiers over twelve months (the generator of
 * bench/dossiers.ts) and 1,000,000 feedback items, generated with INSERT … SELECT generate_series. Then, through HTTP
 * as the administrator, for the last whole quarter:
 *   - the quarterly reform report of one commune: opened once (`POST /api/v1/reform-reports`), then compiled 20 times
 *     (`POST /api/v1/reform-reports/:id/compile`: every module's figures and the service index, computed again),
 *     p50/p95, aim p95 < 2 s;
 *   - the service index of that ward alone (`/api/v1/reports/service-index`), 20 runs;
 *   - the index of the whole province (`subtree=true`, 1,000 units), 10 runs, aim < 10 s;
 *   - the province's own reform report compiled over its 1,000 units, 5 runs (no aim set by the issue).
 * The sizes are settings for a shorter run: BENCH_PROVINCE_DOSSIERS, BENCH_PROVINCE_FEEDBACK, BENCH_PROVINCE_UNITS.
 * BENCH_PROVINCE_DATA_DIR keeps the generated database in that folder and, when it already holds the data set,
 * measures again without generating it (the full size takes most of an hour to generate on 2 cores).
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
const KEPT_DATA_DIR = process.env.BENCH_PROVINCE_DATA_DIR;

export interface ProvinceBenchResult {
  units: number;
  dossiers: number;
  feedback: number;
  /** Null when an earlier run's data set was measured again (BENCH_PROVINCE_DATA_DIR). */
  generatedSeconds: number | null;
  quarter: { key: string; from: string; to: string };
  communeReport: Timing;
  commune: Timing;
  province: Timing;
  provinceReport: Timing;
}

interface Timing {
  label: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  total: number | null;
}

/** The province measured: the demo's Đồng Tháp (the demo's other province, Bình Phước, stays as it is). */
const PROVINCE = 'dong-thap';

/** Adds synthetic wards under the province's districts, towns and cities until the province has `total` units. */
async function growUnits(db: pg.Pool, total: number): Promise<void> {
  const inProvince = `path LIKE (SELECT path FROM units WHERE code = '${PROVINCE}') || '%'`;
  const have = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM units WHERE ${inProvince}`)).rows[0]?.n ?? 0);
  if (have >= total) return;
  const parents = (
    await db.query<{ id: string; path: string; depth: number }>(
      `SELECT id, path, depth FROM units WHERE kind IN ('city', 'town', 'district') AND ${inProvince} ORDER BY path`,
    )
  ).rows;
  const first = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM units WHERE code LIKE 'bench-phuong-%'`)).rows[0]?.n ?? 0);
  for (let i = first; i < first + total - have; i++) {
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
              u.ids[1 + (i::bigint * 7919) % cardinality(u.ids)], 'Phản ánh sinh ra cho bench ' || i,
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

function lastWholeQuarter(now: Date): { key: string; from: string; to: string } {
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
  return { key: `${y}-Q${q + 1}`, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(last)}` };
}

/** Runs `call` once to warm up, then `runs` times timed; `total` is what the last call returned. */
async function timed(label: string, runs: number, call: () => Promise<number | null>): Promise<Timing> {
  await call();
  const times: number[] = [];
  let total: number | null = null;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    total = await call();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { label, runs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times.at(-1) as number, total };
}

async function send(base: string, cookie: string, csrf: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The service index of a unit (or its subtree) for the quarter; returns the total out of 100. */
function indexTiming(base: string, who: { cookie: string; csrf: string }, label: string, query: string, runs: number): Promise<Timing> {
  return timed(label, runs, async () => (await send(base, who.cookie, who.csrf, 'GET', `/api/v1/reports/service-index?${query}`)).total as number);
}

/** Opens the unit's reform report for the quarter, then times compiling it; returns the dossiers received it shows. */
async function reportTiming(base: string, who: { cookie: string; csrf: string }, label: string, unit: string, period: string, runs: number): Promise<Timing> {
  const opened = await send(base, who.cookie, who.csrf, 'POST', '/api/v1/reform-reports', { unit, period });
  return timed(label, runs, async () => {
    const r = await send(base, who.cookie, who.csrf, 'POST', `/api/v1/reform-reports/${opened.id}/compile`, {});
    const sections = r.sections as { figures: { key: string; value: number | null }[] }[];
    return sections.flatMap((s) => s.figures).find((f) => f.key === 'dossiers.received')?.value ?? null;
  });
}

export async function benchProvince(log: (line: string) => void = () => {}): Promise<ProvinceBenchResult> {
  const dataDir = KEPT_DATA_DIR ? path.resolve(KEPT_DATA_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-province-'));
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
    await growUnits(db, UNITS);
    const generatedBefore = await db.query<{ dossiers: string; feedback: string }>(
      `SELECT (SELECT count(*) FROM dossiers WHERE code LIKE 'GEN-%') AS dossiers, (SELECT count(*) FROM feedback WHERE description LIKE 'Phản ánh sinh ra cho bench%') AS feedback`,
    );
    const before = generatedBefore.rows[0];
    let generatedSeconds: number | null = null;
    if (Number(before?.dossiers) >= DOSSIERS && Number(before?.feedback) >= FEEDBACK * 0.99) {
      log(`province bench: reusing the data set in ${dataDir}`);
    } else {
      log(`province bench: ${UNITS} units, ${DOSSIERS.toLocaleString('en')} dossiers, ${FEEDBACK.toLocaleString('en')} feedback items …`);
      // Each part is generated unless an earlier run left it whole (a run stopped half-way resumes).
      if (Number(before?.dossiers) < DOSSIERS) await generateDossiers(db, DOSSIERS);
      await generateFeedback(db, FEEDBACK);
      generatedSeconds = (performance.now() - t0) / 1000;
      log(`province bench: generated in ${generatedSeconds.toFixed(0)} s`);
    }
    const units = Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM units WHERE path LIKE (SELECT path FROM units WHERE code = '${PROVINCE}') || '%'`)).rows[0]
        ?.n ?? 0,
    );
    const quarter = lastWholeQuarter(new Date());
    const admin = await signIn(base, 'admin');
    log('province bench: timings …');
    const q = `from=${quarter.from}&to=${quarter.to}`;
    const communeReport = await reportTiming(base, admin, 'reform report, one ward', 'cao-lanh-phuong-1', quarter.key, 20);
    const commune = await indexTiming(base, admin, 'service index, one ward', `unit=cao-lanh-phuong-1&${q}`, 20);
    const province = await indexTiming(base, admin, 'service index, province', `unit=${PROVINCE}&subtree=true&${q}`, 10);
    const provinceReport = await reportTiming(base, admin, 'reform report, province', PROVINCE, quarter.key, 5);
    return { units, dossiers: DOSSIERS, feedback: FEEDBACK, generatedSeconds, quarter, communeReport, commune, province, provinceReport };
  } finally {
    await db?.end();
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app?.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    if (!KEPT_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printProvinceBench(r: ProvinceBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (n: number) => n.toFixed(0);
  out(
    `\nProvince data set: ${r.units} units, ${r.dossiers.toLocaleString('en')} dossiers, ${r.feedback.toLocaleString('en')} feedback items (${r.generatedSeconds === null ? 'generated by an earlier run' : `generated in ${f(r.generatedSeconds)} s`}); quarter ${r.quarter.from} – ${r.quarter.to}\n`,
  );
  for (const [t, shown, aim] of [
    [r.communeReport, 'dossiers received', 2000],
    [r.commune, 'total /100', null],
    [r.province, 'total /100', 10_000],
    [r.provinceReport, 'dossiers received', null],
  ] as const) {
    const verdict = aim === null ? '' : ` → p95 < ${aim / 1000} s ${t.p95Ms < aim ? 'met' : 'NOT met'}`;
    out(
      `  ${t.label.padEnd(26)} ${String(t.runs).padStart(2)} runs  p50 ${f(t.p50Ms).padStart(6)} ms  p95 ${f(t.p95Ms).padStart(6)} ms  max ${f(t.maxMs).padStart(6)} ms (${shown} ${t.total})${verdict}\n`,
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
