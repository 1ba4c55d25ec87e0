import { sql } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';

/** A message to queue: sent by the notifications job (send-pending.ts), never before `sendAfter`. */
export interface QueuedNotice {
  channel: 'email' | 'sms';
  /** PERSONAL DATA: an e-mail address or a phone number. */
  recipient: string;
  subject?: string | null;
  body: string;
  /** What it is about, for the audit and the indicators: 'feedback:<code>', 'question:<code>' … */
  about: string;
  sendAfter?: Date;
}

/**
 * Queues a message in the outbox. Call it inside the transaction of the change that causes it: the change and its
 * message commit together, and the job sends it once the transaction is visible.
 */
export async function queueNotification(db: Db, n: QueuedNotice): Promise<void> {
  await db.execute(
    sql`INSERT INTO notifications (channel, recipient, subject, body, about, send_after)
        VALUES (${n.channel}, ${n.recipient}, ${n.subject ?? null}::text, ${n.body}, ${n.about}, ${(n.sendAfter ?? new Date()).toISOString()}::timestamptz)`,
  );
}
