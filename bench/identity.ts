/**
 * ID-card QR bench (issue 5), part of `npm run bench` and runnable alone: `npx tsx bench/identity.ts`.
 *
 * (a) Parser: `parseCccdQr` over a fixed corpus of valid and invalid scans (good cards, NFD text, scanner noise,
 *     doubled and broken scans, wrong keyboard layouts, Telex damage, bank QR codes, impossible dates …), one core,
 *     after a warm-up: parses per second.
 * (b) Endpoint: `POST /api/v1/identity/cccd` through HTTP against a started app (`src/main.ts`, fresh embedded
 *     PostgreSQL in a temporary DATA_DIR), concurrency 4: p50/p99 and throughput. The route allows 60 requests a
 *     minute per address (counted in PostgreSQL); the app runs with TRUST_PROXY=1 and each request names one of many
 *     addresses in X-Forwarded-For, so the limiter's real cost is measured without being tripped. A last check sends
 *     61 requests from one address and expects the 61st to be refused (429).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCccdQr } from '../src/modules/identity/index.ts';
import { CARDS, sample } from '../src/modules/identity/rules/samples.ts';
import { freePort, percentile, waitReady } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');
const TODAY = '2026-03-01';
const PARSE_MS = Number(process.env.BENCH_IDENTITY_PARSE_MS ?? 2000);
const REQUESTS = Number(process.env.BENCH_IDENTITY_REQUESTS ?? 2000);
const CONCURRENCY = 4;
/** Requests per forwarded address, under the route's 60 a minute. */
const PER_ADDRESS = 50;

export interface IdentityBenchResult {
  parse: { corpus: number; valid: number; parses: number; perSecond: number; microsPerParse: number };
  http: { requests: number; perSecond: number; p50Ms: number; p99Ms: number; maxMs: number; status200: number; status422: number; others: number };
  rateLimit: { sent: number; refusedAt: number | null };
}

/** Valid and invalid scans, as scanners and cameras deliver them. */
export function identityCorpus(): string[] {
  const t = sample(CARDS.tuyet);
  return [
    t,
    sample(CARDS.binh),
    sample(CARDS.khoi),
    sample(CARDS.ngoc),
    t.normalize('NFD'),
    `${t}\r\n`,
    `\t${sample(CARDS.binh)}\n`,
    `${t}${t}`,
    `${t.slice(0, 40)}\r\n${t.slice(40)}`,
    sample(CARDS.tuyet, { idNumber: '099091001234' }),
    t.slice(0, 50),
    t.slice(0, -3),
    t.replaceAll('|', '¦'),
    t.replace(/[0-9]/g, (d) => '&é"\'(-è_çà'[(Number(d) + 9) % 10] as string),
    sample(CARDS.tuyet, { sex: 'Nuwx', fullName: 'Nguyeenx Thij Asnh Tuyeets' }),
    sample(CARDS.tuyet, { dateOfBirth: '31021990' }),
    sample(CARDS.tuyet, { issueDate: '01011989' }),
    `${t}\r\n${sample(CARDS.binh)}`,
    '00020101021238570010A000000727012700069704360113012345678900208QRIBFTTA53037045802VN6304ABCD',
    'https://dichvucong.gov.vn/',
    '024681357',
    '',
  ];
}

function benchParse(): IdentityBenchResult['parse'] {
  const corpus = identityCorpus();
  const valid = corpus.filter((s) => parseCccdQr(s, TODAY).ok).length;
  let sink = 0;
  const run = (ms: number) => {
    let n = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      for (const s of corpus) if (parseCccdQr(s, TODAY).ok) sink++;
      n += corpus.length;
    }
    return n;
  };
  run(500); // warm-up (JIT)
  const t0 = performance.now();
  const parses = run(PARSE_MS);
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return { corpus: corpus.length, valid, parses, perSecond: parses / seconds, microsPerParse: (seconds * 1e6) / parses };
}

const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function benchHttp(base: string): Promise<{ http: IdentityBenchResult['http']; rateLimit: IdentityBenchResult['rateLimit'] }> {
  const corpus = identityCorpus();
  const url = `${base}/api/v1/identity/cccd`;
  const send = async (qr: string, address: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ qr }) });
    await res.arrayBuffer();
    return res.status;
  };
  const run = async (n: number, offset: number) => {
    const times: number[] = [];
    const statuses: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < n) {
          const i = next++;
          const s = performance.now();
          statuses.push(await send(corpus[i % corpus.length] as string, addressOf(offset + Math.floor(i / PER_ADDRESS))));
          times.push(performance.now() - s);
        }
      }),
    );
    return { times: times.sort((a, b) => a - b), statuses, wallMs: performance.now() - t0 };
  };
  await run(200, 60_000); // warm-up, on other addresses
  const { times, statuses, wallMs } = await run(REQUESTS, 1);
  const count = (s: number) => statuses.filter((x) => x === s).length;
  const http = {
    requests: REQUESTS,
    perSecond: REQUESTS / (wallMs / 1000),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) as number,
    status200: count(200),
    status422: count(422),
    others: statuses.length - count(200) - count(422),
  };
  let refusedAt: number | null = null;
  for (let i = 1; i <= 61 && refusedAt === null; i++) if ((await send(sample(CARDS.binh), '192.0.2.1')) === 429) refusedAt = i;
  return { http, rateLimit: { sent: 61, refusedAt } };
}

/** Runs both parts; the HTTP part on a fresh embedded PostgreSQL that is deleted afterwards. */
export async function benchIdentity(log: (line: string) => void = () => {}): Promise<IdentityBenchResult> {
  log('identity bench: parser …');
  const parse = benchParse();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-identity-'));
  const port = await freePort();
  let app: ChildProcess | null = null;
  try {
    log('identity bench: starting the app …');
    app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PORT: String(port), TRUST_PROXY: '1' },
      stdio: 'ignore',
    });
    await waitReady(port);
    log('identity bench: POST /api/v1/identity/cccd …');
    const { http, rateLimit } = await benchHttp(`http://127.0.0.1:${port}`);
    return { parse, http, rateLimit };
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app?.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the numbers. */
export function printIdentityBench(r: IdentityBenchResult, out: (s: string) => void = (s) => process.stdout.write(s)): void {
  const f = (n: number) => n.toFixed(1);
  out(`\nID-card QR parser, one core, corpus of ${r.parse.corpus} scans (${r.parse.valid} valid)\n`);
  out(
    `  ${Math.round(r.parse.perSecond).toLocaleString('en')} parses/s (${r.parse.microsPerParse.toFixed(2)} µs each, ${r.parse.parses.toLocaleString('en')} parses)\n`,
  );
  out(`POST /api/v1/identity/cccd, concurrency ${CONCURRENCY}, ${r.http.requests} requests, ${os.cpus().length} cores\n`);
  out(`  ${f(r.http.perSecond)}/s, p50 ${f(r.http.p50Ms)} ms, p99 ${f(r.http.p99Ms)} ms, max ${f(r.http.maxMs)} ms`);
  out(` (200: ${r.http.status200}, 422: ${r.http.status422}, other: ${r.http.others})\n`);
  out(
    `  rate limit: ${r.rateLimit.refusedAt === null ? `NOT applied within ${r.rateLimit.sent} requests` : `request ${r.rateLimit.refusedAt} from one address refused (429)`}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchIdentity((line) => process.stdout.write(`${line}\n`))
    .then((r) => printIdentityBench(r))
    .catch((err: unknown) => {
      process.stderr.write(`identity bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
