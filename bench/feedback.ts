/**
 * Feedback intake bench (issue 7 item 7), part of `npm run bench` and runnable alone: `npx tsx bench/feedback.ts`.
 *
 * 100 concurrent clients post feedback through the API an integration uses, Open311 GeoReport v2
 * `POST /open311/v2/requests.json` (form-encoded, `api_key` of an `open311` key, `jurisdiction_id` a ward, a
 * category as `service_code`, coordinates, a description with Vietnamese text), for a fixed time after a warm-up:
 * sustained requests per second and p50/p99 latency, with the CPU the app, PostgreSQL and this client spent per
 * request. Aim (issue 7): ≥ 300 requests/s with p99 < 100 ms on the 2-core machine. Fresh DATA_DIR with demo data on
 * the embedded PostgreSQL, deleted at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { hashToken, newApiKey } from '../src/platform/auth/tokens.ts';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { type CpuShare, postgresCpuMs, processCpuMs } from './cpu.ts';
import { freePort, percentile, waitReady } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');
const CONCURRENCY = Number(process.env.BENCH_FEEDBACK_CONCURRENCY ?? 100);
const SECONDS = Number(process.env.BENCH_FEEDBACK_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const JURISDICTION = 'cao-lanh-phuong-1';

export interface FeedbackBenchResult {
  concurrency: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpu: CpuShare;
}

const descriptions = [
  'Đèn đường hỏng cả đoạn, buổi tối rất tối và nguy hiểm cho người đi bộ',
  'Rác thải sinh hoạt đổ trộm ven kênh, bốc mùi hôi nhiều ngày',
  'Ổ gà lớn giữa đường, xe máy đã té ngã hai lần trong tuần',
  'Cống thoát nước bị nghẹt, mưa xuống là ngập sâu trước nhà',
  'Lấn chiếm vỉa hè để buôn bán, người đi bộ phải xuống lòng đường',
];

/** Posts for `seconds` with `concurrency` workers; latencies of the requests that started after the warm-up. */
async function drive(base: string, key: string, service: string, seconds: number, concurrency: number, counting: () => boolean) {
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const stopAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_v, worker) => {
      while (performance.now() < stopAt) {
        const i = n++;
        const body = new URLSearchParams({
          api_key: key,
          jurisdiction_id: JURISDICTION,
          service_code: service,
          lat: (10.45 + (i % 100) / 10_000).toFixed(5),
          long: (105.63 + (worker % 100) / 10_000).toFixed(5),
          description: `${descriptions[i % descriptions.length]} (#${i})`,
          email: `nguoi.dan.${i % 1000}@example.vn`,
          first_name: 'Lan',
          last_name: 'Nguyễn Thị',
        });
        const counted = counting();
        const s = performance.now();
        const res = await fetch(`${base}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 201 && res.status !== 200) errors++;
        if (counted) times.push(performance.now() - s);
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), errors };
}

/** Runs the feedback bench on a fresh embedded PostgreSQL with demo data; returns the numbers. */
export async function benchFeedback(log: (line: string) => void = () => {}): Promise<FeedbackBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-feedback-'));
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
    db = new pg.Pool({ connectionString: embedded.url, max: 2 });
    const k = newApiKey();
    await db.query(`INSERT INTO api_keys (name, prefix, token_hash, scopes) VALUES ('bench open311', $1, $2, '{open311}')`, [k.prefix, hashToken(k.key)]);
    await db.query(
      `INSERT INTO feedback_categories (code, name, answer_days) VALUES ('bench-giao-thong', 'Giao thông (bench)', 10) ON CONFLICT (code) DO NOTHING`,
    );
    log(`feedback bench: ${CONCURRENCY} clients, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s …`);
    let counting = false;
    const warm = drive(base, k.key, 'bench-giao-thong', WARMUP_SECONDS + SECONDS, CONCURRENCY, () => counting);
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    const a0 = processCpuMs(app.pid as number);
    const p0 = postgresCpuMs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    counting = true;
    const { times, errors } = await warm;
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const count = times.length;
    return {
      concurrency: CONCURRENCY,
      requests: count,
      errors,
      perSecond: count / (wallMs / 1000),
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      cpu: {
        appMs: (processCpuMs(app.pid as number) - a0) / count,
        postgresMs: (postgresCpuMs() - p0) / count,
        clientMs: (c.user + c.system) / 1000 / count,
      },
    };
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

/** Prints the numbers. */
export function printFeedbackBench(r: FeedbackBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (n: number) => n.toFixed(1);
  out(`\nFeedback intake through Open311 POST requests.json, ${r.concurrency} concurrent clients, ${os.cpus().length} cores\n`);
  out(`  ${r.requests} requests counted (${r.errors} errors): ${f(r.perSecond)}/s, p50 ${f(r.p50Ms)} ms, p99 ${f(r.p99Ms)} ms\n`);
  out(
    `  aim ≥ 300/s: ${r.perSecond >= 300 ? 'met' : 'NOT met'} (${(r.perSecond / 300).toFixed(2)} of it); p99 < 100 ms: ${r.p99Ms < 100 ? 'met' : 'NOT met'}\n`,
  );
  out(`  CPU per request: app ${f(r.cpu.appMs)} ms, PostgreSQL ${f(r.cpu.postgresMs)} ms, bench client ${f(r.cpu.clientMs)} ms\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchFeedback((line) => process.stdout.write(`${line}\n`))
    .then((r) => printFeedbackBench(r))
    .catch((err: unknown) => {
      process.stderr.write(`feedback bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
