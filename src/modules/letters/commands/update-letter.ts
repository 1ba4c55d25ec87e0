import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { type LetterRow, updateLetterContent } from '../queries.ts';
import type { LetterContent } from '../rules/letter.ts';
import { assertMay } from './step.ts';

/** Saves edits to a draft at the version the editor saw (a stale version or a letter no longer a draft is refused). */
export async function updateLetter(db: Db, actor: Actor, l: LetterRow, version: number, c: LetterContent): Promise<void> {
  assertMay('edit', l);
  await inTransaction(db, async (tx) => {
    if (!(await updateLetterContent(tx, l.id, version, c))) throw new AppError('LETTER_ACTION_NOT_ALLOWED');
    await recordAudit(tx, actor, { action: 'letter.edit', entityType: 'letter', entityId: l.id, unitId: l.unit_id, after: { kind: c.kind } });
  });
}
