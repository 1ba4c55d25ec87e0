/**
 * Reconciliation bench (issue 8 item 7), part of `npm run bench` and runnable alone: `npx tsx bench/reconciliation.ts`.
 *
 * 100,000 open fees (BENCH_RECON_FEES) generated with INSERT … SELECT generate_series over 1,000 dossiers on a fresh
 * embedded PostgreSQL, and a 100,000-line bank statement naming them the way banks write descriptions ("MBVCB.<n>.
 * <reference>.CT tu …"), about 92 % exact, 3 % partial, 2 % duplicate, 3 % without a reference, plus some debit lines,
 * written both as CSV and as .xlsx. Timed separately, each with the process's peak RSS and heap growth (sampled every
 * 10 ms): parsing the CSV, parsing the .xlsx, matching (loading the fees named in the file once into a Map, then
 * matching every line), and applying the whole statement in one transaction (fees credited in one batch by payments'
 * applyPayments, one audit row per credited line; payments inserted in bulk). The data folder is deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { composeSystem } from '../src/compose.ts';
import { receiveDossier } from '../src/modules/dossiers/index.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../src/modules/procedures/index.ts';
import { applyStatement, matchTransfers, parseStatement, sha256Of } from '../src/modules/reconciliation/index.ts';
import { createUnit } from '../src/modules/units/index.ts';
import { systemActor } from '../src/platform/audit/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { inTransaction, rows } from '../src/platform/db/query.ts';

const FEES = Number(process.env.BENCH_RECON_FEES ?? 100_000);
const DOSSIERS = 1000;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

interface Phase {
  label: string;
  ms: number;
  peakRssMb: number;
  heapGrowthMb: number;
}

export interface ReconciliationBenchResult {
  fees: number;
  csvLines: number;
  csvMb: number;
  xlsxMb: number;
  phases: Phase[];
  outcome: Record<string, number>;
}

const mb = (n: number) => n / 1024 / 1024;

/** Runs `work`, timing it and sampling the RSS every 10 ms for its peak. */
async function measure<T>(label: string, work: () => Promise<T> | T): Promise<{ result: T; phase: Phase }> {
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  return { result, phase: { label, ms, peakRssMb: mb(peak), heapGrowthMb: mb(m.heapUsed - heap0) } };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The statement lines: [date text, id, debit, credit, description, payer, payer account]. */
function statementRows(refs: { reference: string; amount: number }[]): string[][] {
  const out: string[][] = [];
  let n = 0;
  const line = (credit: number | null, debit: number | null, description: string) => {
    n++;
    const minute = n % 1440;
    out.push([
      `${pad2(1 + (n % 28))}/07/2025 ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00`,
      `FT25${String(n).padStart(9, '0')}`,
      debit === null ? '' : new Intl.NumberFormat('vi-VN').format(debit),
      credit === null ? '' : new Intl.NumberFormat('vi-VN').format(credit),
      description,
      'NGUYEN VAN A',
      '0123456789',
    ]);
  };
  refs.forEach((f, i) => {
    const r = i % 100;
    if (r < 3) line(f.amount, null, `CHUYEN TIEN NOP LE PHI ${i}`);
    else if (r < 6) line(Math.floor(f.amount / 2), null, `IBFT ${f.reference} nop thieu`);
    else line(f.amount, null, `MBVCB.${3278907687 + i}.${f.reference}.CT tu 0123456789 NGUYEN VAN A`);
    if (r === 50 || r === 51) line(f.amount, null, `${f.reference} chuyen lai`);
    if (r === 99) line(null, 11_000, 'PHI QUAN LY TAI KHOAN');
  });
  return out;
}

const HEADER = ['Ngày giao dịch', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Nội dung', 'Tên người chuyển', 'Số tài khoản đối ứng'];

function toCsv(lines: string[][]): Buffer {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = ['SAO KÊ TÀI KHOẢN 113000222333', 'Từ ngày 01/07/2025 đến ngày 28/07/2025', HEADER.join(','), ...lines.map((l) => l.map(q).join(','))].join(
    '\r\n',
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

async function toXlsx(lines: string[][]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Sao ke');
  ws.addRow(['SAO KÊ TÀI KHOẢN 113000222333']).commit();
  ws.addRow([]).commit();
  ws.addRow(HEADER).commit();
  for (const l of lines) {
    const [date, id, debit, credit, ...rest] = l as [string, string, string, string, ...string[]];
    const num = (s: string) => (s === '' ? null : Number(s.replace(/\./g, '')));
    ws.addRow([date, id, num(debit), num(credit), ...rest]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export async function benchReconciliation(): Promise<ReconciliationBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-bench-recon-'));
  const embedded = await openEmbeddedDatabase(dataDir, 'server');
  const sys = await composeSystem(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '0', DATA_DIR: dataDir }), embedded.url, {
    jobs: false,
    poolSize: 4,
  });
  try {
    const db = sys.platform.db;
    const actor = systemActor('bench');
    // A commune with a published procedure and 1,000 dossiers, received through the real command.
    const unit = await inTransaction(db, async (tx) => {
      const province = await createUnit(tx, actor, { code: 'bench-tinh', name: 'Tỉnh thử', kind: 'province', adminCode: null }, null);
      return createUnit(tx, actor, { code: 'bench-xa', name: 'Xã thử', kind: 'commune', adminCode: null }, province);
    });
    const spec: ProcedureSpec = {
      code: '9.900001',
      name: 'Thủ tục đo đối soát',
      field: 'Hộ tịch',
      level: 'commune',
      unitTypes: ['commune'],
      agency: null,
      timeLimit: { value: 3, unit: 'working_days', note: null },
      cutoffHour: null,
      fees: [],
      documents: [{ name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: null }],
      steps: [],
      legalBasis: [],
      result: null,
      onlineLevel: 'full',
      sameDayEligible: false,
      unverified: [],
    };
    await inTransaction(db, async (tx) => {
      const draft = await createProcedure(tx, actor, spec);
      await publishDraft(tx, actor, { id: draft.procedure_id, code: spec.code, created_at: new Date() }, '2025-01-01');
    });
    for (let i = 0; i < DOSSIERS; i++) {
      await inTransaction(db, (tx) =>
        receiveDossier(
          tx,
          actor,
          unit,
          { unit: unit.code, procedure: spec.code, channel: 'desk', applicant: { name: 'Nguyễn Văn Thử', idNumber: '001203456789', phone: '0912344567' } },
          new Date(),
          null,
        ),
      );
    }
    // FEES open fees, references 'GD' + the fee number in base 31 over the short-code alphabet (unique by construction).
    const salt = randomBytes(2).readUInt16BE(0);
    await db.execute(sql`
      INSERT INTO dossier_fees (dossier_id, unit_id, kind, name, amount_vnd, reference)
      SELECT d.ids[1 + (g % array_length(d.ids, 1))], ${unit.id}, 'fee', 'Lệ phí', 10000 * (1 + g % 50),
             'GD' || (SELECT string_agg(substr(${ALPHABET}, ((g + ${salt}) / (31::bigint ^ k)::bigint % 31)::int + 1, 1), '' ORDER BY k)
                      FROM generate_series(0, 9) k)
      FROM generate_series(1, ${FEES}) g, (SELECT array_agg(id ORDER BY id) AS ids FROM dossiers WHERE unit_id = ${unit.id}) d`);
    await db.execute(sql`ANALYZE dossier_fees`);
    const refs = (
      await rows<{ reference: string; amount: string }>(
        db,
        sql`SELECT reference, amount_vnd AS amount FROM dossier_fees WHERE unit_id = ${unit.id} ORDER BY id`,
      )
    ).map((r) => ({ reference: r.reference, amount: Number(r.amount) }));
    const lines = statementRows(refs);
    const csv = toCsv(lines);
    const xlsx = await toXlsx(lines);

    const phases: Phase[] = [];
    const parsedCsv = await measure(`parse CSV (${lines.length.toLocaleString('en')} lines)`, () => parseStatement(csv));
    phases.push(parsedCsv.phase);
    const parsedXlsx = await measure('parse .xlsx (same lines)', () => parseStatement(xlsx));
    phases.push(parsedXlsx.phase);
    if (!parsedCsv.result.ok || !parsedXlsx.result.ok) throw new Error('the generated statement did not parse');
    if (parsedXlsx.result.lines.length !== parsedCsv.result.lines.length) throw new Error('CSV and .xlsx disagree');
    const statement = parsedCsv.result;
    const matched = await measure(`match (${FEES.toLocaleString('en')} fees loaded into a Map once)`, async () => {
      const fees = await rows<{ id: string; reference: string; amount_vnd: string; paid_vnd: string; status: 'due' }>(
        db,
        sql`SELECT id, reference, amount_vnd, paid_vnd, status FROM dossier_fees WHERE unit_id = ${unit.id} AND status = 'due'`,
      );
      return matchTransfers(
        statement.lines,
        fees.map((f) => ({ id: Number(f.id), reference: f.reference, amountVnd: Number(f.amount_vnd), paidVnd: Number(f.paid_vnd), status: f.status })),
      );
    });
    phases.push(matched.phase);
    const outcome: Record<string, number> = {};
    for (const m of matched.result) outcome[m.outcome] = (outcome[m.outcome] ?? 0) + 1;
    const applied = await measure('apply (one transaction: payments, fees, audit, paid_online)', () =>
      inTransaction(db, (tx) =>
        applyStatement(tx, actor, {
          unitId: unit.id,
          accountId: null,
          fileName: 'sao-ke.csv',
          sha256: sha256Of(csv),
          kind: 'csv',
          lines: statement.lines,
          debitLines: statement.debitLines,
        }),
      ),
    );
    phases.push(applied.phase);
    const s = applied.result;
    if (s.matched !== outcome.matched || s.unmatched !== outcome.unmatched) throw new Error('apply and match disagree');
    return { fees: FEES, csvLines: lines.length, csvMb: mb(csv.length), xlsxMb: mb(xlsx.length), phases, outcome: { ...outcome, feesPaid: s.feesPaid } };
  } finally {
    await sys.close();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printReconciliationBench(r: ReconciliationBenchResult): void {
  process.stdout.write(
    `\nreconciliation: ${r.fees.toLocaleString('en')} open fees, statement of ${r.csvLines.toLocaleString('en')} lines (CSV ${r.csvMb.toFixed(1)} MB, .xlsx ${r.xlsxMb.toFixed(1)} MB)\n`,
  );
  for (const p of r.phases) {
    process.stdout.write(
      `  ${p.label.padEnd(62)} ${(p.ms / 1000).toFixed(2).padStart(7)} s   peak RSS ${p.peakRssMb.toFixed(0).padStart(5)} MB   heap +${p.heapGrowthMb.toFixed(0)} MB\n`,
    );
  }
  process.stdout.write(
    `  outcomes: ${Object.entries(r.outcome)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchReconciliation()
    .then(printReconciliationBench)
    .catch((err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
