import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/pool.ts';
import { one, rows } from '../../platform/db/query.ts';
import type { FeeBalance, FeeStatus, PaidBy } from './rules/apply.ts';

type Moment = Date | string;

export interface AccountRow {
  id: number;
  unit_id: number;
  bank_bin: string;
  account_no: string;
  account_name: string;
  bank_name: string | null;
  target: 'account' | 'card';
  counter: string | null;
  is_default: boolean;
  active: boolean;
}

const accountColumns = sql`id::int, unit_id::int, bank_bin, account_no, account_name, bank_name, target, counter, is_default, active`;

export function listAccounts(db: Db, unitId: number): Promise<AccountRow[]> {
  return rows<AccountRow>(
    db,
    sql`SELECT ${accountColumns} FROM unit_payment_accounts WHERE unit_id = ${unitId} ORDER BY active DESC, is_default DESC, counter NULLS FIRST, id`,
  );
}

export function findAccount(db: Db, id: number, lock = false): Promise<AccountRow | null> {
  return one<AccountRow>(db, sql`SELECT ${accountColumns} FROM unit_payment_accounts WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`);
}

/** The account a counter collects into: its own active account, else the unit's default. */
export function accountFor(db: Db, unitId: number, counter: string | null): Promise<AccountRow | null> {
  return one<AccountRow>(
    db,
    sql`SELECT ${accountColumns} FROM unit_payment_accounts
        WHERE unit_id = ${unitId} AND active AND (is_default OR (${counter}::text IS NOT NULL AND counter = ${counter}::text))
        ORDER BY (counter IS NOT DISTINCT FROM ${counter}::text) DESC, is_default DESC, id LIMIT 1`,
  );
}

export interface AccountInput {
  bankBin: string;
  accountNo: string;
  accountName: string;
  bankName: string | null;
  target: 'account' | 'card';
  counter: string | null;
  isDefault: boolean;
  active: boolean;
}

/** Clears the unit's default mark (before another account takes it, in the same transaction). */
export async function clearDefault(db: Db, unitId: number, exceptId: number | null): Promise<void> {
  await db.execute(
    sql`UPDATE unit_payment_accounts SET is_default = false, updated_at = now() WHERE unit_id = ${unitId} AND is_default AND id IS DISTINCT FROM ${exceptId}::bigint`,
  );
}

export async function insertAccount(db: Db, unitId: number, a: AccountInput): Promise<AccountRow> {
  return (await one<AccountRow>(
    db,
    sql`INSERT INTO unit_payment_accounts (unit_id, bank_bin, account_no, account_name, bank_name, target, counter, is_default, active)
        VALUES (${unitId}, ${a.bankBin}, ${a.accountNo}, ${a.accountName}, ${a.bankName}, ${a.target}, ${a.counter}, ${a.isDefault}, ${a.active})
        RETURNING ${accountColumns}`,
  )) as AccountRow;
}

export async function updateAccount(db: Db, id: number, a: AccountInput): Promise<AccountRow> {
  return (await one<AccountRow>(
    db,
    sql`UPDATE unit_payment_accounts SET bank_bin = ${a.bankBin}, account_no = ${a.accountNo}, account_name = ${a.accountName},
          bank_name = ${a.bankName}, target = ${a.target}, counter = ${a.counter}, is_default = ${a.isDefault}, active = ${a.active}, updated_at = now()
        WHERE id = ${id} RETURNING ${accountColumns}`,
  )) as AccountRow;
}

export interface FeeRow {
  id: number;
  dossier_id: number;
  unit_id: number;
  account_id: number | null;
  kind: 'fee' | 'charge' | 'postal' | 'other';
  name: string;
  amount_vnd: number;
  reference: string;
  counter: string | null;
  status: 'due' | 'paid' | 'waived' | 'cancelled';
  paid_vnd: number;
  paid_by: 'transfer' | 'cash' | null;
  paid_at: Moment | null;
  waive_reason: string | null;
  created_at: Moment;
  receipt_number: number | null;
  receipt_year: number | null;
}

const feeColumns = sql`f.id::int, f.dossier_id::int, f.unit_id::int, f.account_id::int, f.kind, f.name, f.amount_vnd::float8 AS amount_vnd, f.reference,
  f.counter, f.status, f.paid_vnd::float8 AS paid_vnd, f.paid_by, f.paid_at, f.waive_reason, f.created_at,
  r.number AS receipt_number, r.year AS receipt_year`;

export function listFeesOfDossier(db: Db, dossierId: number): Promise<FeeRow[]> {
  return rows<FeeRow>(
    db,
    sql`SELECT ${feeColumns} FROM dossier_fees f LEFT JOIN fee_receipts r ON r.fee_id = f.id WHERE f.dossier_id = ${dossierId} ORDER BY f.id`,
  );
}

export function findFee(db: Db, id: number, lock = false): Promise<FeeRow | null> {
  return one<FeeRow>(
    db,
    sql`SELECT ${feeColumns} FROM dossier_fees f LEFT JOIN fee_receipts r ON r.fee_id = f.id WHERE f.id = ${id} ${lock ? sql`FOR UPDATE OF f` : sql``}`,
  );
}

/** Serialises fee creation for one dossier (two clerks pressing "Lập phí" at once). */
export async function lockDossierFees(db: Db, dossierId: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(880018, (${dossierId}::bigint % 2147483647)::int)`);
}

export interface NewFee {
  dossierId: number;
  unitId: number;
  accountId: number | null;
  kind: FeeRow['kind'];
  name: string;
  amountVnd: number;
  reference: string;
  counter: string | null;
  createdBy: number | null;
}

/** Inserts a fee; null when the reference is already taken (the caller draws another). */
export async function insertFee(db: Db, f: NewFee): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO dossier_fees (dossier_id, unit_id, account_id, kind, name, amount_vnd, reference, counter, created_by)
        VALUES (${f.dossierId}, ${f.unitId}, ${f.accountId}, ${f.kind}, ${f.name}, ${f.amountVnd}, ${f.reference}, ${f.counter}, ${f.createdBy})
        ON CONFLICT (reference) DO NOTHING RETURNING id::int`,
  );
  return r?.id ?? null;
}

export async function waiveFeeRow(db: Db, id: number, reason: string): Promise<void> {
  await db.execute(sql`UPDATE dossier_fees SET status = 'waived', waive_reason = ${reason}, updated_at = now() WHERE id = ${id}`);
}

export async function insertCashPayment(db: Db, p: { unitId: number; accountId: number | null; feeId: number; amountVnd: number; at: Date }): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO payments (unit_id, account_id, source, bank_txn_id, amount_vnd, booked_at, description, status, fee_id)
        VALUES (${p.unitId}, ${p.accountId}, 'cash', ${`cash-${p.feeId}`}, ${p.amountVnd}, ${p.at.toISOString()}::timestamptz,
                'Thu tiền mặt tại quầy', 'matched', ${p.feeId})
        RETURNING id::int`,
  );
  return (r as { id: number }).id;
}

export interface ReceiptRow {
  id: number;
  fee_id: number;
  unit_id: number;
  year: number;
  number: number;
  payer_name: string | null;
  issued_at: Moment;
}

export function findReceipt(db: Db, feeId: number): Promise<ReceiptRow | null> {
  return one<ReceiptRow>(db, sql`SELECT id::int, fee_id::int, unit_id::int, year, number, payer_name, issued_at FROM fee_receipts WHERE fee_id = ${feeId}`);
}

/**
 * Inserts the next receipt number of the unit and year. A transaction-scoped advisory lock per unit makes
 * concurrent issuers wait for each other, so max + 1 is never taken twice (UNIQUE (unit_id, year, number) backs it).
 */
export async function insertNextReceipt(
  db: Db,
  r: { feeId: number; unitId: number; year: number; payerName: string | null; by: number | null; at: Date },
): Promise<ReceiptRow> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(880019, (${r.unitId}::bigint % 2147483647)::int)`);
  return (await one<ReceiptRow>(
    db,
    sql`INSERT INTO fee_receipts (fee_id, unit_id, year, number, payer_name, issued_by, issued_at)
        SELECT ${r.feeId}, ${r.unitId}, ${r.year}, COALESCE(max(number), 0) + 1, ${r.payerName}, ${r.by}, ${r.at.toISOString()}::timestamptz
        FROM fee_receipts WHERE unit_id = ${r.unitId} AND year = ${r.year}
        RETURNING id::int, fee_id::int, unit_id::int, year, number, payer_name, issued_at`,
  )) as ReceiptRow;
}

/** The names of the dossier's fees already created (any status): creating from the procedure skips them. */
export async function feeNamesOf(db: Db, dossierId: number): Promise<Set<string>> {
  const r = await rows<{ name: string }>(db, sql`SELECT name FROM dossier_fees WHERE dossier_id = ${dossierId}`);
  return new Set(r.map((x) => x.name));
}

/** Rows per multi-row statement when applying payments in bulk (a statement of 10,000 stays well within limits). */
const CHUNK = 10_000;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** A PostgreSQL bigint[] literal (one parameter, however many ids). */
const idArray = (ids: Iterable<number>) => `{${[...ids].join(',')}}`;

/** The balances of these fees, locked (in id order, so two batches never deadlock) until the transaction ends. */
export async function lockFeeBalances(db: Db, ids: readonly number[]): Promise<FeeBalance[]> {
  const found = await rows<{
    id: string;
    dossier_id: string;
    unit_id: string;
    amount_vnd: string;
    paid_vnd: string;
    status: FeeStatus;
    paid_by: PaidBy | null;
    paid_at: Date | null;
  }>(
    db,
    sql`SELECT id, dossier_id, unit_id, amount_vnd, paid_vnd, status, paid_by, paid_at FROM dossier_fees
        WHERE id = ANY(${idArray(new Set(ids))}::bigint[]) ORDER BY id FOR UPDATE`,
  );
  return found.map((f) => ({
    id: Number(f.id),
    dossierId: Number(f.dossier_id),
    unitId: Number(f.unit_id),
    amountVnd: Number(f.amount_vnd),
    paidVnd: Number(f.paid_vnd),
    status: f.status,
    paidBy: f.paid_by,
    paidAt: f.paid_at === null ? null : new Date(f.paid_at),
  }));
}

/** Writes fees' new balances (paid_vnd, status, paid_at, paid_by), a multi-row UPDATE per 10,000 fees. */
export async function saveFeeBalances(db: Db, fees: readonly FeeBalance[], now: Date): Promise<void> {
  for (const part of chunks(fees)) {
    const json = JSON.stringify(part.map((f) => ({ id: f.id, paid_vnd: f.paidVnd, status: f.status, paid_by: f.paidBy, paid_at: f.paidAt })));
    await db.execute(sql`
      UPDATE dossier_fees f SET paid_vnd = u.paid_vnd, status = u.status, paid_by = u.paid_by, paid_at = u.paid_at, updated_at = ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id bigint, paid_vnd bigint, status text, paid_by text, paid_at timestamptz)
      WHERE f.id = u.id`);
  }
}

/** One audit row of an applied payment, as recordAudit would write it. */
export interface FeeAudit {
  feeId: number;
  unitId: number;
  before: unknown;
  after: unknown;
}

/**
 * Appends many audit rows of one action on fees ('payment.apply'), a multi-row INSERT per 10,000 rows, in the caller's
 * transaction: the same row recordAudit writes, without a round trip each.
 */
export async function insertFeeAudits(db: Db, actor: Actor, action: string, entries: readonly FeeAudit[]): Promise<void> {
  for (const part of chunks(entries)) {
    const json = JSON.stringify(part.map((e) => ({ fee_id: e.feeId, unit_id: e.unitId, before: e.before, after: e.after })));
    await db.execute(sql`
      INSERT INTO audit_log (actor_user_id, actor_label, ip, request_id, action, entity_type, entity_id, unit_id, before, after)
      SELECT ${actor.userId}::bigint, ${actor.label}::text, ${actor.ip}::text, ${actor.requestId}::text, ${action}::text, 'dossier_fee',
             a.fee_id::text, a.unit_id, a.before, a.after
      FROM jsonb_to_recordset(${json}::jsonb) AS a(fee_id bigint, unit_id bigint, before jsonb, after jsonb)`);
  }
}

/**
 * Marks paid online (dossiers.paid_online, thanh toán trực tuyến) each of `settled` — dossiers where a fee was just
 * completed — whose fees are now all settled, every paid one by transfer (waived and cancelled fees do not count).
 * Returns the flag, after that, of every dossier in `dossiers`.
 */
export async function markPaidOnline(db: Db, settled: Iterable<number>, dossiers: Iterable<number>): Promise<Map<number, boolean>> {
  const found = await rows<{ id: number; paid_online: boolean }>(
    db,
    sql`WITH became AS (
          UPDATE dossiers d SET paid_online = true
          WHERE d.id = ANY(${idArray(settled)}::bigint[]) AND NOT d.paid_online
            AND NOT EXISTS (SELECT 1 FROM dossier_fees x WHERE x.dossier_id = d.id AND (x.status = 'due' OR (x.status = 'paid' AND x.paid_by <> 'transfer')))
          RETURNING d.id)
        SELECT d.id::int AS id, (d.paid_online OR b.id IS NOT NULL) AS paid_online
        FROM dossiers d LEFT JOIN became b ON b.id = d.id WHERE d.id = ANY(${idArray(dossiers)}::bigint[])`,
  );
  return new Map(found.map((r) => [r.id, r.paid_online]));
}
