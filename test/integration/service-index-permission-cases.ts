/**
 * Permission-matrix cases for the service index and the dashboard (see permissions.test.ts): `reports.read` to read it and its
 * drill-down, `index.inputs` to enter the figures from outside the system. Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { MatrixCase } from './permissions.test.ts';

const period = 'from=2026-01-01&to=2026-03-31';

export const serviceIndexMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/reports/service-index',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reports/service-index?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/chi-so',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/chi-so?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/chi-so/ho-so',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/chi-so/ho-so?unit=${t.code}&${period}&kind=late` }),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/outreach',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reports/outreach?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/phuc-vu',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/phuc-vu?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bao-cao/phuc-vu.xlsx',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bao-cao/phuc-vu.xlsx?unit=${t.code}&${period}` }),
  },
  {
    method: 'GET',
    route: '/bang-dieu-khien',
    permission: 'reports.read',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/bang-dieu-khien?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/chi-so/nhap',
    permission: 'index.inputs',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/chi-so/nhap?unit=${t.code}&${period}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/chi-so/nhap',
    permission: 'index.inputs',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/chi-so/nhap?unit=${t.code}&${period}`, payload: form({ 'r1.2': '80' }) }),
  },
];
