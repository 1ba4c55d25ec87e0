import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { renderSlip } from '../../slips/index.ts';
import type { DossierRow } from '../queries.ts';
import { buildDossierSlip, type DossierSlipCode } from '../slips.ts';

/**
 * Prints one official slip of a dossier as PDF (the template version in force on the day it was issued) and records
 * the read of the applicant's personal data it carries (STANDARDS §7), naming the slip, never the data.
 * Returns null when that slip does not apply to the dossier now.
 */
export async function printDossierSlip(
  db: Db,
  actor: Actor,
  d: DossierRow,
  slug: string,
  opts: { publicUrl: string; now: Date },
): Promise<{ code: DossierSlipCode; pdf: Buffer } | null> {
  const built = await buildDossierSlip(db, d, slug, opts);
  if (!built) return null;
  const pdf = await renderSlip(db, built.code, built.data, { on: built.on });
  await recordAudit(db, actor, { action: 'dossier.read', entityType: 'dossier', entityId: d.code, unitId: d.unit_id, after: { via: 'slip', slip: slug } });
  return { code: built.code, pdf };
}
