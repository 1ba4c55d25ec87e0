/**
 * Permission-matrix cases for reconciliation (see permissions.test.ts): importing a bank statement, the exceptions list
 * and resolving a payment all need payments.manage on the unit. The gateway webhook is public (signed) and needs none.
 * Spread into permission-cases.ts.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** An unmatched transfer at the unit. */
async function paymentAt(f: Fixtures, t: UnitRow): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: number }>(
    `INSERT INTO payments (unit_id, source, bank_txn_id, amount_vnd, booked_at, description, status)
     VALUES ($1, 'statement', $2, 10000, now(), 'chuyen tien thu quyen', 'unmatched') RETURNING id`,
    [t.id, `QUYEN-${f.n()}`],
  );
  return Number(r.rows[0]?.id);
}

export const reconciliationMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/sao-ke',
    permission: 'payments.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/thanh-toan/sao-ke?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thanh-toan/sao-ke',
    permission: 'payments.manage',
    scope: 'unit',
    // Not multipart: refused callers get 403 first; allowed ones see the page again with a 415.
    make: async (_f, t) => ({ url: `/quan-tri/thanh-toan/sao-ke?unit=${t.code}`, payload: form({}) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/doi-soat',
    permission: 'payments.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/thanh-toan/doi-soat?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/doi-soat/:id',
    permission: 'payments.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thanh-toan/doi-soat/${await paymentAt(f, t)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thanh-toan/doi-soat/:id',
    permission: 'payments.manage',
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/thanh-toan/doi-soat/${await paymentAt(f, t)}`,
      payload: form({ action: 'other', note: 'Thử ma trận quyền' }),
    }),
  },
];
