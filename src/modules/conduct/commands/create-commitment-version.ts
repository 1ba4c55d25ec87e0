import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertVersion } from '../queries.ts';
import type { VersionDraft } from '../rules/commitment.ts';

/**
 * Publishes a new version of the commitment text. Versions are never edited: from its effective date every official
 * must sign the new one, and the signatures of older versions stay as they were given.
 */
export async function createCommitmentVersion(db: Db, actor: Actor, draft: VersionDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    const version = await insertVersion(tx, { ...draft, userId: actor.userId });
    await recordAudit(tx, actor, {
      action: 'conduct.commitment.version.create',
      entityType: 'commitment_version',
      entityId: version,
      after: { title: draft.title, effectiveOn: draft.effectiveOn, length: [...draft.body].length },
    });
    return version;
  });
}
