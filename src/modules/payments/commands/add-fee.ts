import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { DossierRow } from '../../dossiers/index.ts';
import { accountFor, type FeeRow, lockDossierFees } from '../queries.ts';
import { insertWithReference } from './create-dossier-fees.ts';

/** Adds a charge by hand to a dossier (e.g. a copy fee counted at the desk, a postal leg), with its own reference. */
export async function addFee(
  tx: Db,
  actor: Actor,
  d: DossierRow,
  input: { name: string; amountVnd: number; kind: FeeRow['kind']; counter: string | null },
): Promise<{ id: number; reference: string }> {
  await lockDossierFees(tx, d.id);
  const account = await accountFor(tx, d.unit_id, input.counter);
  const fee = await insertWithReference(tx, {
    dossierId: d.id,
    unitId: d.unit_id,
    accountId: account?.id ?? null,
    kind: input.kind,
    name: input.name,
    amountVnd: input.amountVnd,
    counter: input.counter,
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: 'payments.fee.add',
    entityType: 'dossier_fee',
    entityId: fee.id,
    unitId: d.unit_id,
    after: { dossier: d.code, name: input.name, amountVnd: input.amountVnd, kind: input.kind, reference: fee.reference },
  });
  return fee;
}
