/**
 * Permission-matrix cases for the letters (see permissions.test.ts): holders of `letters.write` on a unit (one-stop
 * clerks, specialists, leaders) read its register and write, submit, print and send its letters; only holders of
 * `letters.approve` (leaders) approve, return and edit templates. The public opt-out page is public.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A fresh letter at the unit in `status` (approved ones with a register number far from any real one). */
async function letterAt(f: Fixtures, unitId: number, status: 'draft' | 'submitted' | 'approved' = 'draft'): Promise<number> {
  const approved = status === 'approved';
  const r = await f.sys.platform.pool.query<{ id: string }>(
    `INSERT INTO letters (unit_id, kind, status, origin, event_kind, recipient_name, recipient_email, event_text, event_date, title, body,
                          year, number, symbol, approved_at)
     VALUES ($1, 'other', $2, 'manual', 'manual', 'Người Nhận Thử', 'nguoi.nhan@example.vn', 'thử quyền', '2026-03-01', 'Thư thăm hỏi',
             'Kính gửi: {ten}\n\nNội dung thử quyền.', $3::int, $4::int, $5::text, $6::timestamptz) RETURNING id`,
    [unitId, status, approved ? 2026 : null, approved ? 100000 + f.n() : null, approved ? 'x/TTH-UBND' : null, approved ? new Date() : null],
  );
  return Number(r.rows[0]?.id);
}

const W = 'letters.write';
const A = 'letters.approve';
const content = {
  kind: 'other',
  recipientName: 'Người Nhận Thử',
  eventText: 'thử quyền',
  eventDate: '2026-03-01',
  title: 'Thư thăm hỏi',
  body: 'Kính gửi: {ten}\n\nNội dung thử.',
};

export const lettersMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/api/v1/letters', permission: W, scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/letters?unit=${t.code}` }) },
  { method: 'GET', route: '/api/v1/letters/:id', permission: W, scope: 'unit', make: async (f, t) => ({ url: `/api/v1/letters/${await letterAt(f, t.id)}` }) },
  {
    method: 'POST',
    route: '/api/v1/letters',
    permission: W,
    scope: 'unit',
    make: async (_f, t) => ({ url: '/api/v1/letters', payload: { unit: t.code, ...content } }),
  },
  {
    method: 'POST',
    route: '/api/v1/letters/:id/submit',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/letters/${await letterAt(f, t.id)}/submit` }),
  },
  {
    method: 'POST',
    route: '/api/v1/letters/:id/approve',
    permission: A,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/letters/${await letterAt(f, t.id, 'submitted')}/approve`, payload: {} }),
  },
  {
    method: 'POST',
    route: '/api/v1/letters/:id/send',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/letters/${await letterAt(f, t.id, 'approved')}/send`, payload: {} }),
  },
  { method: 'GET', route: '/quan-tri/thu', permission: W, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/thu?unit=${t.code}` }) },
  { method: 'GET', route: '/quan-tri/thu/so.xlsx', permission: W, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/thu/so.xlsx?unit=${t.code}` }) },
  { method: 'GET', route: '/quan-tri/thu/moi', permission: W, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/thu/moi?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/thu',
    permission: W,
    scope: 'unit',
    make: async (_f, t) => ({ url: '/quan-tri/thu', payload: form({ unit: t.code, ...content }) }),
  },
  { method: 'GET', route: '/quan-tri/thu/mau', permission: A, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/thu/mau?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/thu/mau',
    permission: A,
    scope: 'unit',
    make: async (_f, t) => ({
      url: '/quan-tri/thu/mau',
      payload: form({ unit: t.code, kind: 'other', title: 'Thư thăm hỏi', body: 'Kính gửi: {ten}\n\nThăm hỏi.' }),
    }),
  },
  { method: 'GET', route: '/quan-tri/thu/tu-choi', permission: W, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/thu/tu-choi?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/thu/tu-choi',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/thu/tu-choi', payload: form({ unit: t.code, kind: 'phone', value: `09${String(10000000 + f.n()).slice(-8)}` }) }),
  },
  { method: 'GET', route: '/quan-tri/thu/:id', permission: W, scope: 'unit', make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id)}` }) },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id)}`, payload: form({ version: '1', ...content }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/trinh',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id)}/trinh`, payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/duyet',
    permission: A,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id, 'submitted')}/duyet`, payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/tra-lai',
    permission: A,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id, 'submitted')}/tra-lai`, payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/huy',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id)}/huy`, payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/gui',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id, 'approved')}/gui`, payload: form({ email: 'nguoi.nhan@example.vn' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thu/:id/du-thao.pdf',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id)}/du-thao.pdf` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu/:id/in',
    permission: W,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/thu/${await letterAt(f, t.id, 'approved')}/in`, payload: form({}) }),
  },
];
