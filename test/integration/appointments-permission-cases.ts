/**
 * Permission-matrix cases for home appointments (see permissions.test.ts): a unit's requests are listed, read, entered
 * and acted on by holders of `appointments.manage` on that unit (or above it through a subtree grant). Every signed-in
 * person sees the visits assigned to them, records their outcome (another person's visit is a 404) and gets their
 * iCalendar feed address. The request form, the status page by code and the feed itself are public.
 * Spread into permission-cases.ts.
 */
import { randomBytes } from 'node:crypto';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { shortCodeFrom } from '../../src/platform/text/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A request at the unit, a week ahead at 09:00 Vietnam time, inserted directly. */
async function requestAt(f: Fixtures, unit: UnitRow): Promise<string> {
  const code = shortCodeFrom(randomBytes(8));
  await f.sys.platform.pool.query(
    `INSERT INTO appointments (code, unit_id, kind, channel, citizen_name, citizen_phone, address, consent_at, requested_start, slot_start, slot_end)
     VALUES ($1, $2, 'guidance', 'phone', 'Người Thử Quyền', '0912345678', 'Số 1 đường Thử', now(),
             date_trunc('day', now()) + interval '7 days 2 hours', date_trunc('day', now()) + interval '7 days 2 hours',
             date_trunc('day', now()) + interval '7 days 2 hours 45 minutes')`,
    [code, unit.id],
  );
  return code;
}

/** The next Tuesday at least a week ahead (Vietnam date). */
function aTuesday(): string {
  for (let d = 7; ; d++) {
    const iso = new Date(Date.now() + d * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    if (new Date(`${iso}T00:00:00Z`).getUTCDay() === 2) return iso;
  }
}

const P = 'appointments.manage';
const body = (t: UnitRow) => ({
  unit: t.code,
  kind: 'guidance',
  channel: 'phone',
  date: aTuesday(),
  time: '09:00',
  name: 'Người Thử Quyền',
  phone: '0912345678',
  address: 'Số 1 đường Thử',
  consent: true,
});

export const appointmentsMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/api/v1/appointments', permission: P, scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/appointments?unit=${t.code}` }) },
  {
    method: 'GET',
    route: '/api/v1/appointments/:code',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/appointments/${await requestAt(f, t)}` }),
  },
  { method: 'POST', route: '/api/v1/appointments', permission: P, scope: 'unit', make: async (_f, t) => ({ url: '/api/v1/appointments', payload: body(t) }) },
  {
    method: 'POST',
    route: '/api/v1/appointments/:code/actions/:action',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/appointments/${await requestAt(f, t)}/actions/cancel`, payload: { reason: 'Thử quyền' } }),
  },
  { method: 'GET', route: '/quan-tri/hen-tai-nha', permission: P, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/hen-tai-nha?unit=${t.code}` }) },
  {
    method: 'GET',
    route: '/quan-tri/hen-tai-nha/moi',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/hen-tai-nha/moi?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/hen-tai-nha',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => {
      const b = body(t);
      return { url: '/quan-tri/hen-tai-nha', payload: form({ ...b, consent: 'on' }) };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/hen-tai-nha/cai-dat',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({ url: '/quan-tri/hen-tai-nha/cai-dat', payload: form({ unit: t.code, visitMinutes: '45', travelMinutes: '30' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/hen-tai-nha/:code',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/hen-tai-nha/${await requestAt(f, t)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/hen-tai-nha/:code/:action',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/hen-tai-nha/${await requestAt(f, t)}/cancel`, payload: form({ reason: 'Thử quyền' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/hen-tai-nha/cua-toi',
    permission: 'signed-in',
    scope: 'signed-in',
    make: async () => ({ url: '/quan-tri/hen-tai-nha/cua-toi' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/hen-tai-nha/cua-toi/lich',
    permission: 'signed-in',
    scope: 'signed-in',
    make: async () => ({ url: '/quan-tri/hen-tai-nha/cua-toi/lich', payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/hen-tai-nha/cua-toi/:code/ket-qua',
    permission: 'signed-in',
    scope: 'signed-in',
    make: async (f, t) => ({ url: `/quan-tri/hen-tai-nha/cua-toi/${await requestAt(f, t)}/ket-qua`, payload: form({ outcome: 'done' }) }),
  },
];
