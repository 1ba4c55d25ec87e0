/**
 * Permission-matrix cases for the dossier slips and the register book (see permissions.test.ts): `dossiers.read` on
 * the dossier's receiving (or processing) unit, and on the unit whose register book is asked for.
 * Spread into permission-cases.ts.
 */
import { makeProcedure, receiveDirect } from './dossiers-support.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const procedures = new WeakMap<object, Promise<string>>();
function procedureOf(f: Fixtures): Promise<string> {
  let p = procedures.get(f.sys);
  if (!p) {
    p = makeProcedure(f.sys, { days: 5, name: 'Thủ tục in phiếu (ma trận quyền)' });
    procedures.set(f.sys, p);
  }
  return p;
}

const period = 'from=2026-01-01&to=2026-12-31';

export const dossierSlipMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/dossiers/:code/slips/:slip.pdf',
    permission: 'dossiers.read',
    scope: 'unit',
    // The control sheet applies in every status, so an allowed caller gets the PDF.
    make: async (f, t) => ({ url: `/api/v1/dossiers/${(await receiveDirect(f.sys, t, await procedureOf(f))).code}/slips/control-sheet.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/register.pdf',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/dossiers/register.pdf?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/dossiers/register.xlsx',
    permission: 'dossiers.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/dossiers/register.xlsx?unit=${t.code}&${period}` }),
  },
];
