/**
 * A stand-in for Casso (webhook v2), the payment-notification gateway: it signs deliveries the way Casso does
 * (`X-Casso-Signature: t=<unix ms>,v1=<HMAC-SHA512 of "<t>." + key-sorted JSON>`, src/modules/reconciliation/rules/
 * casso.ts) and POSTs them over real HTTP to the app's /webhooks/payments/casso. It can sign with a wrong key, at an
 * old time, or send the very same bytes again (a replay). Not product code.
 *
 *   npx tsx test/stand-ins/payment-gateway.ts <app base URL> <checksum key> <account no> <amount> <description>
 */
import { createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const CASSO_PATH = '/webhooks/payments/casso';

export interface CassoNotification {
  id: number;
  reference: string;
  description: string;
  amount: number;
  /** "YYYY-MM-DD HH:mm:ss", Vietnam time. */
  transactionDateTime: string;
  accountNumber: string;
  counterAccountName?: string;
  counterAccountNumber?: string;
}

export interface SentDelivery {
  status: number;
  body: Record<string, unknown>;
  /** The exact bytes and headers sent, to send them again. */
  raw: string;
  headers: Record<string, string>;
}

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeysDeep((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** A gateway bound to the app at `baseUrl`, signing with `checksumKey`. */
export function paymentGateway(baseUrl: string, checksumKey: string) {
  let nextId = 1000;
  const post = async (raw: string, headers: Record<string, string>): Promise<SentDelivery> => {
    const res = await fetch(`${baseUrl}${CASSO_PATH}`, { method: 'POST', headers, body: raw });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, raw, headers };
  };
  return {
    /** Notifies one transfer (fields not given take plausible values); `sign` overrides the key or the time. */
    notify(n: Partial<CassoNotification> & { amount: number; description: string; accountNumber: string }, sign: { key?: string; atMs?: number } = {}) {
      const id = n.id ?? nextId++;
      const body = {
        error: 0,
        data: {
          id,
          reference: n.reference ?? `FT${id}`,
          description: n.description,
          amount: n.amount,
          runningBalance: 100_000_000,
          transactionDateTime: n.transactionDateTime ?? '2025-07-02 09:30:00',
          accountNumber: n.accountNumber,
          bankName: 'VietinBank',
          bankAbbreviation: 'ICB',
          virtualAccountNumber: '',
          virtualAccountName: '',
          counterAccountName: n.counterAccountName ?? 'NGUYEN VAN THU',
          counterAccountNumber: n.counterAccountNumber ?? '0123456789',
          counterAccountBankId: '970436',
          counterAccountBankName: 'Vietcombank',
        },
      };
      const t = String(sign.atMs ?? Date.now());
      const v1 = createHmac('sha512', sign.key ?? checksumKey)
        .update(`${t}.${JSON.stringify(sortKeysDeep(body))}`)
        .digest('hex');
      // Casso sends compact JSON; any serialisation verifies, since the signature is over the key-sorted form.
      return post(JSON.stringify(body), { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${v1}` });
    },
    /** Sends an earlier delivery again, byte for byte. */
    replay: (d: SentDelivery) => post(d.raw, d.headers),
    /** A delivery without the signature header. */
    unsigned: (body: unknown) => post(JSON.stringify(body), { 'content-type': 'application/json' }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [base, key, account, amount, description] = process.argv.slice(2);
  if (!base || !key || !account || !amount || !description) {
    console.error('usage: payment-gateway.ts <base URL> <checksum key> <account no> <amount> <description>');
    process.exit(2);
  }
  const r = await paymentGateway(base, key).notify({ accountNumber: account, amount: Number(amount), description });
  console.log(r.status, JSON.stringify(r.body));
}
