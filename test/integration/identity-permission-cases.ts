/** Permission-matrix cases of the identity module: the desk's card-check page (the JSON parser is public). */
import { CARDS, sample } from '../../src/modules/identity/rules/samples.ts';
import { form } from '../helpers.ts';
import type { MatrixCase } from './permissions.test.ts';

export const identityMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/mot-cua/quet-cccd', permission: 'dossiers.receive', scope: 'anywhere', make: async () => ({ url: '/mot-cua/quet-cccd' }) },
  {
    method: 'POST',
    route: '/mot-cua/quet-cccd',
    permission: 'dossiers.receive',
    scope: 'anywhere',
    make: async () => ({ url: '/mot-cua/quet-cccd', payload: form({ qr: sample(CARDS.tuyet) }) }),
  },
];
