/**
 * Permission-matrix cases for the procedure catalogue (see permissions.test.ts). Catalogue
 * changes are 'global': only a holder of procedures.manage over a whole province (or a system
 * administrator) may make them; reading needs procedures.read anywhere.
 * Spread into permission-cases.ts: `export const matrixCases = [...procedureMatrixCases, …]`.
 */
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const spec = (code: string): ProcedureSpec => ({
  code,
  name: `Thủ tục ma trận quyền ${code}`,
  field: 'Thử nghiệm',
  level: 'commune',
  unitTypes: ['commune'],
  agency: null,
  timeLimit: { value: 3, unit: 'working_days', note: null },
  cutoffHour: null,
  fees: [],
  documents: [],
  steps: [],
  legalBasis: [],
  result: null,
  onlineLevel: 'none',
  sameDayEligible: false,
  unverified: [],
});
const newCode = (f: Fixtures) => `8.${String(f.n()).padStart(6, '0')}`;
const content = (code: string) => {
  const { code: _c, ...rest } = spec(code);
  return rest;
};

/** A procedure with a draft (version 1); published from 2025-07-01 too when asked (then no draft). */
async function makeProcedure(f: Fixtures, published = false): Promise<string> {
  const code = newCode(f);
  await inTransaction(f.sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec(code));
    if (published) await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, '2025-07-01');
  });
  return code;
}

export const procedureMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/procedures/export.json',
    permission: 'procedures.read',
    scope: 'anywhere',
    make: async () => ({ url: '/api/v1/procedures/export.json' }),
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/export.xlsx',
    permission: 'procedures.read',
    scope: 'anywhere',
    make: async () => ({ url: '/api/v1/procedures/export.xlsx' }),
  },
  {
    method: 'GET',
    route: '/api/v1/procedures/:code/versions',
    permission: 'procedures.read',
    scope: 'anywhere',
    make: async (f) => ({ url: `/api/v1/procedures/${await makeProcedure(f)}/versions` }),
  },
  {
    method: 'POST',
    route: '/api/v1/procedures',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: '/api/v1/procedures', payload: spec(newCode(f)) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/procedures/:code/draft',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => {
      const code = await makeProcedure(f, true);
      return { url: `/api/v1/procedures/${code}/draft`, payload: content(code) };
    },
  },
  {
    method: 'PUT',
    route: '/api/v1/procedures/:code/versions/:version',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => {
      const code = await makeProcedure(f);
      return { url: `/api/v1/procedures/${code}/versions/1`, payload: content(code) };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/:code/publish',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: `/api/v1/procedures/${await makeProcedure(f)}/publish`, payload: { effectiveFrom: '2025-07-01' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/:code/withdraw',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: `/api/v1/procedures/${await makeProcedure(f, true)}/withdraw`, payload: { effectiveTo: '2026-01-01' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/procedures/import',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: '/api/v1/procedures/import?dryRun=true', payload: { procedures: [spec(newCode(f))] } }),
  },
  // Staff pages
  { method: 'GET', route: '/quan-tri/thu-tuc', permission: 'procedures.read', scope: 'anywhere', make: async () => ({ url: '/quan-tri/thu-tuc?q=dang+ky' }) },
  { method: 'GET', route: '/quan-tri/thu-tuc/moi', permission: 'procedures.manage', scope: 'global', make: async () => ({ url: '/quan-tri/thu-tuc/moi' }) },
  {
    method: 'POST',
    route: '/quan-tri/thu-tuc',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({
      url: '/quan-tri/thu-tuc',
      payload: form({
        code: newCode(f),
        name: 'Thủ tục mới',
        field: 'Thử',
        level: 'commune',
        unitTypes: 'commune',
        timeLimitValue: '3',
        timeLimitUnit: 'working_days',
        onlineLevel: 'none',
      }),
    }),
  },
  { method: 'GET', route: '/quan-tri/thu-tuc/nhap', permission: 'procedures.manage', scope: 'global', make: async () => ({ url: '/quan-tri/thu-tuc/nhap' }) },
  // A form body is not an upload: an allowed caller gets the form back with 415, others 403.
  {
    method: 'POST',
    route: '/quan-tri/thu-tuc/nhap',
    permission: 'procedures.manage',
    scope: 'global',
    make: async () => ({ url: '/quan-tri/thu-tuc/nhap', payload: form({ dryRun: 'true' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thu-tuc/:code',
    permission: 'procedures.read',
    scope: 'anywhere',
    make: async (f) => ({ url: `/quan-tri/thu-tuc/${await makeProcedure(f)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu-tuc/:code/ban-nhap',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({
      url: `/quan-tri/thu-tuc/${await makeProcedure(f)}/ban-nhap`,
      payload: form({
        name: 'Tên sửa',
        field: 'Thử',
        level: 'commune',
        unitTypes: 'commune',
        timeLimitValue: '2',
        timeLimitUnit: 'working_days',
        onlineLevel: 'none',
      }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu-tuc/:code/cong-bo',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: `/quan-tri/thu-tuc/${await makeProcedure(f)}/cong-bo`, payload: form({ effectiveFrom: '2025-07-01' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thu-tuc/:code/bai-bo',
    permission: 'procedures.manage',
    scope: 'global',
    make: async (f) => ({ url: `/quan-tri/thu-tuc/${await makeProcedure(f, true)}/bai-bo`, payload: form({ effectiveTo: '2026-01-01' }) }),
  },
];
