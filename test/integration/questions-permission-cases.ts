/**
 * Permission-matrix cases for "Touch to know" (see permissions.test.ts): a unit's questions are answered by holders
 * of `questions.answer` on that unit. Asking, the public list, the look-up by code and the JSON routes are public.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A fresh question at the unit, so each request has its own. */
async function questionAt(f: Fixtures, unitId: number): Promise<string> {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const n = f.n();
  let code = '';
  for (let i = 0, x = n * 7919 + Date.now(); i < 8; i++, x = Math.floor(x / 31)) code += alphabet[x % 31];
  await f.sys.platform.pool.query(
    "INSERT INTO questions (code, unit_id, question, asker_name) VALUES ($1, $2, 'Câu hỏi thử quyền về khai sinh', 'Người Hỏi Thử')",
    [code, unitId],
  );
  return code;
}

export const questionMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/hoi-dap',
    permission: 'questions.answer',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/hoi-dap?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/hoi-dap/:code',
    permission: 'questions.answer',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/hoi-dap/${await questionAt(f, t.id)}?lien-he=1` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/hoi-dap/:code',
    permission: 'questions.answer',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/hoi-dap/${await questionAt(f, t.id)}`, payload: form({ action: 'publish', answer: 'Trả lời thử quyền' }) }),
  },
];
