import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { contentOfRow } from '../present.ts';
import { findDraft, insertVersion, lockProcedure, nextVersionNumber, type ProcedureRow, updateDraftContent, type VersionRow } from '../queries.ts';
import type { ProcedureContent } from '../schema.ts';

/**
 * Creates or replaces a procedure's draft. Published versions are never edited: a dossier
 * keeps the version it was received under, so a change is a new version, published later.
 */
export async function saveDraft(tx: Db, actor: Actor, procedure: ProcedureRow, content: ProcedureContent): Promise<VersionRow> {
  await lockProcedure(tx, procedure.id);
  const existing = await findDraft(tx, procedure.id);
  const draft = existing
    ? await updateDraftContent(tx, existing.id, content, actor.userId)
    : await insertVersion(tx, {
        procedureId: procedure.id,
        version: await nextVersionNumber(tx, procedure.id),
        status: 'draft',
        effectiveFrom: null,
        content,
        createdBy: actor.userId,
      });
  await recordAudit(tx, actor, {
    action: 'procedure.draft.save',
    entityType: 'procedure',
    entityId: procedure.code,
    before: existing ? { version: existing.version, ...contentOfRow(existing) } : undefined,
    after: { version: draft.version, ...content },
  });
  return draft;
}
