import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkFeedback, type FeedbackInput, receiveFeedback } from '../../feedback/index.ts';
import { takeDeliveries } from '../queries.ts';
import { WebhookRejection } from '../rules/rejection.ts';

export type WebhookChannel = 'zalo' | 'facebook' | 'email';

/** One message of a delivery, ready for the feedback intake. */
export interface IncomingMessage {
  /** The platform's id of the event: the replay key. */
  eventId: string;
  unitCode: string | null;
  senderRef: string | null;
  externalRef: string;
  input: FeedbackInput;
  extra: Record<string, unknown>;
  attachments?: { name: string; mime: string; content: Buffer }[];
}

/**
 * Takes a signed, fresh delivery: records its event ids and files each message not seen before as feedback of the
 * channel, all in one transaction (a failure leaves the delivery untaken, so the platform's retry is welcome).
 * The sender wrote from their own account to be answered there: that stands for consent to keep what they gave.
 *
 * @throws WebhookRejection replayed (every event already taken), malformed (nothing usable), unknown_recipient (the
 *   account's unit code names no unit)
 */
export async function receiveChannelMessages(db: Db, actor: Actor, channel: WebhookChannel, messages: IncomingMessage[], now: Date): Promise<string[]> {
  const checked = messages.map((m) => {
    const c = checkFeedback(m.input, { channel, shortDescriptionOk: true, contactImpliesConsent: true });
    if (!c.ok) throw new WebhookRejection('malformed');
    return { ...m, item: c.value };
  });
  return inTransaction(db, async (tx) => {
    const fresh = await takeDeliveries(tx, channel, [...new Set(checked.map((m) => m.eventId))], now);
    if (fresh.size === 0) throw new WebhookRejection('replayed');
    const codes: string[] = [];
    for (const m of checked) {
      if (!fresh.has(m.eventId)) continue;
      try {
        const r = await receiveFeedback(tx, actor, {
          channel,
          item: m.item,
          addressedUnitCode: m.unitCode,
          senderRef: m.senderRef,
          externalRef: m.externalRef,
          extra: m.extra,
          attachments: m.attachments,
          now,
        });
        codes.push(r.code);
      } catch (e) {
        if (e instanceof AppError && e.code === 'UNIT_NOT_FOUND') throw new WebhookRejection('unknown_recipient');
        if (e instanceof AppError && e.code === 'VALIDATION_FAILED') throw new WebhookRejection('malformed');
        throw e;
      }
    }
    return codes;
  });
}
