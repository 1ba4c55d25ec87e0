/**
 * Permission-matrix cases for the dialogues (see permissions.test.ts): a unit's radio dialogues and business coffee
 * meetings are managed by holders of `dialogues.manage` on that unit (or above it through a subtree grant). The public
 * list, the dialogue pages, the question form, the iCalendar feed and the JSON reads are public.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A fresh dialogue at the unit that started an hour ago and is still planned (so every action applies). */
async function dialogueAt(f: Fixtures, unitId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    `INSERT INTO dialogues (unit_id, kind, title, starts_at, ends_at, place)
     VALUES ($1, 'radio', 'Đối thoại thử quyền', now() - interval '1 hour', now() + interval '1 hour', 'Đài truyền thanh') RETURNING id`,
    [unitId],
  );
  return Number(r.rows[0]?.id);
}

async function participantOf(f: Fixtures, dialogueId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    "INSERT INTO dialogue_participants (dialogue_id, kind, name) VALUES ($1, 'official', 'Chủ tịch Thử') RETURNING id",
    [dialogueId],
  );
  return Number(r.rows[0]?.id);
}

async function questionOf(f: Fixtures, dialogueId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    "INSERT INTO dialogue_questions (dialogue_id, question, asker_name) VALUES ($1, 'Câu hỏi thử quyền về đường làng', 'Người Hỏi') RETURNING id",
    [dialogueId],
  );
  return Number(r.rows[0]?.id);
}

async function commitmentOf(f: Fixtures, dialogueId: number, unitId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    "INSERT INTO dialogue_commitments (dialogue_id, text, owner_unit_id, deadline) VALUES ($1, 'Sửa đường thử quyền', $2, current_date + 30) RETURNING id",
    [dialogueId, unitId],
  );
  return Number(r.rows[0]?.id);
}

const inAnHour = () => new Date(Date.now() + 3600_000);
const vnLocal = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);

const P = 'dialogues.manage';
export const dialoguesMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/quan-tri/doi-thoai', permission: P, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/doi-thoai?unit=${t.code}` }) },
  { method: 'GET', route: '/quan-tri/doi-thoai/moi', permission: P, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/doi-thoai/moi?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({
      url: '/quan-tri/doi-thoai',
      payload: form({
        unit: t.code,
        kind: 'radio',
        title: 'Đối thoại mới',
        startsAt: vnLocal(inAnHour()),
        endsAt: vnLocal(new Date(inAnHour().getTime() + 3600_000)),
        place: 'Đài',
      }),
    }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-thoai/cam-ket',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/doi-thoai/cam-ket?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-thoai/bao-phu',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/doi-thoai/bao-phu?unit=${t.code}&quarter=2026-Q4` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-thoai/:id',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-thoai/:id/sua',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}/sua` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}`,
      payload: form({
        kind: 'radio',
        title: 'Đối thoại sửa',
        startsAt: vnLocal(inAnHour()),
        endsAt: vnLocal(new Date(inAnHour().getTime() + 3600_000)),
        place: 'Đài',
      }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/ket-qua',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}/ket-qua`, payload: form({ action: 'hold', summary: 'Đã diễn ra' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/thanh-phan',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}/thanh-phan`,
      payload: form({ kind: 'business', name: 'Công ty Thử', taxCode: '0100109106' }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/thanh-phan/:participantId/xoa',
    permission: P,
    scope: 'unit',
    make: async (f, t) => {
      const d = await dialogueAt(f, t.id);
      return { url: `/quan-tri/doi-thoai/${d}/thanh-phan/${await participantOf(f, d)}/xoa`, payload: form({}) };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/cau-hoi/:questionId',
    permission: P,
    scope: 'unit',
    make: async (f, t) => {
      const d = await dialogueAt(f, t.id);
      const q = await questionOf(f, d);
      return { url: `/quan-tri/doi-thoai/${d}/cau-hoi/${q}`, payload: form({ action: 'answer', [`answer-${q}`]: 'Trả lời thử' }) };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/cam-ket',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/doi-thoai/${await dialogueAt(f, t.id)}/cam-ket`,
      payload: form({ text: 'Sửa đèn đường', ownerUnit: t.code, deadline: '2027-03-31' }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-thoai/:id/cam-ket/:commitmentId',
    permission: P,
    scope: 'unit',
    make: async (f, t) => {
      const d = await dialogueAt(f, t.id);
      const c = await commitmentOf(f, d, t.id);
      const k = (s: string) => `c${c}-${s}`;
      return {
        url: `/quan-tri/doi-thoai/${d}/cam-ket/${c}`,
        payload: form({ [k('text')]: 'Sửa đường', [k('ownerUnit')]: t.code, [k('deadline')]: '2027-03-31', [k('status')]: 'done', [k('outcome')]: 'Đã sửa' }),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/dialogues',
    permission: P,
    scope: 'unit',
    make: async (_f, t) => ({
      url: '/api/v1/dialogues',
      payload: {
        unit: t.code,
        kind: 'business_coffee',
        format: 'meeting',
        title: 'Cà phê doanh nhân',
        startsAt: inAnHour().toISOString(),
        endsAt: new Date(inAnHour().getTime() + 7200_000).toISOString(),
        place: 'Hội trường',
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/dialogues/:id',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/dialogues/${await dialogueAt(f, t.id)}`, payload: { place: 'Hội trường UBND' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/dialogues/:id/commitments',
    permission: P,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/api/v1/dialogues/${await dialogueAt(f, t.id)}/commitments`,
      payload: { text: 'Sửa cầu', ownerUnit: t.code, deadline: '2027-03-31' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/dialogues/:id/commitments/:commitmentId',
    permission: P,
    scope: 'unit',
    make: async (f, t) => {
      const d = await dialogueAt(f, t.id);
      return { url: `/api/v1/dialogues/${d}/commitments/${await commitmentOf(f, d, t.id)}`, payload: { status: 'done', outcome: 'Đã sửa xong' } };
    },
  },
];
