import PostalMime, { type Mailbox } from 'postal-mime';
import type { Db } from '../../../platform/db/pool.ts';
import { sniffScanMime } from '../../../platform/documents/file-type.ts';
import { checkContact } from '../../../platform/text/index.ts';
import { findUnitByCode } from '../../units/index.ts';
import {
  attachmentName,
  isAutomatic,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  messageIdOf,
  textFromHtml,
  titleFromSubject,
  unitCodeFromAddress,
} from '../rules/email.ts';
import { fitDescription } from '../rules/messages.ts';
import { WebhookRejection } from '../rules/rejection.ts';
import { payloadHash } from '../rules/signatures.ts';
import type { IncomingMessage } from './receive-channel-messages.ts';

const firstMailbox = (list: readonly ({ address?: string; group?: Mailbox[] } & { name: string })[] | undefined): Mailbox | null => {
  for (const a of list ?? []) {
    if (a.address) return { name: a.name, address: a.address };
    if (a.group?.[0]) return a.group[0];
  }
  return null;
};

/**
 * Reads a raw RFC 5322 message posted by the mail relay into feedback: From → the sender's e-mail (and name), Subject →
 * title, the text part (or the HTML part as text) → description, the addressed unit from the recipient, Message-ID →
 * external_ref and replay key, up to 3 attachments that are really PDF, JPEG or PNG (checked by content) of at most
 * 5 MB each. Mail sent by machines (auto-replies, bounces, lists) is not feedback: null.
 *
 * @throws WebhookRejection malformed (not a message)
 */
export async function readEmail(db: Db, raw: Buffer, envelopeRecipient: string | null): Promise<IncomingMessage | null> {
  let mail: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    mail = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 20 });
  } catch {
    throw new WebhookRejection('malformed');
  }
  if (!mail.headers.some((h) => h.key === 'from' || h.key === 'subject' || h.key === 'message-id')) throw new WebhookRejection('malformed');
  if (isAutomatic(mail.headers)) return null;

  const from = firstMailbox(mail.from ? [mail.from] : []);
  const fromCheck = from ? checkContact(from.address) : null;
  const email = fromCheck?.ok && fromCheck.kind === 'email' ? fromCheck.value : null;
  const name = email ? (from?.name ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) : '';

  const recipient = envelopeRecipient ?? mail.deliveredTo ?? firstMailbox(mail.to)?.address ?? null;
  const candidate = recipient ? unitCodeFromAddress(recipient) : null;
  const unitCode = candidate && (await findUnitByCode(db, candidate)) ? candidate : null;

  const body = (mail.text ?? '').trim() || textFromHtml(mail.html ?? '');
  const title = titleFromSubject(mail.subject);
  const description = fitDescription(body || title || '(Thư không có nội dung)');

  const attachments: NonNullable<IncomingMessage['attachments']> = [];
  let skipped = 0;
  for (const a of mail.attachments) {
    const content = Buffer.from(
      typeof a.content === 'string' ? Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8') : new Uint8Array(a.content as ArrayBuffer),
    );
    const mime = sniffScanMime(content);
    if (!mime || content.length === 0 || content.length > MAX_ATTACHMENT_BYTES || attachments.length >= MAX_ATTACHMENTS) {
      skipped++;
      continue;
    }
    attachments.push({ name: attachmentName(a.filename, attachments.length, mime), mime, content });
  }

  const messageId = messageIdOf(mail.messageId);
  const ref = messageId ?? `sha256:${payloadHash(raw)}`;
  return {
    eventId: ref,
    unitCode,
    senderRef: email,
    externalRef: ref,
    input: { title: title ?? undefined, description: description.text, email: email ?? undefined, name: name || undefined },
    extra: {
      ...(description.truncated ? { truncated: true } : {}),
      ...(skipped ? { attachmentsSkipped: skipped } : {}),
      ...(mail.inReplyTo ? { inReplyTo: messageIdOf(mail.inReplyTo) } : {}),
    },
    attachments,
  };
}
