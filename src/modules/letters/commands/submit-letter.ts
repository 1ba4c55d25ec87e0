import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import type { LetterRow } from '../queries.ts';
import { step } from './step.ts';

/** Sends a draft to the leader for approval (trình duyệt). */
export function submitLetter(db: Db, actor: Actor, l: LetterRow, now: Date): Promise<void> {
  return inTransaction(db, (tx) => step(tx, actor, l, 'submit', 'submitted', 'submitted', now));
}
