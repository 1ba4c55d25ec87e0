import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import type { LetterRow } from '../queries.ts';
import { step } from './step.ts';

/** Drops a draft or submitted letter (a proposal not worth sending); its event is never proposed again. */
export function cancelLetter(db: Db, actor: Actor, l: LetterRow, now: Date): Promise<void> {
  return inTransaction(db, (tx) => step(tx, actor, l, 'cancel', 'cancelled', 'cancelled', now));
}
