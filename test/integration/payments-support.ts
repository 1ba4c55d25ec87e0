/** Shared set-up for the payments tests: a published procedure with fees, a unit's collection account. */
import type { System } from '../../src/compose.ts';
import { type AccountRow, saveAccount } from '../../src/modules/payments/index.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';

let counter = 0;

/** Publishes (from 2025-07-01) a procedure whose fees are a copy fee of 15,000 đ, a charge of 8,000 đ and a free item. */
export async function makeFeeProcedure(sys: System): Promise<string> {
  const code = `77.${String(process.pid % 1000).padStart(3, '0')}${String(counter++).padStart(3, '0')}`;
  const spec: ProcedureSpec = {
    code,
    name: `Chứng thực bản sao (thử ${code})`,
    field: 'Chứng thực',
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: { value: 2, unit: 'working_days', note: null },
    cutoffHour: null,
    fees: [
      { kind: 'phi', name: 'Phí chứng thực bản sao', amountVnd: 15000, note: null, exemptions: [] },
      { kind: 'le_phi', name: 'Lệ phí cấp bản sao', amountVnd: 8000, note: null, exemptions: [] },
      { kind: 'le_phi', name: 'Lệ phí đăng ký (miễn)', amountVnd: 0, note: null, exemptions: ['Mọi trường hợp'] },
    ],
    documents: [{ name: 'Tờ khai', copies: 1, kind: 'original', formTemplate: null }],
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: 'full',
    sameDayEligible: false,
    unverified: [],
  };
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec);
    await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, '2025-07-01');
  });
  return code;
}

/** Gives `unit` a default collection account (Vietcombank), or a counter's own one. */
export function makeAccount(sys: System, unit: UnitRow, opts: { counter?: string; bankBin?: string; accountNo?: string } = {}): Promise<AccountRow> {
  return inTransaction(sys.platform.db, (tx) =>
    saveAccount(tx, systemActor('test'), unit.id, null, {
      bankBin: opts.bankBin ?? '970436',
      accountNo: opts.accountNo ?? '0071000123456',
      accountName: 'UBND XA THU NGHIEM',
      bankName: null,
      target: 'account',
      counter: opts.counter ?? null,
      isDefault: !opts.counter,
      active: true,
    }),
  );
}
