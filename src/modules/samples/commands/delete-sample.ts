import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { deleteSample as deleteRow, type SampleRow } from '../queries.ts';

/** Deletes a sample and its file; the audit row keeps what it was (title, type, size, SHA-256), not the bytes. */
export async function deleteSample(tx: Db, actor: Actor, sample: SampleRow): Promise<void> {
  await deleteRow(tx, sample.id);
  await recordAudit(tx, actor, {
    action: 'sample.delete',
    entityType: 'procedure_sample',
    entityId: sample.id,
    unitId: sample.unit_id,
    before: { procedure: sample.procedure_code, title: sample.title, mime: sample.mime, size: sample.size, sha256: sample.sha256 },
  });
}
