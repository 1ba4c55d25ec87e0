/**
 * Permission-matrix cases for the post office as partner (see permissions.test.ts). A shipment is handed to a post
 * office made under the target unit: holders of postal.handle there (or above it through a subtree grant) see it and
 * record its steps. The desk's postal page of a dossier needs dossiers.read, handing over dossiers.receive, on the
 * dossier's unit; the report needs reports.read on the unit. The citizen's postal tracking page is public.
 * Spread into permission-cases.ts.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const procedures = new WeakMap<object, Promise<string>>();
function procedureOf(f: Fixtures): Promise<string> {
  let p = procedures.get(f.sys);
  if (!p) {
    p = makeProcedure(f.sys, { days: 5 });
    procedures.set(f.sys, p);
  }
  return p;
}

/** A fresh shipment of a dossier received at the target, handed to a post office under the target. */
async function shipmentAt(f: Fixtures, t: UnitRow): Promise<number> {
  const d = await receiveDirect(f.sys, t, await procedureOf(f));
  const office = await f.makeUnit(f.sys, { parent: t, kind: 'post_office' });
  const r = await f.sys.platform.pool.query<{ id: string }>(
    `INSERT INTO postal_shipments (dossier_id, unit_id, direction, post_office_unit_id, recipient_name, recipient_address)
     VALUES ($1, $2, 'outbound', $3, 'Người Nhận Thử', 'Số 1, đường Thử Quyền') RETURNING id`,
    [d.id, t.id, office.id],
  );
  return Number(r.rows[0]?.id);
}

const P = 'postal.handle';
export const postalMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/buu-dien', permission: P, scope: 'anywhere', make: async () => ({ url: '/buu-dien' }) },
  { method: 'GET', route: '/buu-dien/:id', permission: P, scope: 'unit', make: async (f, t) => ({ url: `/buu-dien/${await shipmentAt(f, t)}` }) },
  {
    method: 'POST',
    route: '/buu-dien/:id/buoc',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/buu-dien/${await shipmentAt(f, t)}/buoc`, payload: form({ status: 'picked_up', itemNumber: 'EB123456785VN' }) }),
  },
  { method: 'GET', route: '/api/v1/postal/shipments', permission: P, scope: 'anywhere', make: async () => ({ url: '/api/v1/postal/shipments' }) },
  {
    method: 'GET',
    route: '/api/v1/postal/shipments/:id',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/postal/shipments/${await shipmentAt(f, t)}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/postal/shipments/:id/steps',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/postal/shipments/${await shipmentAt(f, t)}/steps`, payload: { status: 'picked_up', itemNumber: 'EB123456785VN' } }),
  },
  {
    method: 'GET',
    route: '/mot-cua/ho-so/:code/buu-dien',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await receiveDirect(f.sys, t, await procedureOf(f))).code}/buu-dien` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/ho-so/:code/buu-dien',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({
      url: `/mot-cua/ho-so/${(await receiveDirect(f.sys, t, await procedureOf(f))).code}/buu-dien`,
      payload: form({ direction: 'outbound', recipientName: 'Người Nhận', recipientAddress: 'Số 1, đường Thử Quyền' }),
    }),
  },
  {
    method: 'GET',
    route: '/bao-cao/buu-dien',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/buu-dien?unit=${t.code}` }),
  },
];
