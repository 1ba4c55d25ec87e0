/**
 * Permission-matrix cases for the LED board and kiosk messages (see permissions.test.ts): every edit needs
 * `kiosks.manage` on the message's unit. The kiosk screens, the board, their version checks and the public list of
 * messages are public. Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A fresh message at the unit, so each request has its own (some cases delete it). */
async function messageAt(f: Fixtures, unitId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    "INSERT INTO kiosk_messages (unit_id, position, body) VALUES ($1, 99, 'Thông điệp thử quyền') RETURNING id",
    [unitId],
  );
  return Number(r.rows[0]?.id);
}

export const kioskMatrixCases: MatrixCase[] = [
  {
    method: 'POST',
    route: '/api/v1/kiosks/:unit/messages',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/kiosks/${t.code}/messages`, payload: { text: 'Xin chào quý khách' } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/kiosks/:unit/messages/:id',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/kiosks/${t.code}/messages/${await messageAt(f, t.id)}`, payload: { enabled: false } }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/kiosks/:unit/messages/:id',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/kiosks/${t.code}/messages/${await messageAt(f, t.id)}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/bang-led',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/bang-led?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/bang-led',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: '/quan-tri/bang-led', payload: form({ unit: t.code, text: 'Xin chào quý khách', enabled: 'on' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/bang-led/:id',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/bang-led/${await messageAt(f, t.id)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/bang-led/:id',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/bang-led/${await messageAt(f, t.id)}`, payload: form({ text: 'Đã sửa', enabled: 'on' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/bang-led/:id/thu-tu',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/bang-led/${await messageAt(f, t.id)}/thu-tu`, payload: form({ direction: 'up' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/bang-led/:id/trang-thai',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/bang-led/${await messageAt(f, t.id)}/trang-thai`, payload: form({ enabled: 'false' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/bang-led/:id/xoa',
    permission: 'kiosks.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/bang-led/${await messageAt(f, t.id)}/xoa`, payload: form({}) }),
  },
];
