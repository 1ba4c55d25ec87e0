/**
 * Permission-matrix cases for payments (see permissions.test.ts). A dossier's fees need `payments.collect` on the
 * unit that received it; collection accounts and counter cards need `payments.manage` on the unit. A case that the
 * caller may run but whose fixture does not fit (a receipt not issued yet: 404) counts as allowed.
 * Spread into permission-cases.ts.
 */
import { addFee, saveAccount } from '../../src/modules/payments/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form } from '../helpers.ts';
import { receiveDirect } from './dossiers-support.ts';
import { makeFeeProcedure } from './payments-support.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const procedures = new WeakMap<object, Promise<string>>();
function procedureOf(f: Fixtures): Promise<string> {
  let p = procedures.get(f.sys);
  if (!p) {
    p = makeFeeProcedure(f.sys);
    procedures.set(f.sys, p);
  }
  return p;
}

async function dossierAt(f: Fixtures, t: UnitRow) {
  return receiveDirect(f.sys, t, await procedureOf(f));
}

/** A dossier at `t` with one due fee of 10,000 đ. */
async function feeAt(f: Fixtures, t: UnitRow) {
  const d = await dossierAt(f, t);
  const fee = await inTransaction(f.sys.platform.db, (tx) =>
    addFee(tx, systemActor('test'), d, { name: `Phí thử ${f.n()}`, amountVnd: 10000, kind: 'fee', counter: null }),
  );
  return { code: d.code, id: fee.id };
}

async function accountAt(f: Fixtures, t: UnitRow) {
  return inTransaction(f.sys.platform.db, (tx) =>
    saveAccount(tx, systemActor('test'), t.id, null, {
      bankBin: '970405',
      accountNo: `12345${f.n()}`,
      accountName: 'UBND THU NGHIEM',
      bankName: null,
      target: 'account',
      counter: 'Quầy số 1',
      isDefault: false,
      active: true,
    }),
  );
}

const COLLECT = 'payments.collect';
const MANAGE = 'payments.manage';
const unit = 'unit' as const;
const accountForm = form({ bank: '970436', accountNo: '0071000999', accountName: 'UBND THU NGHIEM', active: 'on' });

export const paymentsMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/api/v1/payments/dossiers/:code/fees',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/api/v1/payments/dossiers/${(await dossierAt(f, t)).code}/fees` }),
  },
  {
    method: 'POST',
    route: '/api/v1/payments/dossiers/:code/fees/from-procedure',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/api/v1/payments/dossiers/${(await dossierAt(f, t)).code}/fees/from-procedure`, payload: {} }),
  },
  {
    method: 'POST',
    route: '/api/v1/payments/dossiers/:code/fees',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/api/v1/payments/dossiers/${(await dossierAt(f, t)).code}/fees`, payload: { name: 'Phí thử', amountVnd: 1000 } }),
  },
  {
    method: 'POST',
    route: '/api/v1/payments/dossiers/:code/fees/:id/cash',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => {
      const x = await feeAt(f, t);
      return { url: `/api/v1/payments/dossiers/${x.code}/fees/${x.id}/cash`, payload: {} };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/payments/dossiers/:code/fees/:id/waive',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => {
      const x = await feeAt(f, t);
      return { url: `/api/v1/payments/dossiers/${x.code}/fees/${x.id}/waive`, payload: { reason: 'Đối tượng được miễn' } };
    },
  },
  {
    method: 'GET',
    route: '/mot-cua/ho-so/:code/thanh-toan',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}/thanh-toan` }),
  },
  {
    method: 'POST',
    route: '/mot-cua/ho-so/:code/thanh-toan/lap-phi',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}/thanh-toan/lap-phi`, payload: form({}) }),
  },
  {
    method: 'POST',
    route: '/mot-cua/ho-so/:code/thanh-toan/them',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await dossierAt(f, t)).code}/thanh-toan/them`, payload: form({ name: 'Phí thử', amountVnd: '1000' }) }),
  },
  ...(['tien-mat', 'mien', 'bien-lai'] as const).map(
    (slug): MatrixCase => ({
      method: 'POST',
      route: `/mot-cua/ho-so/:code/thanh-toan/:id/${slug}`,
      permission: COLLECT,
      scope: unit,
      make: async (f, t) => {
        const x = await feeAt(f, t);
        return { url: `/mot-cua/ho-so/${x.code}/thanh-toan/${x.id}/${slug}`, payload: form(slug === 'mien' ? { reason: 'Đối tượng được miễn' } : {}) };
      },
    }),
  ),
  {
    method: 'GET',
    route: '/mot-cua/ho-so/:code/thanh-toan/:id/bien-lai.pdf',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => {
      const x = await feeAt(f, t);
      return { url: `/mot-cua/ho-so/${x.code}/thanh-toan/${x.id}/bien-lai.pdf` };
    },
  },
  {
    method: 'GET',
    route: '/mot-cua/ho-so/:code/thanh-toan/giay-bao-phi.pdf',
    permission: COLLECT,
    scope: unit,
    make: async (f, t) => ({ url: `/mot-cua/ho-so/${(await feeAt(f, t)).code}/thanh-toan/giay-bao-phi.pdf` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/tai-khoan',
    permission: MANAGE,
    scope: unit,
    make: async (_f, t) => ({ url: `/quan-tri/thanh-toan/tai-khoan?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thanh-toan/tai-khoan',
    permission: MANAGE,
    scope: unit,
    make: async (_f, t) => ({ url: `/quan-tri/thanh-toan/tai-khoan?unit=${t.code}`, payload: accountForm }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/tai-khoan/:id',
    permission: MANAGE,
    scope: unit,
    make: async (f, t) => ({ url: `/quan-tri/thanh-toan/tai-khoan/${(await accountAt(f, t)).id}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/thanh-toan/tai-khoan/:id',
    permission: MANAGE,
    scope: unit,
    make: async (f, t) => ({ url: `/quan-tri/thanh-toan/tai-khoan/${(await accountAt(f, t)).id}`, payload: accountForm }),
  },
  {
    method: 'GET',
    route: '/quan-tri/thanh-toan/the-qr.pdf',
    permission: MANAGE,
    scope: unit,
    make: async (f, t) => {
      await accountAt(f, t);
      return { url: `/quan-tri/thanh-toan/the-qr.pdf?unit=${t.code}` };
    },
  },
];
