// SQL of reconciliation: statement imports, the payments the bank reports, the fees they are matched to (read only:
// crediting a fee is payments' applyPayments), the exceptions list.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { FeeState, MatchOutcome } from './rules/match.ts';

/** Rows per multi-row statement: arrays of 10,000 keep each statement well under PostgreSQL's limits. */
const CHUNK = 10_000;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Records a statement import; null when the unit already imported a file with this hash. */
export async function insertImport(
  tx: Db,
  r: { unitId: number; accountId: number | null; fileName: string; sha256: string; format: string; lines: number; userId: number | null },
): Promise<number | null> {
  const row = await one<{ id: string }>(
    tx,
    sql`INSERT INTO statement_imports (unit_id, account_id, file_name, file_sha256, format, lines, imported_by)
        VALUES (${r.unitId}, ${r.accountId}, ${r.fileName}, ${r.sha256}, ${r.format}, ${r.lines}, ${r.userId})
        ON CONFLICT (unit_id, file_sha256) DO NOTHING RETURNING id`,
  );
  return row ? Number(row.id) : null;
}

export async function findImportByHash(db: Db, unitId: number, sha256: string): Promise<{ id: number; imported_at: Date | string; file_name: string } | null> {
  const r = await one<{ id: string; imported_at: Date; file_name: string }>(
    db,
    sql`SELECT id, imported_at, file_name FROM statement_imports WHERE unit_id = ${unitId} AND file_sha256 = ${sha256}`,
  );
  return r ? { ...r, id: Number(r.id) } : null;
}

export async function finishImport(tx: Db, id: number, matched: number, unmatched: number): Promise<void> {
  await tx.execute(sql`UPDATE statement_imports SET matched = ${matched}, unmatched = ${unmatched} WHERE id = ${id}`);
}

/** Bank transaction ids of the unit already recorded (by any source: a webhook before the statement). */
export async function recordedTxnIds(tx: Db, unitId: number, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids)) {
    const found = await rows<{ bank_txn_id: string }>(
      tx,
      sql`SELECT bank_txn_id FROM payments WHERE unit_id = ${unitId} AND bank_txn_id = ANY(${toArray(part)}::text[])`,
    );
    for (const r of found) out.add(r.bank_txn_id);
  }
  return out;
}

/** The unit's fees with one of these references, locked (in id order) until the transaction ends. */
export async function lockFeesByReference(tx: Db, unitId: number, references: readonly string[]): Promise<FeeState[]> {
  const out: FeeState[] = [];
  for (const part of chunks(references)) {
    const found = await rows<{ id: string; reference: string; amount_vnd: string; paid_vnd: string; status: FeeState['status'] }>(
      tx,
      sql`SELECT id, reference, amount_vnd, paid_vnd, status FROM dossier_fees
          WHERE unit_id = ${unitId} AND reference = ANY(${toArray(part)}::text[]) ORDER BY id FOR UPDATE`,
    );
    for (const f of found)
      out.push({ id: Number(f.id), reference: f.reference, amountVnd: Number(f.amount_vnd), paidVnd: Number(f.paid_vnd), status: f.status });
  }
  return out;
}

/** A PostgreSQL array literal for text values (quoted, so commas and braces in bank ids stay inside). */
function toArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
const numArray = (values: readonly (number | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

export interface PaymentToInsert {
  bankTxnId: string;
  amountVnd: number;
  bookedAt: Date;
  description: string;
  payerName: string | null;
  payerAccount: string | null;
  status: MatchOutcome;
  feeId: number | null;
  note: string | null;
}

/**
 * Inserts payments in multi-row statements (unnest of arrays); a transaction already recorded for the unit and source
 * is skipped. Returns how many rows went in.
 */
export async function insertPayments(
  tx: Db,
  common: { unitId: number; accountId: number | null; source: 'statement' | 'gateway'; importId: number | null },
  payments: readonly PaymentToInsert[],
): Promise<number> {
  let inserted = 0;
  for (const part of chunks(payments)) {
    const res = await tx.execute(sql`
      INSERT INTO payments (unit_id, account_id, source, import_id, bank_txn_id, amount_vnd, booked_at, description, payer_name, payer_account, status, fee_id, note)
      SELECT ${common.unitId}, ${common.accountId}::bigint, ${common.source}, ${common.importId}::bigint, u.txn, u.amount, u.booked, u.descr, u.payer, u.account, u.status, u.fee, u.note
      FROM unnest(${toArray(part.map((p) => p.bankTxnId))}::text[], ${numArray(part.map((p) => p.amountVnd))}::bigint[],
                  ${toArray(part.map((p) => p.bookedAt.toISOString()))}::timestamptz[], ${toArray(part.map((p) => p.description))}::text[],
                  ${toArray(part.map((p) => p.payerName))}::text[], ${toArray(part.map((p) => p.payerAccount))}::text[],
                  ${toArray(part.map((p) => p.status))}::text[], ${numArray(part.map((p) => p.feeId))}::bigint[], ${toArray(part.map((p) => p.note))}::text[])
           AS u(txn, amount, booked, descr, payer, account, status, fee, note)
      ON CONFLICT (unit_id, source, bank_txn_id) DO NOTHING`);
    inserted += res.rowCount ?? 0;
  }
  return inserted;
}

/** A payment as the exceptions page and the resolve commands see it. PERSONAL DATA: payer_name, payer_account. */
export interface PaymentRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_path: string;
  source: 'statement' | 'gateway' | 'cash';
  bank_txn_id: string;
  amount_vnd: number;
  booked_at: Date;
  description: string;
  payer_name: string | null;
  payer_account: string | null;
  status: 'matched' | 'partial' | 'unmatched' | 'duplicate' | 'resolved';
  fee_id: number | null;
  fee_reference: string | null;
  note: string | null;
  created_at: Date;
}

const PAYMENT_COLUMNS = sql`p.id::int AS id, p.unit_id::int AS unit_id, u.code AS unit_code, u.path AS unit_path, p.source, p.bank_txn_id,
  p.amount_vnd::float8 AS amount_vnd, p.booked_at, p.description, p.payer_name, p.payer_account, p.status, p.fee_id::int AS fee_id,
  f.reference AS fee_reference, p.note, p.created_at`;

export async function findPayment(db: Db, id: number, lock = false): Promise<PaymentRow | null> {
  return one<PaymentRow>(
    db,
    sql`SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN units u ON u.id = p.unit_id LEFT JOIN dossier_fees f ON f.id = p.fee_id
        WHERE p.id = ${id} ${lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
}

export const OPEN_STATUSES = ['unmatched', 'partial', 'duplicate'] as const;

/** The unit's payments waiting for a person (unmatched, partial, duplicate), newest first, one page. */
export async function listExceptions(
  db: Db,
  unitId: number,
  status: (typeof OPEN_STATUSES)[number] | null,
  page: number,
  pageSize: number,
): Promise<{ rows: PaymentRow[]; total: number }> {
  const filter = status ? sql`p.status = ${status}` : sql`p.status IN ('unmatched', 'partial', 'duplicate')`;
  const [list, count] = await Promise.all([
    rows<PaymentRow>(
      db,
      sql`SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN units u ON u.id = p.unit_id LEFT JOIN dossier_fees f ON f.id = p.fee_id
          WHERE p.unit_id = ${unitId} AND ${filter} ORDER BY p.created_at DESC, p.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM payments p WHERE p.unit_id = ${unitId} AND ${filter}`),
  ]);
  return { rows: list, total: count?.n ?? 0 };
}

/** The unit's fee with this reference (any status), for a manual match. */
export async function findFeeOfUnit(
  db: Db,
  unitId: number,
  reference: string,
): Promise<{ id: number; reference: string; name: string; amount_vnd: number; paid_vnd: number; status: string; dossier_code: string } | null> {
  return one(
    db,
    sql`SELECT f.id::int AS id, f.reference, f.name, f.amount_vnd::float8 AS amount_vnd, f.paid_vnd::float8 AS paid_vnd, f.status, d.code AS dossier_code
        FROM dossier_fees f JOIN dossiers d ON d.id = f.dossier_id WHERE f.unit_id = ${unitId} AND f.reference = ${reference}`,
  );
}

export async function resolvePaymentRow(tx: Db, id: number, r: { feeId: number | null; note: string; userId: number | null }): Promise<void> {
  await tx.execute(sql`
    UPDATE payments SET status = 'resolved', fee_id = COALESCE(${r.feeId}::bigint, fee_id), note = ${r.note}, resolved_by = ${r.userId}::bigint, resolved_at = now()
    WHERE id = ${id}`);
}

/** The unit owning an active collection account with this number (for a gateway notification). */
export async function findAccountByNumber(db: Db, accountNo: string): Promise<{ id: number; unit_id: number } | null> {
  return one(
    db,
    sql`SELECT id::int AS id, unit_id::int AS unit_id FROM unit_payment_accounts WHERE account_no = ${accountNo} AND active ORDER BY is_default DESC, id LIMIT 1`,
  );
}

/**
 * Records the event ids of a delivery; returns those not seen before (webhook_deliveries of migration 0016, channel
 * 'payments:<provider>'). Two identical deliveries at once: the second waits on the first's row and finds it taken.
 */
export async function takeDeliveries(db: Db, channel: string, eventIds: readonly string[], now: Date): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const taken = await rows<{ event_id: string }>(
    db,
    sql`INSERT INTO webhook_deliveries (channel, event_id, at)
        SELECT ${channel}::text, e, ${now}::timestamptz FROM unnest(${toArray(eventIds)}::text[]) AS e
        ON CONFLICT (channel, event_id) DO NOTHING RETURNING event_id`,
  );
  return new Set(taken.map((r) => r.event_id));
}

export async function insertRejection(db: Db, r: { channel: string; reason: string; ip: string | null; payloadSha256: string; at: Date }): Promise<void> {
  await db.execute(
    sql`INSERT INTO webhook_rejections (at, channel, reason, ip, payload_sha256) VALUES (${r.at}, ${r.channel}, ${r.reason}, ${r.ip}, ${r.payloadSha256})`,
  );
}
