import { recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { deleteExpiredSets } from '../queries.ts';

/** Sets deleted per statement; a sweep runs statements until none is left or `maxBatches` ran. */
const BATCH = 500;

/**
 * Deletes the declaration sets never attached to a dossier once their 24 hours are over (purpose-bound personal
 * data: the card and the typed boxes served that visit only). Bounded batches, safe to repeat or overlap
 * (SKIP LOCKED); one audit row with the count, no data. Returns how many sets were deleted.
 */
export async function purgeUnattachedSets(db: Db, now: Date, maxBatches = 20): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await deleteExpiredSets(db, now, BATCH);
    total += n;
    if (n < BATCH) break;
  }
  if (total > 0) {
    await recordAudit(db, systemActor('forms.purge-unattached'), {
      action: 'declaration_set.purge',
      entityType: 'declaration_set',
      entityId: null,
      after: { deleted: total },
    });
  }
  return total;
}
