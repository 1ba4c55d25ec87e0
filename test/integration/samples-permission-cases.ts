/**
 * Permission-matrix cases for sample dossiers (hồ sơ mẫu, see permissions.test.ts): a unit's samples are managed by
 * holders of `samples.manage` on that unit. The public samples page, the downloads, the blank declarations and the
 * JSON list are public. Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

/** A fresh sample at the unit (with a procedure of its own), so each request has its own. */
async function sampleAt(f: Fixtures, unitId: number): Promise<number> {
  const code = `98.${100000 + f.n()}`;
  const proc = await f.sys.platform.pool.query<{ id: number }>('INSERT INTO procedures (code) VALUES ($1) RETURNING id', [code]);
  const content = Buffer.from('%PDF-1.4\n% mẫu\n');
  const r = await f.sys.platform.pool.query<{ id: number }>(
    `INSERT INTO procedure_samples (unit_id, procedure_id, title, mime, size, sha256, content)
     VALUES ($1, $2, 'Hồ sơ mẫu thử quyền', 'application/pdf', $3, encode(sha256($4), 'hex'), $4) RETURNING id`,
    [unitId, proc.rows[0]?.id, content.length, content],
  );
  return Number(r.rows[0]?.id);
}

export const samplesMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/ho-so-mau',
    permission: 'samples.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/ho-so-mau?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/ho-so-mau',
    permission: 'samples.manage',
    scope: 'unit',
    // Not multipart: refused callers get 403 first; allowed ones see the page again with a 415.
    make: async (_f, t) => ({ url: `/quan-tri/ho-so-mau?unit=${t.code}`, payload: form({ title: 'Thử quyền' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/ho-so-mau/:id',
    permission: 'samples.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/ho-so-mau/${await sampleAt(f, t.id)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/ho-so-mau/:id',
    permission: 'samples.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/ho-so-mau/${await sampleAt(f, t.id)}`, payload: form({ title: 'Thử quyền' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/ho-so-mau/:id/xoa',
    permission: 'samples.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/ho-so-mau/${await sampleAt(f, t.id)}/xoa`, payload: form({}) }),
  },
];
