/**
 * Permission-matrix cases for the support teams (see permissions.test.ts): a unit's teams, members, duty roster and
 * results are kept by holders of `support-teams.manage` on that unit (leaders, one-stop clerks); help is recorded by
 * holders of `support-teams.record` there (also volunteers, for their own team). The on-duty page and JSON are public.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/**
 * A team at the unit with one member who is no one's account, and every volunteer account of the test as a member too
 * (so a volunteer records for a teammate). Returns the team and the plain member.
 */
async function teamAt(f: Fixtures, unitId: number): Promise<{ team: number; member: number }> {
  const pool = f.sys.platform.pool;
  const t = await pool.query<{ id: string }>("INSERT INTO support_teams (unit_id, name, organisation) VALUES ($1, $2, 'youth_union') RETURNING id", [
    unitId,
    `Đội thử quyền ${f.n()}`,
  ]);
  const team = Number(t.rows[0]?.id);
  const m = await pool.query<{ id: string }>(
    "INSERT INTO support_team_members (team_id, unit_id, full_name, organisation) VALUES ($1, $2, 'Thành Viên Thử', 'youth_union') RETURNING id",
    [team, unitId],
  );
  await pool.query(
    `INSERT INTO support_team_members (team_id, unit_id, full_name, organisation, user_id)
     SELECT DISTINCT $1::bigint, $2::bigint, 'Tình Nguyện Viên', 'youth_union', g.user_id FROM role_grants g WHERE g.role = 'support_volunteer'`,
    [team, unitId],
  );
  return { team, member: Number(m.rows[0]?.id) };
}

async function futureShiftAt(f: Fixtures, unitId: number): Promise<number> {
  const { member } = await teamAt(f, unitId);
  const r = await f.sys.platform.pool.query<{ id: string }>(
    "INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at) VALUES ($1, 'desk', now() + interval '2 days', now() + interval '2 days 3 hours') RETURNING id",
    [unitId],
  );
  await f.sys.platform.pool.query('INSERT INTO support_shift_members (shift_id, member_id) VALUES ($1, $2)', [r.rows[0]?.id, member]);
  return Number(r.rows[0]?.id);
}

const inTwoDays = () => new Date(Date.now() + (2 * 24 + 7) * 3600_000).toISOString().slice(0, 10);
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const M = 'support-teams.manage';
const R = 'support-teams.record';
export const supportTeamsMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/api/v1/support-teams', permission: M, scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/support-teams?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/api/v1/support-teams',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/support-teams', payload: { unit: t.code, name: `Đội mới ${f.n()}`, organisation: 'women_union' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/support-teams/:id/members',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/api/v1/support-teams/${(await teamAt(f, t.id)).team}/members`,
      payload: { fullName: 'Người Mới', organisation: 'veterans' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/support-teams/shifts',
    permission: M,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/support-teams/shifts?unit=${t.code}&from=${today()}&to=${today()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/support-teams/shifts',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({
      url: '/api/v1/support-teams/shifts',
      payload: { unit: t.code, duty: 'hotline', date: inTwoDays(), start: '07:00', end: '09:00', memberIds: [(await teamAt(f, t.id)).member] },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/support-teams/shifts/:id',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/support-teams/shifts/${await futureShiftAt(f, t.id)}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/support-teams/activity',
    permission: M,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/support-teams/activity?unit=${t.code}&from=${today()}&to=${today()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/support-teams/help',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/support-teams/help', payload: { memberId: (await teamAt(f, t.id)).member, kind: 'vneid_account' } }),
  },
  { method: 'GET', route: '/quan-tri/doi-ho-tro', permission: M, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/doi-ho-tro?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/doi-ho-tro/ca',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({
      url: '/quan-tri/doi-ho-tro/ca',
      payload: `${form({ unit: t.code, duty: 'desk', date: inTwoDays(), start: '13:30', end: '17:00' })}&memberIds=${(await teamAt(f, t.id)).member}`,
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-ho-tro/ca/:id/xoa',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/doi-ho-tro/ca/${await futureShiftAt(f, t.id)}/xoa`, payload: form({}) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-ho-tro/doi',
    permission: M,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/doi-ho-tro/doi?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-ho-tro/doi',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/doi-ho-tro/doi', payload: form({ unit: t.code, name: `Đội trang ${f.n()}`, organisation: 'farmers' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-ho-tro/doi/:id/thanh-vien',
    permission: M,
    scope: 'unit',
    make: async (f, t) => {
      const { team } = await teamAt(f, t.id);
      return { url: `/quan-tri/doi-ho-tro/doi/${team}/thanh-vien`, payload: form({ team: String(team), fullName: 'Người Mới', organisation: 'other' }) };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-ho-tro/ket-qua',
    permission: M,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/doi-ho-tro/ket-qua?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/doi-ho-tro/ghi-nhan',
    permission: R,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/doi-ho-tro/ghi-nhan?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/doi-ho-tro/ghi-nhan',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/doi-ho-tro/ghi-nhan', payload: form({ memberId: String((await teamAt(f, t.id)).member), kind: 'guidance' }) }),
  },
];
