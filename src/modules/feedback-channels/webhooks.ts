/**
 * The public webhook doors of the feedback channels: Zalo OA, Facebook Page and the inbound e-mail relay. They take no
 * session and no CSRF token (config `csrf: false`): each delivery proves itself by its signature. Inside this plugin
 * only, bodies are kept raw (a Buffer) so signatures are checked over the exact bytes sent, and errors are always
 * problem+json (platforms are not browsers). Every refusal is logged in webhook_rejections without its payload.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { registerWebhookScope } from '../../platform/http/webhook-scope.ts';
import { readEmail } from './commands/read-email.ts';
import { type IncomingMessage, receiveChannelMessages, type WebhookChannel } from './commands/receive-channel-messages.ts';
import { recordRejection } from './commands/record-rejection.ts';
import { type ChannelMessage, describeMessage, readFacebookDelivery, readZaloEvent, unitForAccount } from './rules/messages.ts';
import { type RejectionReason, WebhookRejection } from './rules/rejection.ts';
import { CHAT_MAX_AGE_MS, digestsMatch, hubSignatureValid, isFresh, relaySignatureValid, zaloSignatureValid } from './rules/signatures.ts';

export const ZALO_WEBHOOK = '/webhooks/zalo';
export const FACEBOOK_WEBHOOK = '/webhooks/facebook';
export const EMAIL_WEBHOOK = '/webhooks/email';

const CHAT_BODY_LIMIT = 1024 * 1024;
const EMAIL_BODY_LIMIT = 20 * 1024 * 1024;
// Zalo and Meta deliver every event from a few addresses: generous per address; the relay is one address too.
const CHAT_RATE = { max: 600, timeWindow: 60 * 1000 };
const EMAIL_RATE = { max: 120, timeWindow: 60 * 1000 };

const TAGS = ['Phản ánh – kênh tiếp nhận (webhooks)'];
const Accepted = Type.Object({ status: Type.Enum(['accepted', 'ignored']) });

function statusOf(reason: RejectionReason): AppError {
  const extra = { reason };
  if (reason === 'missing_signature' || reason === 'bad_signature') return new AppError('WEBHOOK_SIGNATURE_INVALID', { extra });
  if (reason === 'stale_timestamp' || reason === 'replayed') return new AppError('WEBHOOK_REJECTED', { extra });
  return new AppError('MALFORMED_REQUEST', { extra });
}

function rawOf(req: FastifyRequest): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

function header(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() ? s.trim() : null;
}

function actorOf(req: FastifyRequest, channel: WebhookChannel): Actor {
  return { userId: null, label: `webhook:${channel}`, ip: req.ip ?? null, requestId: req.id };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookRejection('malformed');
  }
}

/** Chat messages → intake input: the text as description, picture links kept in `extra`, the account's unit. */
function chatMessages(messages: ChannelMessage[], units: Record<string, string>, platform: 'Zalo' | 'Facebook'): IncomingMessage[] {
  return messages.map((m) => {
    const unitCode = unitForAccount(units, m.account);
    if (!unitCode) throw new WebhookRejection('unknown_recipient');
    const description = describeMessage(m, platform);
    return {
      eventId: m.messageId,
      unitCode,
      senderRef: m.senderRef,
      externalRef: m.messageId,
      input: { description: description.text },
      extra: {
        account: m.account,
        ...(m.imageUrls.length ? { imageUrls: m.imageUrls } : {}),
        ...(description.truncated ? { truncated: true } : {}),
      },
    };
  });
}

/** Registers POST /webhooks/zalo, GET+POST /webhooks/facebook and POST /webhooks/email (all public, signed). */
export async function registerFeedbackChannelRoutes(app: App, p: Platform): Promise<void> {
  await registerWebhookScope(app, 'feedback', async (scope: App) => {
    /** Runs a delivery's checks; a refusal is logged (hash of the payload only) and answered with its reason. */
    const guarded = async (channel: WebhookChannel, req: FastifyRequest, raw: Buffer, take: () => Promise<'accepted' | 'ignored'>) => {
      try {
        return { status: await take() };
      } catch (e) {
        if (!(e instanceof WebhookRejection)) throw e;
        await recordRejection(p.db, { channel, reason: e.reason, ip: req.ip ?? null, rawBody: raw });
        throw statusOf(e.reason);
      }
    };

    scope.post(
      ZALO_WEBHOOK,
      {
        bodyLimit: CHAT_BODY_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'Zalo Official Account webhook: user_send_text / user_send_image become feedback (X-ZEvent-Signature)',
          response: { 200: Accepted },
        },
        config: { permission: 'public', csrf: false, rateLimit: CHAT_RATE },
      },
      async (req) => {
        const cfg = p.config.channels.zalo;
        if (!cfg) throw new AppError('WEBHOOK_NOT_CONFIGURED');
        const raw = rawOf(req);
        const now = new Date();
        return guarded('zalo', req, raw, async () => {
          const signature = header(req, 'x-zevent-signature');
          if (!signature) throw new WebhookRejection('missing_signature');
          const body = parseJson(raw) as { timestamp?: unknown } | null;
          const timestamp = typeof body?.timestamp === 'string' || typeof body?.timestamp === 'number' ? String(body.timestamp) : null;
          if (!timestamp) throw new WebhookRejection('malformed');
          if (!zaloSignatureValid(signature, cfg.appId, raw, timestamp, cfg.oaSecret)) throw new WebhookRejection('bad_signature');
          const read = readZaloEvent(body);
          if (read.kind === 'malformed') throw new WebhookRejection('malformed');
          if (!read.timestampsMs.every((t) => isFresh(t, now.getTime(), CHAT_MAX_AGE_MS))) throw new WebhookRejection('stale_timestamp');
          if (read.kind === 'ignored') return 'ignored';
          await receiveChannelMessages(p.db, actorOf(req, 'zalo'), 'zalo', chatMessages(read.messages, cfg.units, 'Zalo'), now);
          return 'accepted';
        });
      },
    );

    scope.get(
      FACEBOOK_WEBHOOK,
      {
        schema: {
          tags: TAGS,
          summary: 'Facebook Page webhook verification: answers hub.challenge when hub.verify_token matches',
          querystring: Type.Object({
            'hub.mode': Type.Optional(Type.String({ maxLength: 40 })),
            'hub.verify_token': Type.Optional(Type.String({ maxLength: 500 })),
            'hub.challenge': Type.Optional(Type.String({ maxLength: 500 })),
          }),
        },
        config: { permission: 'public', rateLimit: EMAIL_RATE },
      },
      async (req, reply) => {
        const cfg = p.config.channels.facebook;
        if (!cfg) throw new AppError('WEBHOOK_NOT_CONFIGURED');
        const q = req.query as Record<string, string | undefined>;
        const challenge = q['hub.challenge'] ?? '';
        const ok = q['hub.mode'] === 'subscribe' && digestsMatch(cfg.verifyToken, q['hub.verify_token'] ?? '') && /^[\w.-]{1,200}$/.test(challenge);
        if (!ok) {
          await recordRejection(p.db, { channel: 'facebook', reason: 'bad_signature', ip: req.ip ?? null, rawBody: Buffer.from(req.url) });
          // Meta expects 403 when the token does not match.
          throw new AppError('FORBIDDEN', { extra: { reason: 'bad_verify_token' } });
        }
        return reply.type('text/plain; charset=utf-8').send(challenge);
      },
    );

    scope.post(
      FACEBOOK_WEBHOOK,
      {
        bodyLimit: CHAT_BODY_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'Facebook Page (Messenger Platform) webhook: messages to the page become feedback (X-Hub-Signature-256)',
          response: { 200: Accepted },
        },
        config: { permission: 'public', csrf: false, rateLimit: CHAT_RATE },
      },
      async (req) => {
        const cfg = p.config.channels.facebook;
        if (!cfg) throw new AppError('WEBHOOK_NOT_CONFIGURED');
        const raw = rawOf(req);
        const now = new Date();
        return guarded('facebook', req, raw, async () => {
          const signature = header(req, 'x-hub-signature-256');
          if (!signature) throw new WebhookRejection('missing_signature');
          if (!hubSignatureValid(signature, cfg.appSecret, raw)) throw new WebhookRejection('bad_signature');
          const read = readFacebookDelivery(parseJson(raw));
          if (read.kind === 'malformed') throw new WebhookRejection('malformed');
          if (!read.timestampsMs.every((t) => isFresh(t, now.getTime(), CHAT_MAX_AGE_MS))) throw new WebhookRejection('stale_timestamp');
          if (read.kind === 'ignored') return 'ignored';
          await receiveChannelMessages(p.db, actorOf(req, 'facebook'), 'facebook', chatMessages(read.messages, cfg.units, 'Facebook'), now);
          return 'accepted';
        });
      },
    );

    scope.post(
      EMAIL_WEBHOOK,
      {
        bodyLimit: EMAIL_BODY_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'Inbound e-mail from the mail relay (message/rfc822, X-Gd-Timestamp + X-Gd-Signature)',
          response: { 200: Accepted },
        },
        config: { permission: 'public', csrf: false, rateLimit: EMAIL_RATE },
      },
      async (req) => {
        const cfg = p.config.channels.email;
        if (!cfg) throw new AppError('WEBHOOK_NOT_CONFIGURED');
        const raw = rawOf(req);
        const now = new Date();
        return guarded('email', req, raw, async () => {
          const signature = header(req, 'x-gd-signature');
          const timestamp = header(req, 'x-gd-timestamp');
          if (!signature || !timestamp) throw new WebhookRejection('missing_signature');
          if (!relaySignatureValid(signature, cfg.secret, timestamp, raw)) throw new WebhookRejection('bad_signature');
          if (!/^\d{9,11}$/.test(timestamp) || !isFresh(Number(timestamp) * 1000, now.getTime())) throw new WebhookRejection('stale_timestamp');
          if (!/^message\/rfc822\b/i.test(header(req, 'content-type') ?? '')) throw new WebhookRejection('malformed');
          const message = await readEmail(p.db, raw, header(req, 'x-gd-recipient'));
          if (!message) return 'ignored';
          await receiveChannelMessages(p.db, actorOf(req, 'email'), 'email', [message], now);
          return 'accepted';
        });
      },
    );
  });
}
