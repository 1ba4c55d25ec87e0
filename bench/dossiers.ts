/**
 * Dossier bench (issue 4 item 9), part of `npm run bench` and runnable alone: `npx tsx bench/dossiers.ts`.
 *
 * (a) Intake: `POST /api/v1/dossiers` through HTTP (API keys may not receive dossiers: a demo clerk signs in through
 *     the form and uses the session cookie and CSRF token), concurrency 8, ~2,000 requests: throughput and p99; beside
 *     it the same rows (code counter, dossier, timeline event, audit row, one transaction each) inserted with plain SQL
 *     at the same concurrency. Ratio HTTP ÷ SQL, aim ≥ 0.5.
 * (b) Report: 1,000,000 dossiers generated with INSERT … SELECT generate_series over the demo communes and wards, 12
 *     months, statuses, due dates, extensions and ratings, with the report-total triggers off and the totals rebuilt
 *     once at the end; VACUUM ANALYZE; then GET /api/v1/reports/dossiers 30 times for the Đồng Tháp province subtree
 *     (30 days and 12 months) and for one ward (12 months): p50/p95, aim p95 < 500 ms.
 * Fresh DATA_DIR with demo data on the embedded PostgreSQL; everything is deleted at the end.
 * `BENCH_DOSSIERS_SKIP_REPORT=1` runs (a) only.
 *
 * To iterate on the report: `BENCH_DATA_DIR=/tmp/gd-bench` keeps the data folder between runs (generated once, then
 * reused: the dossiers are not generated again when the folder already holds them), and
 * `BENCH_DOSSIERS_SKIP_INTAKE=1` skips part (a).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { type CpuShare, postgresCpuMs, processCpuMs } from './cpu.ts';
import { freePort, percentile, waitReady } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');
const INTAKES = Number(process.env.BENCH_INTAKES ?? 2000);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
/** `BENCH_DOSSIERS_SKIP_REPORT=1`: intake only (about a minute), no generated dossiers and no report timings. */
const SKIP_REPORT = process.env.BENCH_DOSSIERS_SKIP_REPORT === '1';
const REPORT_RUNS = 30;
const CONCURRENCY = 8;
const PROCEDURE = '1.001193';
const KEEP_DATA_DIR = process.env.BENCH_DATA_DIR;
const SKIP_INTAKE = process.env.BENCH_DOSSIERS_SKIP_INTAKE === '1';

export type { CpuShare };

export interface DossierBenchResult {
  intake: { requests: number; perSecond: number; p50Ms: number; p99Ms: number; cpu: CpuShare };
  rawSql: { rows: number; perSecond: number; cpu: CpuShare };
  ratio: number;
  generated: { dossiers: number; seconds: number };
  reports: { label: string; p50Ms: number; p95Ms: number; maxMs: number }[];
}

/** Measures the CPU the app, PostgreSQL and this client spend while `work` runs; returns it per `count`. */
async function withCpu<T>(appPid: number, count: number, work: () => Promise<T>): Promise<{ result: T; cpu: CpuShare }> {
  const a0 = processCpuMs(appPid);
  const p0 = postgresCpuMs();
  const c0 = process.cpuUsage();
  const result = await work();
  const c = process.cpuUsage(c0);
  return {
    result,
    cpu: { appMs: (processCpuMs(appPid) - a0) / count, postgresMs: (postgresCpuMs() - p0) / count, clientMs: (c.user + c.system) / 1000 / count },
  };
}

const csrfFrom = (body: string) => {
  const m = body.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error('no CSRF token on page');
  return m[1];
};

export async function signIn(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${base}/dang-nhap`);
  let cookie = (form.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const res = await fetch(`${base}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await form.text()), username, password: 'GanDan@2026' }),
  });
  if (res.status !== 303) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const page = await fetch(`${base}/quan-tri`, { headers: { cookie } });
  return { cookie, csrf: csrfFrom(await page.text()) };
}

/** Runs `n` tasks with `concurrency` workers; returns each task's latency in ms and the wall time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ times: number[]; wallMs: number }> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        await task(i);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), wallMs: performance.now() - t0 };
}

/** (a) intake through HTTP. */
async function benchIntake(base: string, appPid: number): Promise<DossierBenchResult['intake']> {
  const s = await signIn(base, 'motcua.phuong1');
  const post = async (i: number) => {
    const res = await fetch(`${base}/api/v1/dossiers`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
      body: JSON.stringify({
        unit: 'cao-lanh-phuong-1',
        procedure: PROCEDURE,
        channel: i % 3 === 0 ? 'online' : 'desk',
        applicant: { name: `Người Nộp ${i}`, phone: `0912${String(i).padStart(6, '0')}` },
        documents: ['Tờ khai đăng ký khai sinh'],
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`intake ${i}: ${res.status}`);
  };
  await pool(50, CONCURRENCY, (i) => post(1_000_000 + i)); // warm-up
  const { result, cpu } = await withCpu(appPid, INTAKES, () => pool(INTAKES, CONCURRENCY, post));
  const { times, wallMs } = result;
  return { requests: INTAKES, perSecond: INTAKES / (wallMs / 1000), p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), cpu };
}

/** (a) the same rows with plain SQL: counter, dossier, event and audit row in one transaction each. */
async function benchRawSql(db: pg.Pool, appPid: number): Promise<DossierBenchResult['rawSql']> {
  const unit = (await db.query<{ id: string }>("SELECT id FROM units WHERE code = 'cao-lanh-phuong-2'")).rows[0]?.id;
  const v = (
    await db.query<{ id: string; procedure_id: string }>(
      `SELECT v.id, v.procedure_id FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
       WHERE p.code = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
      [PROCEDURE],
    )
  ).rows[0];
  if (!unit || !v) throw new Error('demo data missing');
  const insert = async (i: number) => {
    const c = await db.connect();
    try {
      await c.query('BEGIN');
      const n = (
        await c.query<{ last: number }>(
          `INSERT INTO dossier_code_counters (unit_id, day, last) VALUES ($1, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 1)
           ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_code_counters.last + 1 RETURNING last`,
          [unit],
        )
      ).rows[0]?.last;
      const code = `29869-SQL-${String(n).padStart(4, '0')}`;
      const d = await c.query<{ id: string }>(
        `INSERT INTO dossiers (code, unit_id, procedure_id, procedure_version_id, channel, status, applicant_name, applicant_phone, documents,
           received_at, receipt_day, counts_from, due_date, due_at, original_due_date, online, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, 'received', $6, $7, $8, now(), current_date, current_date, current_date + 1, now() + interval '1 day',
           current_date + 1, $5 = 'online', $9) RETURNING id`,
        [
          code,
          unit,
          v.procedure_id,
          v.id,
          i % 3 === 0 ? 'online' : 'desk',
          `Người Nộp ${i}`,
          `0913${String(i).padStart(6, '0')}`,
          JSON.stringify(['Tờ khai đăng ký khai sinh']),
          `sql-${i}`,
        ],
      );
      await c.query(
        `INSERT INTO dossier_events (dossier_id, action, to_status, actor_label, unit_id, at, data)
         VALUES ($1, 'receive', 'received', 'bench', $2, now(), $3)`,
        [d.rows[0]?.id, unit, JSON.stringify({ channel: 'desk' })],
      );
      await c.query(
        `INSERT INTO audit_log (actor_label, action, entity_type, entity_id, unit_id, after)
         VALUES ('bench', 'dossier.receive', 'dossier', $1, $2, $3)`,
        [code, unit, JSON.stringify({ procedure: PROCEDURE })],
      );
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  };
  await pool(50, CONCURRENCY, (i) => insert(1_000_000 + i));
  const { result, cpu } = await withCpu(appPid, INTAKES, () => pool(INTAKES, CONCURRENCY, insert));
  return { rows: INTAKES, perSecond: INTAKES / (result.wallMs / 1000), cpu };
}

/** (b) one chunk of generated dossiers: spread over `units`, 12 months back from now, statuses from the age. */
function generateChunk(db: pg.Pool, fromId: number, toId: number, units: string[], versions: { id: string; procedure_id: string; days: number }[]) {
  return db.query(
    `WITH g AS (
       SELECT i, r1, r2, r3, r4,
              ($1::bigint[])[1 + (i::bigint * 7919) % cardinality($1::bigint[])] AS unit_id,
              1 + (i * 31) % cardinality($2::bigint[]) AS pv,
              now() - (r1 * interval '365 days') AS rcv
       FROM (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series($4::int, $5::int) i) s
     ), h AS (
       SELECT g.*, ($2::bigint[])[pv] AS version_id, ($3::bigint[])[pv] AS procedure_id, ($6::int[])[pv] AS days,
              (rcv AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day
       FROM g
     ), k AS (
       SELECT h.*, day + ceil(days * 1.4)::int AS due,
              CASE WHEN r2 < 0.03 THEN NULL ELSE rcv + (r3 * days * 1.6 + 0.05) * interval '1 day' END AS res
       FROM h
     ), m AS (
       SELECT k.*, CASE WHEN res IS NOT NULL AND res < now() THEN res END AS result_at,
              ((due::timestamp + interval '17 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS due_at
       FROM k
     )
     INSERT INTO dossiers (code, unit_id, procedure_id, procedure_version_id, channel, status, applicant_name, applicant_phone,
       received_at, receipt_day, counts_from, refused_at, result_at, working_days_taken, returned_at, closed_at, return_channel,
       due_date, due_at, original_due_date, extension_count, online, paid_online, digitised, electronic_result, reused_documents, same_day)
     SELECT 'GEN-' || i, unit_id, procedure_id, version_id, CASE WHEN r4 < 0.3 THEN 'online' ELSE 'desk' END,
            CASE WHEN r2 < 0.03 THEN 'refused'
                 WHEN result_at IS NULL THEN 'in_processing'
                 WHEN result_at + interval '1 day' > now() THEN 'result_ready'
                 WHEN r4 < 0.8 AND result_at + interval '2 days' < now() THEN 'closed'
                 ELSE 'returned' END,
            'Người dân ' || i, '0912000000', rcv, day, day,
            CASE WHEN r2 < 0.03 THEN rcv + interval '1 hour' END,
            result_at,
            -- Working days taken, five in every seven calendar days (the app counts them in the unit's calendar).
            CASE WHEN result_at IS NOT NULL THEN GREATEST(0, round(((result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - day) * 5 / 7.0))::int END,
            CASE WHEN result_at + interval '1 day' <= now() THEN result_at + interval '1 day' END,
            CASE WHEN r4 < 0.8 AND result_at + interval '2 days' < now() THEN result_at + interval '1 day 1 hour' END,
            CASE WHEN result_at + interval '1 day' <= now() THEN 'desk' END,
            due, due_at, due,
            CASE WHEN (result_at > due_at OR (result_at IS NULL AND due_at < now())) AND r4 < 0.5 THEN 1 ELSE 0 END,
            r4 < 0.3, r4 < 0.15, r3 < 0.6, r2 < 0.4, r1 < 0.2, days = 1 AND r3 < 0.5
     FROM m`,
    [
      `{${units.join(',')}}`,
      `{${versions.map((v) => v.id).join(',')}}`,
      `{${versions.map((v) => v.procedure_id).join(',')}}`,
      fromId,
      toId,
      `{${versions.map((v) => v.days).join(',')}}`,
    ],
  );
}

/**
 * Generates `count` dossiers (codes GEN-1…) over the communes and wards, twelve months back from now, with ratings and
 * extensions, the report totals rebuilt once at the end. Also used by bench/province.ts.
 */
export async function generateDossiers(db: pg.Pool, count = DOSSIERS): Promise<DossierBenchResult['generated']> {
  const t0 = performance.now();
  const units = (await db.query<{ id: string }>("SELECT id FROM units WHERE kind IN ('ward', 'commune') ORDER BY path")).rows.map((u) => u.id);
  const versions = (
    await db.query<{ id: string; procedure_id: string; days: number }>(
      `SELECT v.id, v.procedure_id, GREATEST(1, ceil(v.time_limit_value))::int AS days FROM procedure_versions v
       WHERE v.status = 'published' AND v.time_limit_unit = 'working_days' ORDER BY v.id`,
    )
  ).rows;
  // The trigram search index is not what this bench measures and triples the generation time: the bench database is
  // thrown away, so it is dropped here.
  await db.query('DROP INDEX IF EXISTS dossiers_search_idx');
  // A bulk load: the per-row triggers that keep the report's daily and monthly totals are off while it runs, and the
  // totals are recomputed from the rows once at the end (migration 0012 dossier_report_rebuild).
  await db.query('ALTER TABLE dossiers DISABLE TRIGGER dossiers_report_rollup');
  await db.query('ALTER TABLE dossier_ratings DISABLE TRIGGER dossier_ratings_report_rollup');
  const chunk = 50_000;
  const chunks: [number, number][] = [];
  for (let i = 1; i <= count; i += chunk) chunks.push([i, Math.min(count, i + chunk - 1)]);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < chunks.length) {
        const [a, b] = chunks[next++] as [number, number];
        await generateChunk(db, a, b, units, versions);
      }
    }),
  );
  await db.query(
    `INSERT INTO dossier_extensions (dossier_id, previous_due_date, new_due_date, reason, issued_at, late_when_issued)
     SELECT id, due_date, due_date + 5, 'Cần xác minh thêm (bench)', LEAST(now(), due_at), true FROM dossiers WHERE extension_count > 0 AND code LIKE 'GEN-%'`,
  );
  await db.query(
    `INSERT INTO dossier_ratings (dossier_id, rating, channel, rated_at)
     SELECT id, (ARRAY['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long'])[1 + floor(random() * random() * 4)::int], 'desk', returned_at
     FROM dossiers WHERE returned_at IS NOT NULL AND code LIKE 'GEN-%' AND random() < 0.4`,
  );
  await db.query('ALTER TABLE dossiers ENABLE TRIGGER dossiers_report_rollup');
  await db.query('ALTER TABLE dossier_ratings ENABLE TRIGGER dossier_ratings_report_rollup');
  await db.query('SELECT dossier_report_rebuild()');
  for (const table of ['dossiers', 'dossier_ratings', 'dossier_extensions', 'dossier_report_days', 'dossier_report_procedure_months']) {
    await db.query(`VACUUM ANALYZE ${table}`);
  }
  return { dossiers: count, seconds: (performance.now() - t0) / 1000 };
}

async function benchReport(base: string, label: string, query: string, cookie: string) {
  const get = async () => {
    const res = await fetch(`${base}/api/v1/reports/dossiers?${query}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`report ${query}: ${res.status} ${body.slice(0, 300)}`);
    return JSON.parse(body) as { received: number };
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  let received = 0;
  for (let i = 0; i < REPORT_RUNS; i++) {
    const s = performance.now();
    received = (await get()).received;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return {
    label: `${label} (${received.toLocaleString('en')} received)`,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times.at(-1) as number,
  };
}

const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Runs the dossier bench on a fresh embedded PostgreSQL with demo data; returns the numbers. */
export async function benchDossiers(log: (line: string) => void = () => {}): Promise<DossierBenchResult> {
  const dataDir = KEEP_DATA_DIR ? path.resolve(KEEP_DATA_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-dossiers-'));
  if (KEEP_DATA_DIR) fs.mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  let app: ChildProcess | null = null;
  let db: pg.Pool | null = null;
  try {
    app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DEMO: '1', PORT: String(port) },
      stdio: 'ignore',
    });
    await waitReady(port);
    const base = `http://127.0.0.1:${port}`;
    const embedded = await openEmbeddedDatabase(dataDir, 'client');
    db = new pg.Pool({ connectionString: embedded.url, max: CONCURRENCY + 2 });
    const noCpu = { appMs: Number.NaN, postgresMs: Number.NaN, clientMs: Number.NaN };
    let intake: DossierBenchResult['intake'] = { requests: 0, perSecond: Number.NaN, p50Ms: Number.NaN, p99Ms: Number.NaN, cpu: noCpu };
    let rawSql: DossierBenchResult['rawSql'] = { rows: 0, perSecond: Number.NaN, cpu: noCpu };
    if (!SKIP_INTAKE) {
      log('dossier bench: intake through HTTP …');
      intake = await benchIntake(base, app.pid as number);
      log('dossier bench: the same rows with plain SQL …');
      rawSql = await benchRawSql(db, app.pid as number);
      log(`  HTTP ${intake.perSecond.toFixed(1)}/s (p99 ${intake.p99Ms.toFixed(1)} ms), SQL ${rawSql.perSecond.toFixed(1)}/s`);
    }
    const ratio = intake.perSecond / rawSql.perSecond;
    if (SKIP_REPORT) return { intake, rawSql, ratio, generated: { dossiers: 0, seconds: 0 }, reports: [] };
    const already = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM dossiers WHERE code LIKE 'GEN-%'")).rows[0]?.n ?? 0);
    let generated: DossierBenchResult['generated'];
    if (KEEP_DATA_DIR && already >= DOSSIERS) {
      log(`dossier bench: reusing the ${already.toLocaleString('en')} dossiers generated in ${dataDir}`);
      await db.query('VACUUM ANALYZE dossiers');
      generated = { dossiers: already, seconds: 0 };
    } else {
      log(`dossier bench: generating ${DOSSIERS.toLocaleString('en')} dossiers …`);
      generated = await generateDossiers(db);
    }
    log('dossier bench: report timings …');
    const admin = await signIn(base, 'admin');
    const now = new Date();
    const monthAgo = isoDay(new Date(now.getTime() - 30 * 86400_000));
    const yearAgo = isoDay(new Date(now.getTime() - 365 * 86400_000));
    const today = isoDay(now);
    const reports = [
      await benchReport(base, 'province subtree, 30 days', `unit=dong-thap&subtree=true&from=${monthAgo}&to=${today}`, admin.cookie),
      await benchReport(base, 'province subtree, 12 months', `unit=dong-thap&subtree=true&from=${yearAgo}&to=${today}`, admin.cookie),
      await benchReport(base, 'ward, 12 months', `unit=cao-lanh-phuong-1&from=${yearAgo}&to=${today}`, admin.cookie),
    ];
    return { intake, rawSql, ratio, generated, reports };
  } finally {
    await db?.end();
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app?.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    if (!KEEP_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the numbers. */
export function printDossierBench(r: DossierBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (n: number) => n.toFixed(1);
  if (r.intake.requests > 0) {
    out(`\nDossier intake, concurrency ${CONCURRENCY}, ${r.intake.requests} requests, ${os.cpus().length} cores\n`);
    out(`  HTTP POST /api/v1/dossiers: ${f(r.intake.perSecond)}/s, p50 ${f(r.intake.p50Ms)} ms, p99 ${f(r.intake.p99Ms)} ms\n`);
    out(`  plain SQL, same rows:        ${f(r.rawSql.perSecond)}/s\n`);
    out(`  ratio HTTP / SQL: ${r.ratio.toFixed(2)} → target ≥ 0.5 ${r.ratio >= 0.5 ? 'met' : 'NOT met'}\n`);
    const cpu = (c: CpuShare) => `app ${f(c.appMs)} ms, PostgreSQL ${f(c.postgresMs)} ms, bench client ${f(c.clientMs)} ms`;
    out(`  CPU per dossier, HTTP:      ${cpu(r.intake.cpu)}\n`);
    out(`  CPU per dossier, plain SQL: ${cpu(r.rawSql.cpu)}\n`);
  }
  if (r.generated.dossiers === 0) return; // BENCH_DOSSIERS_SKIP_REPORT=1
  out(
    `Dossier report over ${r.generated.dossiers.toLocaleString('en')} generated dossiers (generated and analysed in ${f(r.generated.seconds)} s), ${REPORT_RUNS} runs each\n`,
  );
  for (const x of r.reports) {
    out(
      `  ${x.label.padEnd(52)} p50 ${f(x.p50Ms).padStart(7)} ms  p95 ${f(x.p95Ms).padStart(7)} ms  max ${f(x.maxMs).padStart(7)} ms → p95 < 500 ms ${x.p95Ms < 500 ? 'met' : 'NOT met'}\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDossiers((line) => process.stdout.write(`${line}\n`))
    .then((r) => printDossierBench(r))
    .catch((err: unknown) => {
      process.stderr.write(`dossier bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
