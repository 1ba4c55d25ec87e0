import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type DossierRow, openPause } from '../queries.ts';
import { vietnamDay } from '../rules/pauses.ts';
import type { TransitionInput } from '../schema.ts';
import { transitionDossier } from './transition-dossier.ts';

/**
 * Requests a supplement (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), at the completeness check or during processing:
 * the clock stops from today (rules/pauses.ts) and the citizen sees what is missing on the tracking page.
 */
export async function requestSupplement(tx: Db, actor: Actor, d: DossierRow, input: TransitionInput & { missing: string }, now: Date): Promise<DossierRow> {
  const from = d.status;
  const missing = input.missing.normalize('NFC');
  const next = await transitionDossier(tx, actor, d, 'request_supplement', { ...input, publicNote: input.publicNote ?? missing }, now, {
    sets: [sql`paused_from = ${from}`],
    data: { pausedFrom: from },
  });
  await openPause(tx, { dossierId: d.id, fromStatus: from, missing, at: now, day: vietnamDay(now), by: actor.userId });
  return next;
}
