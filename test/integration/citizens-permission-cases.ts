/**
 * Permission-matrix cases for the citizens module (see permissions.test.ts). Its non-public routes are the list of
 * the signed-in citizen's own dossiers and their own declaration forms (list, pre-filled form, printed PDF): scope
 * 'citizen', which every staff role and API key is refused, and which a citizen session (citizens-support.ts) reaches.
 * The matrix also signs a citizen in through the local VNeID stand-in and checks that every other non-public route
 * refuses them.
 * Spread into permission-cases.ts.
 */
import { form } from '../helpers.ts';
import type { MatrixCase } from './permissions.test.ts';

export const citizenMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/cong-dan/ho-so', permission: 'citizen', scope: 'citizen', make: async () => ({ url: '/cong-dan/ho-so' }) },
  { method: 'GET', route: '/cong-dan/to-khai', permission: 'citizen', scope: 'citizen', make: async () => ({ url: '/cong-dan/to-khai' }) },
  {
    method: 'GET',
    route: '/cong-dan/to-khai/:template',
    permission: 'citizen',
    scope: 'citizen',
    make: async () => ({ url: '/cong-dan/to-khai/birth-registration' }),
  },
  {
    method: 'POST',
    route: '/cong-dan/to-khai/:template',
    permission: 'citizen',
    scope: 'citizen',
    make: async () => ({ url: '/cong-dan/to-khai/marital-status', payload: form({ 'subject.purpose': 'Đăng ký kết hôn' }) }),
  },
];

export { citizenSession, startVneidStandIn } from './citizens-support.ts';
