import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import type { LetterRow } from '../queries.ts';
import { step } from './step.ts';

/** The leader sends a submitted letter back to draft for changes (trả lại để sửa). */
export function returnLetter(db: Db, actor: Actor, l: LetterRow, now: Date): Promise<void> {
  return inTransaction(db, (tx) => step(tx, actor, l, 'return', 'draft', 'returned', now));
}
