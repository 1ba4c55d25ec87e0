/**
 * Permission-matrix cases for friendly conduct (see permissions.test.ts): any signed-in official reads and signs the
 * commitment; leaders and Home Affairs (conduct.read) see who has not signed and the survey results of their units;
 * new commitment versions need conduct.manage over a whole province; surveys of a unit are run by holders of
 * surveys.manage on it. The public survey list and form are public. Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A survey of the unit open today, with one rating question. */
async function surveyAt(f: Fixtures, unitId: number): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: string }>(
    `INSERT INTO surveys (unit_id, title, opens_on, closes_on) VALUES ($1, 'Khảo sát thử quyền', current_date - 1, current_date + 30) RETURNING id`,
    [unitId],
  );
  const id = Number(r.rows[0]?.id);
  await f.sys.platform.pool.query(
    "INSERT INTO survey_questions (survey_id, position, kind, aspect, label) VALUES ($1, 1, 'rating', 'service', 'Ông/bà hài lòng không?')",
    [id],
  );
  return id;
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const S = 'surveys.manage';

export const conductMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/ca-nhan/cam-ket', permission: 'signed-in', scope: 'signed-in', make: async () => ({ url: '/ca-nhan/cam-ket' }) },
  {
    method: 'POST',
    route: '/ca-nhan/cam-ket',
    permission: 'signed-in',
    scope: 'signed-in',
    make: async (f) => {
      const v = await f.sys.platform.pool.query<{ v: number }>('SELECT max(version) AS v FROM conduct_commitment_versions WHERE effective_on <= current_date');
      return { url: '/ca-nhan/cam-ket', payload: form({ version: String(v.rows[0]?.v) }) };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/cam-ket',
    permission: 'conduct.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/cam-ket?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/cam-ket/phien-ban',
    permission: 'conduct.manage',
    scope: 'global',
    make: async () => ({ url: '/quan-tri/cam-ket/phien-ban' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/cam-ket/phien-ban',
    permission: 'conduct.manage',
    scope: 'global',
    // A date far ahead, so the versions the matrix publishes never replace the one in force for the other cases.
    make: async () => ({
      url: '/quan-tri/cam-ket/phien-ban',
      payload: form({ title: 'Bản cam kết thử quyền', effectiveOn: '2099-01-01', body: 'Nội dung cam kết thử quyền đủ dài.' }),
    }),
  },
  { method: 'GET', route: '/quan-tri/khao-sat', permission: S, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/khao-sat?unit=${t.code}` }) },
  { method: 'GET', route: '/quan-tri/khao-sat/moi', permission: S, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/khao-sat/moi?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/khao-sat',
    permission: S,
    scope: 'unit',
    make: async (_f, t) => ({
      url: '/quan-tri/khao-sat',
      payload: form({ unit: t.code, title: 'Khảo sát thử quyền', opensOn: today(), closesOn: today(), aspects: 'service' }),
    }),
  },
  {
    method: 'GET',
    route: '/quan-tri/khao-sat/:id',
    permission: S,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/khao-sat/${await surveyAt(f, t.id)}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/khao-sat/:id/phieu.pdf',
    permission: S,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/khao-sat/${await surveyAt(f, t.id)}/phieu.pdf` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/khao-sat/:id/nhap',
    permission: S,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/khao-sat/${await surveyAt(f, t.id)}/nhap` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/khao-sat/:id/nhap',
    permission: S,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/khao-sat/${await surveyAt(f, t.id)}/nhap`, payload: form({ answeredOn: today(), r_1: 'hai_long' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/khao-sat/ket-qua',
    permission: 'conduct.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/khao-sat/ket-qua?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/khao-sat/ket-qua.xlsx',
    permission: 'conduct.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/khao-sat/ket-qua.xlsx?unit=${t.code}` }),
  },
];
