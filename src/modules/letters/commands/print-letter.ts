import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type LetterRow, markPrinted } from '../queries.ts';
import { type LetterIssuer, renderLetterPdf } from '../render.ts';
import { assertMay, step } from './step.ts';

/**
 * The final PDF of an approved letter, for printing (in để trao tận tay): recorded (printed_at, by, audit row), and an
 * approved letter counts as sent by hand from its first print. Refused before approval (LETTER_NOT_APPROVED).
 */
export async function printLetter(db: Db, actor: Actor, l: LetterRow, issuer: LetterIssuer, now: Date): Promise<Buffer> {
  assertMay('print', l);
  const pdf = await renderLetterPdf(l, issuer, now);
  await inTransaction(db, async (tx) => {
    if (l.status === 'approved') await step(tx, actor, l, 'print', 'sent', 'sent', now, { channel: 'print' }, { channel: 'print' });
    else await recordAudit(tx, actor, { action: 'letter.print', entityType: 'letter', entityId: l.id, unitId: l.unit_id, after: { status: l.status } });
    await markPrinted(tx, l.id, actor.userId, now);
  });
  return pdf;
}
