/**
 * Permission-matrix cases for the dossier report (see permissions.test.ts): `reports.read` held on the report's unit
 * (own, or a child through a subtree grant). Spread into permission-cases.ts.
 */
import type { MatrixCase } from './permissions.test.ts';

export const dossierReportMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/reports/dossiers',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reports/dossiers?unit=${t.code}&from=2026-01-01&to=2026-03-31&subtree=true` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/ho-so',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/ho-so?unit=${t.code}&from=2026-01-01&to=2026-03-31` }),
  },
];
