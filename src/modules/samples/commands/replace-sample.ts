import { createHash } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type SampleRow, updateSample } from '../queries.ts';
import type { SampleMime } from '../rules/sample-file.ts';

/**
 * Changes a sample's title and note and, when a file is given, replaces its file. The id stays, so the public link
 * and any printed QR code keep working; the ETag changes with the content. Audited with before and after.
 */
export async function replaceSample(
  tx: Db,
  actor: Actor,
  sample: SampleRow,
  input: { title: string; note: string | null; file: { mime: SampleMime; content: Buffer } | null },
): Promise<void> {
  const file = input.file ? { ...input.file, sha256: createHash('sha256').update(input.file.content).digest('hex') } : null;
  await updateSample(tx, sample.id, { title: input.title, note: input.note, file, by: actor.userId });
  await recordAudit(tx, actor, {
    action: 'sample.replace',
    entityType: 'procedure_sample',
    entityId: sample.id,
    unitId: sample.unit_id,
    before: { title: sample.title, note: sample.note, mime: sample.mime, size: sample.size, sha256: sample.sha256 },
    after: {
      title: input.title,
      note: input.note,
      mime: file?.mime ?? sample.mime,
      size: file?.content.length ?? sample.size,
      sha256: file?.sha256 ?? sample.sha256,
    },
  });
}
