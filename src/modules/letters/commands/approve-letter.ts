import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { vnParts } from '../../../platform/documents/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { approveLetterRow, type LetterRow, nextRegisterNumber } from '../queries.ts';
import { registerNumber } from '../rules/kinds.ts';
import { assertMay } from './step.ts';

/**
 * A leader approves and signs (duyệt, ký): the letter takes the next number of its unit's register for the year
 * (Vietnam time), e.g. "12/TCM-UBND", in the same transaction. Parallel approvals queue on the counter row and never
 * share a number; an approval that loses to another approval of the same letter rolls back and gives its number back,
 * so the register has no gaps. The signer defaults to the approver (name and position from their account).
 */
export async function approveLetter(
  db: Db,
  actor: Actor,
  l: LetterRow,
  now: Date,
  signer: { name: string | null; title: string | null; issuerSymbol: string },
): Promise<string> {
  assertMay('approve', l);
  return inTransaction(db, async (tx) => {
    const year = vnParts(now).year;
    const number = await nextRegisterNumber(tx, l.unit_id, year);
    const symbol = registerNumber(number, l.kind, signer.issuerSymbol);
    const done = await approveLetterRow(tx, l.id, { userId: actor.userId, at: now, signerName: signer.name, signerTitle: signer.title, year, number, symbol });
    if (!done) throw new AppError('LETTER_ACTION_NOT_ALLOWED');
    await recordAudit(tx, actor, {
      action: 'letter.approve',
      entityType: 'letter',
      entityId: l.id,
      unitId: l.unit_id,
      before: { status: l.status },
      after: { status: 'approved', number: symbol, year },
    });
    return symbol;
  });
}
