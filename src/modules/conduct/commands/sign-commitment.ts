import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { insertSignature, listVersions } from '../queries.ts';
import { versionInForce } from '../rules/commitment.ts';

/**
 * An official signs the commitment "4 xin, 4 luôn, 5 không" online (ký cam kết): the version they read must be the one
 * in force on `today`, so nobody signs a text that changed under their eyes. Signing the same version again changes
 * nothing (`created` false); the signature keeps the moment and the address it came from.
 * @throws AppError COMMITMENT_VERSION_CHANGED when `version` is not the version in force
 */
export async function signCommitment(db: Db, actor: Actor, userId: number, version: number, today: string): Promise<{ created: boolean }> {
  return inTransaction(db, async (tx) => {
    const current = versionInForce(await listVersions(tx), today);
    if (!current || current.version !== version) {
      throw new AppError('COMMITMENT_VERSION_CHANGED', {
        detail: {
          vi: 'Bản cam kết vừa được thay bằng phiên bản mới. Hãy đọc lại nội dung rồi ký.',
          en: 'The commitment has just been replaced by a new version. Read it again, then sign.',
        },
      });
    }
    const row = await insertSignature(tx, userId, version, actor.ip);
    if (!row) return { created: false };
    await recordAudit(tx, actor, { action: 'conduct.commitment.sign', entityType: 'commitment_version', entityId: version, after: { userId } });
    return { created: true };
  });
}
