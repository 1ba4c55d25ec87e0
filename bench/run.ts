/**
 * `npm run bench`: start-up time to ready (cold and warm), idle memory, and catalogue search
 * latency p50/p99 over 2,000 procedures, on the embedded PostgreSQL and — when Debian's
 * PostgreSQL 15 is installed — on a throwaway Debian cluster. Prints numbers and ratios.
 * Reproducible: same generated data (seeded), same query list, sequential requests on 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { timeDeclarationRendering } from '../src/modules/forms/index.ts';
import { timeReceiptRendering } from '../src/modules/slips/index.ts';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { openDatabase } from '../src/platform/db/pool.ts';
import { benchDossiers, printDossierBench } from './dossiers.ts';
import { benchFeedback, printFeedbackBench } from './feedback.ts';
import { benchIdentity, printIdentityBench } from './identity.ts';
import { benchPages, printPagesBench } from './pages.ts';
import { benchProvince, printProvinceBench } from './province.ts';
import { benchReconciliation, printReconciliationBench } from './reconciliation.ts';
import { benchVietQr, printVietQrBench } from './vietqr.ts';

const root = path.resolve(import.meta.dirname, '..');
const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? 2000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1000);
const queries = [
  'dang ky khai sinh',
  'Đăng ký kết hôn',
  'chung thuc ban sao',
  'khai tu',
  'ho kinh doanh',
  'giay phep xay dung',
  'tro cap xa hoi',
  'dang ky thuong tru',
  'tam tru',
  'xac nhan tinh trang hon nhan',
  'cấp bản sao trích lục',
  'ly lich tu phap',
  'can cuoc',
  'thay doi cai chinh ho tich',
  'giam ho',
  'nhan cha me con',
  'dat dai',
  'mai tang',
  '1.001193',
  'khuyet tat',
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startApp(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
}

async function waitReady(port: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return performance.now() - t0;
    } catch {
      // not yet
    }
    if (performance.now() - t0 > 120_000) throw new Error('not ready in 120 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Deterministic pseudo-random numbers (mulberry32) so every run generates the same catalogue. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCatalogue(n: number): unknown[] {
  const demo = JSON.parse(fs.readFileSync(path.join(root, 'src/modules/procedures/demo/procedures.json'), 'utf8')) as { code: string; name: string }[];
  const suffixes = [
    '',
    ' (cấp xã)',
    ' có yếu tố nước ngoài',
    ' cho người Việt Nam định cư ở nước ngoài',
    ' (liên thông)',
    ' trực tuyến',
    ' tại Bộ phận Một cửa',
  ];
  const random = rng(20261124);
  const out: unknown[] = [...demo];
  for (let i = out.length; i < n; i++) {
    const base = demo[Math.floor(random() * demo.length)] as Record<string, unknown>;
    const suffix = suffixes[Math.floor(random() * suffixes.length)];
    out.push({ ...base, code: `9.${String(100000 + i).padStart(6, '0')}`, name: `${base.name}${suffix} – mẫu ${i}`, unverified: [] });
  }
  return out;
}

interface Result {
  label: string;
  coldStartMs: number;
  warmStartMs: number;
  idleRssMb: number;
  importMs: number;
  p50: number;
  p99: number;
  mean: number;
}

async function benchOne(label: string, env: Record<string, string>): Promise<Result> {
  const port = await freePort();
  let app = startApp({ ...env, PORT: String(port) });
  const coldStartMs = await waitReady(port);
  await stop(app);
  app = startApp({ ...env, PORT: String(port) });
  const warmStartMs = await waitReady(port);
  await new Promise((r) => setTimeout(r, 3000));
  const idleRssMb = rssMb(app.pid as number);

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'api-key:create', '--scope', 'procedures.manage', '--name', 'bench'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (cli.status !== 0) throw new Error(`cli failed: ${cli.stderr}`);
  const key = cli.stdout.trim().split('\n').at(-1) as string;
  const base = `http://127.0.0.1:${port}`;
  // Imports are capped at 5 MB a request: send the catalogue in batches of 400.
  const catalogue = generateCatalogue(PROCEDURES);
  const t0 = performance.now();
  for (let i = 0; i < catalogue.length; i += 400) {
    const imported = await fetch(`${base}/api/v1/procedures/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ procedures: catalogue.slice(i, i + 400) }),
    });
    if (imported.status >= 300) throw new Error(`import failed: ${imported.status} ${(await imported.text()).slice(0, 500)}`);
  }
  const importMs = performance.now() - t0;
  const count = (await (await fetch(`${base}/api/v1/procedures?pageSize=1`)).json()) as { total: number };
  if (count.total < PROCEDURES) throw new Error(`only ${count.total} procedures after import`);

  const times: number[] = [];
  for (let i = 0; i < SEARCHES + 50; i++) {
    const q = queries[i % queries.length] as string;
    const s = performance.now();
    const res = await fetch(`${base}/api/v1/procedures?q=${encodeURIComponent(q)}&pageSize=20`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`search ${q}: ${res.status}`);
    if (i >= 50) times.push(performance.now() - s);
  }
  await stop(app);
  times.sort((a, b) => a - b);
  return {
    label,
    coldStartMs,
    warmStartMs,
    idleRssMb,
    importMs,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

/** A throwaway Debian PostgreSQL 15 cluster on 127.0.0.1, or null when not installed. */
function startDebianCluster(): { url: string; stop(): void } | null {
  const bin = '/usr/lib/postgresql/15/bin';
  if (!fs.existsSync(`${bin}/initdb`)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-pg15-'));
  const port = 55000 + Math.floor(Math.random() * 400);
  const asPg = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' })
      : execFileSync(cmd, args, { stdio: 'ignore' });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  asPg(`${bin}/initdb`, ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  asPg(`${bin}/pg_ctl`, ['-D', dir, '-w', '-l', `${dir}/log`, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp`, 'start']);
  execFileSync(`${bin}/psql`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE gandan_bench']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/gandan_bench`,
    stop: () => {
      asPg(`${bin}/pg_ctl`, ['-D', dir, '-m', 'fast', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-'));
  let slips: Awaited<ReturnType<typeof timeReceiptRendering>> | null = null;
  try {
    results.push(await benchOne('embedded PostgreSQL 18', { DATA_DIR: dataDir, DEMO: '1' }));
    // Rendering the receipt slip (PDF with QR) in this process, on the same database.
    const embedded = await openEmbeddedDatabase(dataDir, 'client');
    const database = openDatabase(embedded.url, 2);
    try {
      slips = await timeReceiptRendering(database.db, 50);
    } finally {
      await database.close();
      await embedded.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const debian = startDebianCluster();
  if (debian) {
    try {
      results.push(await benchOne('Debian PostgreSQL 15', { DATABASE_URL: debian.url, DEMO: '1' }));
    } finally {
      debian.stop();
    }
  } else {
    process.stdout.write('Debian PostgreSQL 15 is not installed (apt-get install postgresql): skipped that column\n');
  }
  const f = (n: number) => n.toFixed(1);
  process.stdout.write(`\nGần Dân bench — ${os.cpus().length} cores, Node ${process.version}, ${PROCEDURES} procedures, ${SEARCHES} sequential searches\n`);
  process.stdout.write(
    `${'database'.padEnd(26)}${'cold start ms'.padStart(15)}${'warm start ms'.padStart(15)}${'idle RSS MB'.padStart(13)}${'import ms'.padStart(11)}${'search p50 ms'.padStart(15)}${'p99 ms'.padStart(9)}${'mean ms'.padStart(9)}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${r.label.padEnd(26)}${f(r.coldStartMs).padStart(15)}${f(r.warmStartMs).padStart(15)}${f(r.idleRssMb).padStart(13)}${f(r.importMs).padStart(11)}${f(r.p50).padStart(15)}${f(r.p99).padStart(9)}${f(r.mean).padStart(9)}\n`,
    );
  }
  const [a, b] = results;
  if (a && b) {
    process.stdout.write(
      `ratio Debian 15 / embedded 18: warm start ${(b.warmStartMs / a.warmStartMs).toFixed(2)}, search p50 ${(b.p50 / a.p50).toFixed(2)}, p99 ${(b.p99 / a.p99).toFixed(2)}\n`,
    );
  }
  if (slips) {
    process.stdout.write(
      `receipt slip PDF (A4, QR, Liberation Serif), ${slips.runs} warm renders: p50 ${f(slips.p50Ms)} ms, p95 ${f(slips.p95Ms)} ms, max ${f(slips.maxMs)} ms, ${slips.bytes} bytes → target < 300 ms ${slips.p95Ms < 300 ? 'met' : 'NOT met'}\n`,
    );
  }
  process.stdout.write(`target: ready within 15 s → ${a && a.coldStartMs < 15000 ? 'met' : 'NOT met'} (cold, embedded)\n`);
  // "Citizen doesn't write": ID-card QR parsing and the endpoint (bench/identity.ts), then scan → filled form → PDF.
  printIdentityBench(await benchIdentity());
  const form = await timeDeclarationRendering(50);
  process.stdout.write(
    `scan → parse → fill → declaration PDF (birth registration), ${form.runs} warm runs: p50 ${f(form.p50Ms)} ms, p95 ${f(form.p95Ms)} ms, max ${f(form.maxMs)} ms, ${form.bytes} bytes → target < 300 ms ${form.p95Ms < 300 ? 'met' : 'NOT met'}\n`,
  );
  // Public page budgets (< 50 KB, Lighthouse ≥ 95) beside a GOV.UK Frontend page (bench/pages.ts).
  printPagesBench(await benchPages());
  // Dossier intake and the indicator report over 1 million dossiers (bench/dossiers.ts).
  printDossierBench(await benchDossiers());
  // Feedback intake through Open311 at 100 concurrent clients (bench/feedback.ts).
  printFeedbackBench(await benchFeedback());
  // VietQR payloads and QR images encoded and decoded back (bench/vietqr.ts).
  printVietQrBench(await benchVietQr());
  // Reconciliation of a 100,000-line bank statement against 100,000 open fees (bench/reconciliation.ts).
  printReconciliationBench(await benchReconciliation());
  // A province of 1,000 units, 10 million dossiers and 1 million feedback items: the quarterly index of a ward and of
  // the whole province (bench/province.ts; the longest part).
  printProvinceBench(await benchProvince((line) => process.stdout.write(`${line}\n`)));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
