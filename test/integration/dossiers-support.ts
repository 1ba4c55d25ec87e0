/** Shared set-up for the dossier tests: procedures with chosen time limits, dossiers received without HTTP. */
import type { System } from '../../src/compose.ts';
import { type DossierRow, dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { createProcedure, type ProcedureSpec, publishDraft } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';

let counter = 0;

/** Publishes (from 2025-07-01) a procedure with the given time limit and cut-off; returns its code. */
export async function makeProcedure(
  sys: System,
  opts: { days?: number; hours?: number; cutoff?: string | null; documents?: string[]; name?: string; online?: 'full' | 'partial' | 'none' } = {},
): Promise<string> {
  const code = `9.${String(process.pid % 1000).padStart(3, '0')}${String(counter++).padStart(3, '0')}`;
  const spec: ProcedureSpec = {
    code,
    name: opts.name ?? `Thủ tục hồ sơ thử ${code}`,
    field: 'Hộ tịch',
    level: 'commune',
    unitTypes: ['commune'],
    agency: null,
    timeLimit: opts.hours ? { value: opts.hours, unit: 'working_hours', note: null } : { value: opts.days ?? 3, unit: 'working_days', note: null },
    cutoffHour: opts.cutoff ?? null,
    fees: [],
    documents: (opts.documents ?? ['Tờ khai', 'Giấy chứng sinh']).map((name) => ({ name, copies: 1, kind: 'original', formTemplate: null })),
    steps: [],
    legalBasis: [],
    result: null,
    onlineLevel: opts.online ?? 'full',
    sameDayEligible: false,
    unverified: [],
  };
  await inTransaction(sys.platform.db, async (tx) => {
    const draft = await createProcedure(tx, systemActor('test'), spec);
    await publishDraft(tx, systemActor('test'), { id: draft.procedure_id, code, created_at: new Date() }, '2025-07-01');
  });
  return code;
}

/** Receives a dossier at `unit` directly through the command (no HTTP), at the dossier clock's time. */
export async function receiveDirect(sys: System, unit: UnitRow, procedure: string, idNumber = '001203456789'): Promise<DossierRow> {
  return inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      unit,
      { unit: unit.code, procedure, channel: 'desk', applicant: { name: 'Nguyễn Văn Thử', idNumber, phone: '0912344567' } },
      dossierClock.now(),
      null,
    ),
  );
}
