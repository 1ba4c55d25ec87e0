/**
 * Permission-matrix cases for declaration sets (see permissions.test.ts): filling declarations is part of receiving
 * dossiers, so every route needs `dossiers.receive`, on the set's unit for a set. Spread into permission-cases.ts.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const QR = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';

/** A set made directly at the target unit (no HTTP: the matrix asks who may reach it). */
async function setAt(f: Fixtures, t: UnitRow): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: number }>(
    `INSERT INTO declaration_sets (unit_id, templates, field_values, purge_after)
     VALUES ($1, '[{"key":"birth-registration","version":1}]', '{"child.fullName":"Trần Ngọc Bảo Hân"}', now() + interval '1 day') RETURNING id::int`,
    [t.id],
  );
  return r.rows[0]?.id as number;
}

export const formsMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/forms/templates',
    permission: 'dossiers.receive',
    scope: 'anywhere',
    make: async () => ({ url: '/api/v1/forms/templates' }),
  },
  {
    method: 'GET',
    route: '/api/v1/forms/templates/:key',
    permission: 'dossiers.receive',
    scope: 'anywhere',
    make: async () => ({ url: '/api/v1/forms/templates/marriage-registration' }),
  },
  {
    method: 'POST',
    route: '/api/v1/forms/sets',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/api/v1/forms/sets', payload: { unit: t.code, procedure: '1.001193', qr: QR } }),
  },
  {
    method: 'GET',
    route: '/api/v1/forms/sets/:id',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/forms/sets/${await setAt(f, t)}` }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/forms/sets/:id',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/forms/sets/${await setAt(f, t)}`, payload: { values: { 'child.sex': 'Nữ' } } }),
  },
  {
    method: 'GET',
    route: '/api/v1/forms/sets/:id/:template.pdf',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/forms/sets/${await setAt(f, t)}/birth-registration.pdf` }),
  },
  {
    method: 'POST',
    route: '/api/v1/forms/sets/:id/dossier',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/forms/sets/${await setAt(f, t)}/dossier`, payload: { procedure: '1.001193', channel: 'desk' } }),
  },
  {
    method: 'GET',
    route: '/mot-cua/to-khai',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/mot-cua/to-khai?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/mot-cua/to-khai/moi',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/mot-cua/to-khai/moi?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/to-khai',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/mot-cua/to-khai', payload: form({ unit: t.code, procedure: '1.001193', qr: QR }) }),
  },
  {
    method: 'GET',
    route: '/mot-cua/to-khai/:id',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/to-khai/${await setAt(f, t)}` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/to-khai/:id',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/to-khai/${await setAt(f, t)}`, payload: form({ 'child.fullName': 'Trần Ngọc Bảo Hân' }) }),
  },
  {
    method: 'POST',
    route: '/mot-cua/to-khai/:id/quet',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/to-khai/${await setAt(f, t)}/quet`, payload: form({ qr: QR }) }),
  },
  {
    method: 'GET',
    route: '/mot-cua/to-khai/:id/in/:template.pdf',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/to-khai/${await setAt(f, t)}/in/birth-registration.pdf` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/to-khai/:id/tiep-nhan',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/to-khai/${await setAt(f, t)}/tiep-nhan`, payload: form({ procedure: '1.001193', channel: 'desk' }) }),
  },
];
