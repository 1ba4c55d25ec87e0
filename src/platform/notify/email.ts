import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

/** A file sent with an e-mail (a letter's PDF). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** Sends one e-mail. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string; id: string; attachments?: MailAttachment[] }): Promise<void>;
  close(): void;
}

/**
 * E-mail through the SMTP server of SMTP_URL (nodemailer). Subjects and bodies are NFC Vietnamese in UTF-8: nodemailer
 * writes the subject as RFC 2047 encoded words and the body as quoted-printable or base64, so every mail client shows
 * the diacritics. `Auto-Submitted: auto-generated` (RFC 3834) tells the recipient's server not to answer with an
 * out-of-office reply, which our inbound e-mail channel would otherwise take for new feedback.
 */
export function smtpMailer(config: SmtpConfig): Mailer {
  const u = new URL(config.url);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport(
    {
      host: u.hostname,
      port: Number(u.port) || (secure ? 465 : 587),
      secure,
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: config.from },
  );
  return {
    async send(m) {
      await transport.sendMail({
        to: m.to,
        subject: m.subject.normalize('NFC'),
        text: m.text.normalize('NFC'),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Gd-Notification': m.id },
        attachments: m.attachments?.map((f) => ({ filename: f.filename.normalize('NFC'), content: f.content, contentType: f.contentType })),
      });
    },
    close: () => transport.close(),
  };
}
