/**
 * Permission-matrix cases for same-day policies and the forgot-to-close list (see permissions.test.ts). Policies are
 * managed with `dossiers.policies` on the unit; the returned-but-not-closed list needs `dossiers.read` on the unit.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

async function policyAt(f: Fixtures, unitId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: number }>(
    "INSERT INTO unit_service_policies (unit_id, kind, threshold_days) VALUES ($1, 'under_threshold', 3) RETURNING id",
    [unitId],
  );
  return Number(r.rows[0]?.id);
}

export const dossierPolicyMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/dossier-policies',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/dossier-policies?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/dossier-policies',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/api/v1/dossier-policies', payload: { unit: t.code, kind: 'no_wait_weekdays', weekdays: [4] } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/dossier-policies/:id',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/dossier-policies/${await policyAt(f, t.id)}`, payload: { enabled: false } }),
  },
  {
    method: 'GET',
    route: '/mot-cua/chinh-sach',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/mot-cua/chinh-sach?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/chinh-sach',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/mot-cua/chinh-sach', payload: form({ unit: t.code, kind: 'registered_same_day' }) }),
  },
  {
    method: 'POST',
    route: '/mot-cua/chinh-sach/:id',
    permission: 'dossiers.policies',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/chinh-sach/${await policyAt(f, t.id)}`, payload: form({ enabled: 'false' }) }),
  },
  {
    method: 'GET',
    route: '/mot-cua/chua-dong',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/mot-cua/chua-dong?unit=${t.code}` }),
  },
];
