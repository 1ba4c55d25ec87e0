/**
 * Permission-matrix cases for the QR guide sheets (see permissions.test.ts): the staff page and the whole set of a
 * unit need `guides.print` on that unit (own, or a child through a subtree grant). Spread into permission-cases.ts.
 * The public pages and each field's sheet are public.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { makeGuideProcedure } from './guides-support.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const carrying = new Set<number>();

/** Lets the target unit carry one published procedure, so an allowed request renders a real set. */
async function withProcedure(f: Fixtures, t: UnitRow): Promise<void> {
  if (carrying.has(t.id)) return;
  carrying.add(t.id);
  await makeGuideProcedure(f.sys, { name: 'Đăng ký khai sinh (ma trận quyền)', field: 'Hộ tịch', units: [t] });
}

export const guidesMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/huong-dan-qr',
    permission: 'guides.print',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/huong-dan-qr?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/huong-dan-qr/:unit/bo-phieu.pdf',
    permission: 'guides.print',
    scope: 'unit',
    make: async (f, t) => {
      await withProcedure(f, t);
      return { url: `/quan-tri/huong-dan-qr/${t.code}/bo-phieu.pdf` };
    },
  },
];
