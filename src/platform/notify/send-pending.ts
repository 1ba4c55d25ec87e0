import { sql } from 'drizzle-orm';
import { recordAudit, systemActor } from '../audit/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { inTransaction, rows } from '../db/query.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { type Mailer, smtpMailer } from './email.ts';
import { esmsSender, SmsError, type SmsSender } from './sms.ts';

/** A message is tried this many times, then marked failed. */
export const MAX_ATTEMPTS = 5;
/** Wait before the 2nd, 3rd, 4th and 5th attempt, in minutes. */
export const BACKOFF_MINUTES = [1, 5, 30, 120] as const;
/** A claimed row is not offered to another sender for this long (longer than a batch can take to send). */
export const CLAIM_LEASE_MINUTES = 15;
/** Recipients of failed messages are masked this long after they were written (personal data, migration 0016). */
export const FAILED_RECIPIENT_DAYS = 30;
export const SEND_JOB = 'notify.send-pending';

export type NotifyChannel = 'email' | 'sms';

/** What the sender needs: the database and the transports' settings. */
export interface NotifyDeps {
  db: Db;
  config: Pick<Config, 'smtp' | 'sms'>;
}

export interface SendOptions {
  batchSize?: number;
  /** Transports to use instead of those built from the configuration (tests, another gateway). */
  mailer?: Mailer | null;
  sms?: SmsSender | null;
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
  /** Channels left pending because no transport is configured for them. */
  notConfigured: NotifyChannel[];
}

interface Claimed {
  id: number;
  channel: NotifyChannel;
  recipient: string;
  subject: string | null;
  body: string;
  about: string;
  attempts: number;
  /** A file to attach (migration 0022: a letter's PDF); dropped once the message is sent. */
  attachment_name: string | null;
  attachment: Buffer | null;
}

/** Each channel's state for an operations view: "configured" or "not configured" (its messages wait, pending). */
export function notificationChannelStatus(config: Pick<Config, 'smtp' | 'sms'>): Record<NotifyChannel, 'configured' | 'not_configured'> {
  return { email: config.smtp ? 'configured' : 'not_configured', sms: config.sms ? 'configured' : 'not_configured' };
}

/** An address or number made unusable but recognisable to whoever wrote it: t***@example.vn, 091****678. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
  if (recipient.length >= 7) return `${recipient.slice(0, 3)}****${recipient.slice(-3)}`;
  return '***';
}

/** The failure as kept in last_error: codes only, since a server's message may quote the recipient. */
function describeFailure(err: unknown): { text: string; permanent: boolean } {
  if (err instanceof SmsError) return { text: `sms ${err.code}`.slice(0, 200), permanent: false };
  const e = err as { code?: unknown; responseCode?: unknown; command?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command.replace(/[^A-Z ]/g, '').slice(0, 20) : '';
  // A 5xx answer to RCPT TO is the mailbox refusing for good (no such user); anything else may pass later.
  const permanent = status !== null && status >= 500 && /RCPT/.test(command);
  return { text: [code, status, command].filter(Boolean).join(' ').slice(0, 200), permanent };
}

/** The MIME type of an attachment by its file name (the outbox holds PDFs; anything else goes as bytes). */
const contentTypeOf = (name: string): string => (/\.pdf$/i.test(name) ? 'application/pdf' : 'application/octet-stream');

async function claim(db: Db, channels: NotifyChannel[], now: Date, batch: number): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MINUTES * 60_000);
  // SKIP LOCKED: two senders never pick one row; moving send_after ahead keeps it away from the other sender after
  // this statement commits, while it is being sent. attempts counts tries even if this process dies mid-send.
  return rows<Claimed>(
    db,
    sql`
      WITH picked AS (
        SELECT id FROM notifications
        WHERE status = 'pending' AND send_after <= ${now} AND channel = ANY(${`{${channels.join(',')}}`}::text[])
        ORDER BY send_after, id
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE notifications n SET attempts = n.attempts + 1, send_after = ${lease}
      FROM picked WHERE n.id = picked.id
      RETURNING n.id, n.channel, n.recipient, n.subject, n.body, n.about, n.attempts, n.attachment_name, n.attachment`,
  );
}

async function markSent(db: Db, n: Claimed, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.execute(
      sql`UPDATE notifications SET status = 'sent', sent_at = ${now}, last_error = NULL, recipient = ${maskRecipient(n.recipient)}, attachment = NULL WHERE id = ${n.id}`,
    );
    await recordAudit(tx, systemActor('notify'), {
      action: 'notification.sent',
      entityType: 'notification',
      entityId: n.id,
      after: { channel: n.channel, about: n.about, attempts: n.attempts },
    });
  });
}

async function markFailure(db: Db, n: Claimed, now: Date, err: unknown): Promise<'retried' | 'failed'> {
  const failure = describeFailure(err);
  const giveUp = failure.permanent || n.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_MINUTES[Math.min(n.attempts, BACKOFF_MINUTES.length) - 1] ?? BACKOFF_MINUTES[BACKOFF_MINUTES.length - 1];
  const next = new Date(now.getTime() + wait * 60_000);
  await inTransaction(db, async (tx) => {
    await tx.execute(
      sql`UPDATE notifications SET status = ${giveUp ? 'failed' : 'pending'}, send_after = ${next}, last_error = ${failure.text} WHERE id = ${n.id}`,
    );
    if (giveUp) {
      await recordAudit(tx, systemActor('notify'), {
        action: 'notification.failed',
        entityType: 'notification',
        entityId: n.id,
        after: { channel: n.channel, about: n.about, attempts: n.attempts, error: failure.text },
      });
    }
  });
  return giveUp ? 'failed' : 'retried';
}

/**
 * Sends one bounded batch of the notifications outbox (e-mail through SMTP, SMS through the gateway): rows written in
 * the same transaction as the change that caused them. Safe with several app processes at once (rows are claimed with
 * FOR UPDATE SKIP LOCKED and leased); a failure is retried after 1, 5, 30 and 120 minutes and the row is marked failed
 * after 5 attempts (at once when the mailbox refuses for good). A channel without a transport is left pending, not
 * dropped: its messages go once SMTP_URL / SMS_URL is set. Nothing about the recipient or the text is logged or kept in
 * last_error; once sent, the recipient is masked.
 */
export async function sendPendingNotifications(deps: NotifyDeps, now: Date, opts: SendOptions = {}): Promise<SendResult> {
  const mailer = opts.mailer !== undefined ? opts.mailer : deps.config.smtp ? smtpMailer(deps.config.smtp) : null;
  const sms = opts.sms !== undefined ? opts.sms : deps.config.sms ? esmsSender(deps.config.sms) : null;
  const channels: NotifyChannel[] = [];
  const notConfigured: NotifyChannel[] = [];
  (mailer ? channels : notConfigured).push('email');
  (sms ? channels : notConfigured).push('sms');
  const result: SendResult = { sent: 0, retried: 0, failed: 0, notConfigured };
  if (channels.length === 0) return result;
  try {
    const claimed = await claim(deps.db, channels, now, opts.batchSize ?? 10);
    for (const n of claimed) {
      try {
        if (n.channel === 'email' && mailer) {
          const attachments =
            n.attachment && n.attachment_name
              ? [{ filename: n.attachment_name, content: n.attachment, contentType: contentTypeOf(n.attachment_name) }]
              : undefined;
          await mailer.send({ to: n.recipient, subject: n.subject ?? 'Thông báo từ Cổng Gần Dân', text: n.body, id: `${n.id}`, attachments });
        } else if (n.channel === 'sms' && sms) {
          await sms.send(n.recipient, n.body, { requestId: `gd-notification-${n.id}` });
        }
        await markSent(deps.db, n, now);
        result.sent++;
      } catch (err) {
        result[await markFailure(deps.db, n, now, err)]++;
      }
    }
  } finally {
    if (mailer && opts.mailer === undefined) mailer.close();
  }
  return result;
}

/** Masks the recipients of messages that failed more than 30 days ago (bounded batch); returns how many. */
export async function maskOldFailedRecipients(db: Db, now: Date, limit = 500): Promise<number> {
  const before = new Date(now.getTime() - FAILED_RECIPIENT_DAYS * 24 * 3600_000);
  const old = await rows<{ id: number; recipient: string }>(
    db,
    sql`SELECT id, recipient FROM notifications WHERE status = 'failed' AND created_at < ${before} AND recipient NOT LIKE '%***%' ORDER BY id LIMIT ${limit}`,
  );
  for (const r of old) await db.execute(sql`UPDATE notifications SET recipient = ${maskRecipient(r.recipient)} WHERE id = ${r.id}`);
  return old.length;
}

/** The sender as a job: every minute, batches until the outbox is drained (at most 20 batches a run). */
export function notificationJobDefinitions(deps: NotifyDeps): JobDefinition[] {
  return [
    {
      name: SEND_JOB,
      cron: '* * * * *',
      handler: async () => {
        const batchSize = 10;
        for (let i = 0; i < 20; i++) {
          const r = await sendPendingNotifications(deps, new Date(), { batchSize });
          if (r.sent + r.retried + r.failed < batchSize) break;
        }
        await maskOldFailedRecipients(deps.db, new Date());
      },
    },
  ];
}
