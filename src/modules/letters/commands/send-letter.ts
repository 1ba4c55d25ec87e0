import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { type LetterRow, queueLetterEmail } from '../queries.ts';
import { type LetterIssuer, renderLetterPdf } from '../render.ts';
import { assertMay, step } from './step.ts';

/** The file name of a letter's PDF: "thu-12-TCM-UBND.pdf" (ASCII, safe in every mail client). */
export const pdfNameOf = (l: Pick<LetterRow, 'symbol' | 'id'>): string =>
  `thu-${(l.symbol ?? `du-thao-${l.id}`).replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')}.pdf`;

/**
 * Sends an approved letter by e-mail: the final PDF is rendered and queued in the notifications outbox as an
 * attachment, in the same transaction as the step to "sent" (the sender job delivers it). Refused before approval
 * (LETTER_NOT_APPROVED). The audit row says e-mail, never the address.
 */
export async function sendLetter(db: Db, actor: Actor, l: LetterRow, issuer: LetterIssuer, email: string, now: Date): Promise<number> {
  assertMay('send', l);
  const pdf = await renderLetterPdf(l, issuer, now);
  return inTransaction(db, async (tx) => {
    await step(tx, actor, l, 'send', 'sent', 'sent', now, { channel: 'email' }, { channel: 'email' });
    return queueLetterEmail(tx, {
      recipient: email,
      subject: `${l.title} của ${issuer.unitName}`,
      body: [
        `Kính gửi: ${l.recipient_name}`,
        '',
        `${issuer.unitName} trân trọng gửi ông/bà ${l.title.toLocaleLowerCase('vi')} số ${l.symbol} (tệp PDF đính kèm).`,
        '',
        'Trân trọng.',
      ].join('\n'),
      about: `letter:${l.id}`,
      attachmentName: pdfNameOf(l),
      attachment: pdf,
    });
  });
}
