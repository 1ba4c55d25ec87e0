/**
 * Casso webhook v2 (casso.vn: a Vietnamese service that reads a linked bank account and notifies each transfer).
 * Pure: the clock is a parameter.
 *
 * Source: Casso Developer, "Kết nối Casso bằng Webhook → Thiết lập Webhook thủ công" and "Xử lý sự kiện Webhook"
 * (https://developer.casso.vn/webhook/thiet-lap-webhook-thu-cong, stable v2), and Casso's published verification
 * sample (PHP/Node, reproduced in rules/casso.test.ts as a test vector):
 * - Body (JSON): `{ "error": 0, "data": { "id", "reference", "description", "amount", "runningBalance",
 *   "transactionDateTime": "YYYY-MM-DD HH:mm:ss", "accountNumber", "bankName", "bankAbbreviation",
 *   "virtualAccountNumber", "virtualAccountName", "counterAccountName", "counterAccountNumber",
 *   "counterAccountBankId", "counterAccountBankName" } }`; `amount` is negative for money out.
 * - Header `X-Casso-Signature: t=<unix ms>,v1=<hex>` where hex = HMAC-SHA512(checksum key,
 *   `<t>.` + JSON of the whole body with the keys of every object sorted, no spaces).
 * - Success answer: HTTP 200 with `{ "success": true }`; Casso retries otherwise.
 * We also accept `data` as an array of such objects (version 1 sent arrays) so one delivery may carry several.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries whose `t` is older than this are refused (stale_timestamp). */
export const MAX_AGE_MS = 5 * 60 * 1000;
export const MAX_FUTURE_MS = 60 * 1000;

/** One transfer Casso notified. */
export interface CassoTransfer {
  /** Casso's id of the transaction: the replay key. */
  id: string;
  /** The bank's reference (số tham chiếu), as on the statement: the payment's bank_txn_id. */
  reference: string;
  description: string;
  amountVnd: number;
  bookedAt: Date;
  accountNumber: string;
  payerName: string | null;
  payerAccount: string | null;
}

/** Sorts the keys of every object, recursively (arrays keep their order), as Casso does before signing. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeysDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Casso's v1 signature of a body sent at `t` (unix ms, as written in the header). */
export function cassoSignature(checksumKey: string, t: string, body: unknown): string {
  return createHmac('sha512', checksumKey)
    .update(`${t}.${JSON.stringify(sortKeysDeep(body))}`, 'utf8')
    .digest('hex');
}

/** Reads `t=<digits>,v1=<hex>`; null when malformed. */
export function readSignatureHeader(header: string): { t: string; v1: string } | null {
  const parts = new Map<string, string>();
  for (const p of header.split(',')) {
    const i = p.indexOf('=');
    if (i > 0) parts.set(p.slice(0, i).trim(), p.slice(i + 1).trim());
  }
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1 || !/^\d{10,16}$/.test(t) || !/^[0-9a-fA-F]{128}$/.test(v1)) return null;
  return { t, v1: v1.toLowerCase() };
}

export function signatureValid(checksumKey: string, sig: { t: string; v1: string }, body: unknown): boolean {
  const a = Buffer.from(cassoSignature(checksumKey, sig.t, body), 'utf8');
  const b = Buffer.from(sig.v1, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `t` in milliseconds (10-digit values are read as seconds): fresh when within the last 5 minutes. */
export function isFresh(t: string, nowMs: number): boolean {
  const ms = t.length <= 10 ? Number(t) * 1000 : Number(t);
  return Number.isFinite(ms) && nowMs - ms <= MAX_AGE_MS && ms - nowMs <= MAX_FUTURE_MS;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** "YYYY-MM-DD HH:mm:ss" in Vietnam time → instant; null when unreadable. */
function cassoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - 7 * 3600_000;
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * The money-in transfers of a delivery; 'malformed' when the body is not Casso's shape. Money out (amount ≤ 0) is
 * left out: `transfers` may then be empty.
 */
export function readCassoDelivery(body: unknown): { transfers: CassoTransfer[] } | 'malformed' {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'malformed';
  const b = body as { error?: unknown; data?: unknown };
  if (b.error !== 0 && b.error !== undefined) return 'malformed';
  const items = Array.isArray(b.data) ? b.data : b.data && typeof b.data === 'object' ? [b.data] : null;
  if (!items || items.length === 0 || items.length > 100) return 'malformed';
  const transfers: CassoTransfer[] = [];
  for (const raw of items) {
    if (!raw || typeof raw !== 'object') return 'malformed';
    const d = raw as Record<string, unknown>;
    const id = str(d.id);
    const amount = d.amount;
    const bookedAt = cassoDate(str(d.transactionDateTime));
    if (!id || id.length > 100 || typeof amount !== 'number' || !Number.isSafeInteger(amount) || !bookedAt) return 'malformed';
    if (amount <= 0) continue;
    const reference = str(d.reference) || `casso-${id}`;
    if (reference.length > 100) return 'malformed';
    transfers.push({
      id,
      reference,
      description: str(d.description).normalize('NFC').replace(/\s+/g, ' ').slice(0, 500),
      amountVnd: amount,
      bookedAt,
      accountNumber: str(d.accountNumber) || str(d.virtualAccountNumber),
      payerName: str(d.counterAccountName).normalize('NFC').slice(0, 200) || null,
      payerAccount: str(d.counterAccountNumber).slice(0, 40) || null,
    });
  }
  return { transfers };
}
