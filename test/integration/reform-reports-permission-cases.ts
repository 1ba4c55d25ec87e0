/**
 * Permission-matrix cases for the reform reports (see permissions.test.ts): `reports.read` to see a unit's reports,
 * the children's status and the downloads; `reform-reports.write` to open, write, compile and submit. Each case on a
 * report makes a fresh unit below the target with a draft report of its own. Spread into permission-cases.ts.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const R = 'reports.read';
const W = 'reform-reports.write';
const BASE = '/quan-tri/bao-cao-mo-hinh';

/** A draft report for 2026-Q3 (one section, model 'mot-cua') of a fresh unit below `t`. */
async function reportAt(f: Fixtures, t: UnitRow): Promise<number> {
  const below = await f.makeUnit(f.sys, { parent: t, kind: 'ward' });
  const pool = f.sys.platform.pool;
  const r = await pool.query<{ id: string }>(
    `INSERT INTO reform_reports (unit_id, period, period_from, period_to) VALUES ($1, '2026-Q3', '2026-07-01', '2026-09-30') RETURNING id`,
    [below.id],
  );
  await pool.query(`INSERT INTO reform_report_sections (report_id, model_code, model_name, catalogue_code) VALUES ($1, 'mot-cua', 'Một cửa', 'M1')`, [
    r.rows[0]?.id,
  ]);
  return Number(r.rows[0]?.id);
}

export const reformReportsMatrixCases: MatrixCase[] = [
  {
    method: 'POST',
    route: '/api/v1/reform-reports',
    permission: W,
    scope: 'unit',
    make: async (_f, t) => ({ url: '/api/v1/reform-reports', payload: { unit: t.code, period: '2026-Q3' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/reform-reports/:id',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/reform-reports/${await reportAt(f, t)}` }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/reform-reports/:id',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/reform-reports/${await reportAt(f, t)}`, payload: { version: 1, narratives: { 'mot-cua': 'Đã làm' } } }),
  },
  ...(['compile', 'submit'] as const).map(
    (action): MatrixCase => ({
      method: 'POST',
      route: `/api/v1/reform-reports/:id/${action}`,
      permission: W,
      scope: 'unit',
      make: async (f, t) => ({ url: `/api/v1/reform-reports/${await reportAt(f, t)}/${action}`, payload: {} }),
    }),
  ),
  { method: 'GET', route: BASE, permission: R, scope: 'unit', make: async (_f, t) => ({ url: `${BASE}?unit=${t.code}&period=2026-Q3` }) },
  {
    method: 'POST',
    route: BASE,
    permission: W,
    scope: 'unit',
    make: async (_f, t) => ({ url: BASE, payload: form({ unit: t.code, period: '2026-Q2' }) }),
  },
  { method: 'GET', route: `${BASE}/:id`, permission: R, scope: 'unit', make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}` }) },
  {
    method: 'POST',
    route: `${BASE}/:id`,
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}`, payload: form({ version: '1', 'n.mot-cua': 'Đã làm' }) }),
  },
  {
    method: 'POST',
    route: `${BASE}/:id/tong-hop`,
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}/tong-hop`, payload: form({ version: '1' }) }),
  },
  {
    method: 'POST',
    route: `${BASE}/:id/gui`,
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}/gui`, payload: form({ version: '1' }) }),
  },
  {
    method: 'GET',
    route: `${BASE}/:id/bao-cao.docx`,
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}/bao-cao.docx` }),
  },
  {
    method: 'GET',
    route: `${BASE}/:id/bao-cao.xlsx`,
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `${BASE}/${await reportAt(f, t)}/bao-cao.xlsx` }),
  },
];
