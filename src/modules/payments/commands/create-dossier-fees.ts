import { randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DossierRow } from '../../dossiers/index.ts';
import { findVersionById } from '../../procedures/index.ts';
import { accountFor, type FeeRow, feeNamesOf, insertFee, lockDossierFees } from '../queries.ts';
import { referenceFrom } from '../rules/reference.ts';

const kindOf = { phi: 'fee', le_phi: 'charge' } as const;

/** Inserts one fee with a fresh unique reference (drawn again on the rare clash). */
export async function insertWithReference(tx: Db, f: Omit<Parameters<typeof insertFee>[1], 'reference'>): Promise<{ id: number; reference: string }> {
  for (let i = 0; i < 5; i++) {
    const reference = referenceFrom(randomBytes(10));
    const id = await insertFee(tx, { ...f, reference });
    if (id !== null) return { id, reference };
  }
  throw new AppError('CONFLICT');
}

/**
 * Creates the dossier's fees and charges (lập phí, lệ phí) from its procedure version's `data.fees`, each with a unique
 * payment reference and the unit's collection account (the counter's own, else the default). Idempotent: a fee of
 * the procedure already on the dossier (same name, any status) is skipped, so running it twice creates nothing new.
 * Free items (amountVnd 0: miễn) are not charged. Returns the ids created.
 */
export async function createDossierFees(tx: Db, actor: Actor, d: DossierRow, opts: { counter?: string | null } = {}): Promise<number[]> {
  await lockDossierFees(tx, d.id);
  const version = await findVersionById(tx, d.procedure_version_id);
  const fees = version?.data.fees ?? [];
  const existing = await feeNamesOf(tx, d.id);
  const counter = opts.counter ?? null;
  const account = await accountFor(tx, d.unit_id, counter);
  const created: number[] = [];
  for (const f of fees) {
    if (f.amountVnd <= 0 || existing.has(f.name)) continue;
    const { id } = await insertWithReference(tx, {
      dossierId: d.id,
      unitId: d.unit_id,
      accountId: account?.id ?? null,
      kind: kindOf[f.kind] as FeeRow['kind'],
      name: f.name,
      amountVnd: f.amountVnd,
      counter,
      createdBy: actor.userId,
    });
    existing.add(f.name);
    created.push(id);
  }
  if (created.length > 0) {
    await recordAudit(tx, actor, { action: 'payments.fees.create', entityType: 'dossier', entityId: d.code, unitId: d.unit_id, after: { fees: created } });
  }
  return created;
}
