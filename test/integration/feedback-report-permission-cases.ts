/**
 * Permission-matrix cases for the feedback report (see permissions.test.ts): `reports.read` held on the report's unit.
 * Spread into permission-cases.ts.
 */
import type { MatrixCase } from './permissions.test.ts';

const period = 'from=2026-01-01&to=2026-03-31';

export const feedbackReportMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/reports/feedback',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reports/feedback?unit=${t.code}&${period}&subtree=true` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/phan-anh',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/phan-anh?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/phan-anh.xlsx',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/phan-anh.xlsx?unit=${t.code}&${period}` }),
  },
];
