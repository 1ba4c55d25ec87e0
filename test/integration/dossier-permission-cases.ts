/**
 * Permission-matrix cases for dossiers (see permissions.test.ts). Every dossier route is unit-scoped: the permission
 * must be held on the unit that received the dossier (or is processing it). Actions are tried on a freshly received
 * dossier: a caller allowed to act but not from that status gets 422, which the matrix counts as "allowed" (only
 * 401/403 are refusals), so each case needs one fixture only.
 * Spread into permission-cases.ts: `export const matrixCases = [..., ...dossierMatrixCases]`.
 */
import { createHash } from 'node:crypto';
import { actionRules, dossierActions } from '../../src/modules/dossiers/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import { makeProcedure, receiveDirect } from './dossiers-support.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const procedures = new WeakMap<object, Promise<string>>();
/** One published procedure per system under test. */
function procedureOf(f: Fixtures): Promise<string> {
  let p = procedures.get(f.sys);
  if (!p) {
    p = makeProcedure(f.sys, { days: 5 });
    procedures.set(f.sys, p);
  }
  return p;
}

async function dossierAt(f: Fixtures, t: UnitRow) {
  return receiveDirect(f.sys, t, await procedureOf(f));
}

const bodies: Record<string, Record<string, unknown>> = {
  refuse: { reason: 'Hồ sơ không thuộc thẩm quyền' },
  withdraw: { reason: 'Người nộp đề nghị rút hồ sơ' },
  stop: { reason: 'Dừng theo quyết định của cơ quan' },
  request_supplement: { missing: 'Bản sao giấy chứng sinh' },
  return_result: { returnChannel: 'desk' },
  extend: { newDueDate: '2099-12-31', reason: 'Cần xác minh thêm' },
};

const actionCases: MatrixCase[] = dossierActions.flatMap((action) => {
  const rule = actionRules[action];
  return [
    {
      method: 'POST',
      route: `/api/v1/dossiers/:code/actions/${rule.slug}`,
      permission: rule.permission,
      scope: 'unit' as const,
      make: async (f: Fixtures, t: UnitRow) => ({
        url: `/api/v1/dossiers/${(await dossierAt(f, t)).code}/actions/${rule.slug}`,
        payload: { version: 1, ...bodies[action] },
      }),
    },
    {
      method: 'POST',
      route: `/mot-cua/ho-so/:code/${rule.slug}`,
      permission: rule.permission,
      scope: 'unit' as const,
      make: async (f: Fixtures, t: UnitRow) => ({
        url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}/${rule.slug}`,
        payload: form({ version: '1', ...(bodies[action] as Record<string, string>) }),
      }),
    },
  ];
});

export const dossierMatrixCases: MatrixCase[] = [
  {
    method: 'POST',
    route: '/api/v1/dossiers',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({
      url: '/api/v1/dossiers',
      payload: { unit: t.code, procedure: await procedureOf(f), applicant: { name: 'Trần Thị Ma Trận', phone: '0912000111' } },
    }),
  },
  { method: 'GET', route: '/api/v1/dossiers', permission: 'dossiers.read', scope: 'unit', make: async (_f, t) => ({ url: `/api/v1/dossiers?unit=${t.code}` }) },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/dossiers/${(await dossierAt(f, t)).code}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/dossiers/:code/attachments',
    permission: 'dossiers.receive',
    scope: 'unit',
    // A JSON body: refused callers get 403 before the body is read; allowed ones get 415 (not multipart).
    make: async (f, t) => ({ url: `/api/v1/dossiers/${(await dossierAt(f, t)).code}/attachments`, payload: {} }),
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/attachments/:id',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (f, t) => {
      const d = await dossierAt(f, t);
      const content = Buffer.from('%PDF-1.4\n% ma tran quyen\n');
      const sha = createHash('sha256').update(content).digest('hex');
      const row = await f.sys.platform.pool.query<{ id: number }>(
        'INSERT INTO dossier_attachments (dossier_id, name, mime, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [d.id, 'scan.pdf', 'application/pdf', content.length, sha, content],
      );
      return { url: `/api/v1/dossiers/${d.code}/attachments/${row.rows[0]?.id}` };
    },
  },
  ...actionCases.filter((c) => c.route.startsWith('/api/')),
];

/** Cases for the desk pages. */
export const dossierPageMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/mot-cua', permission: 'dossiers.read', scope: 'unit', make: async (_f, t) => ({ url: `/mot-cua?unit=${t.code}` }) },
  { method: 'GET', route: '/mot-cua/cua-toi', permission: 'dossiers.read', scope: 'unit', make: async (_f, t) => ({ url: `/mot-cua/cua-toi?unit=${t.code}` }) },
  { method: 'GET', route: '/mot-cua/qua-han', permission: 'dossiers.read', scope: 'unit', make: async (_f, t) => ({ url: `/mot-cua/qua-han?unit=${t.code}` }) },
  {
    method: 'GET',
    route: '/mot-cua/ho-so/moi',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/ho-so/moi?unit=${t.code}&procedure=${await procedureOf(f)}` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/ho-so',
    permission: 'dossiers.receive',
    scope: 'unit',
    make: async (f, t) => ({
      url: '/mot-cua/ho-so',
      payload: form({ unit: t.code, procedure: await procedureOf(f), applicantName: 'Phạm Văn Trang', applicantPhone: '0912000222', channel: 'desk' }),
    }),
  },
  {
    method: 'GET',
    route: '/mot-cua/ho-so/:code',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/ho-so/:code/tep',
    permission: 'dossiers.receive',
    scope: 'unit',
    // Not multipart: refused callers get 403 first; allowed ones see the page again with a 415.
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}/tep`, payload: form({}) }),
  },
  ...actionCases.filter((c) => c.route.startsWith('/mot-cua/')),
];
