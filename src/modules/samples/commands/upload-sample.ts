import { createHash } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { insertSample } from '../queries.ts';
import type { SampleMime } from '../rules/sample-file.ts';

/**
 * Stores a sample filled dossier (hồ sơ mẫu) of a procedure the unit carries out, with its SHA-256, and audits it
 * in the same transaction. The caller has checked the input (rules/check-sample.ts) and the unit's permission.
 */
export async function uploadSample(
  tx: Db,
  actor: Actor,
  target: { unitId: number; procedureId: number; procedureCode: string },
  input: { title: string; note: string | null; mime: SampleMime; content: Buffer },
): Promise<number> {
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const id = await insertSample(tx, { ...target, ...input, sha256, by: actor.userId });
  await recordAudit(tx, actor, {
    action: 'sample.upload',
    entityType: 'procedure_sample',
    entityId: id,
    unitId: target.unitId,
    after: { procedure: target.procedureCode, title: input.title, mime: input.mime, size: input.content.length, sha256 },
  });
  return id;
}
