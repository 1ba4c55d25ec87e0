/**
 * The payment-notification webhook: POST /webhooks/payments/casso (Casso webhook v2, see rules/casso.ts for the format
 * and its source). Public, no session and no CSRF token (`csrf: false`): a delivery proves itself by its signature.
 * Inside this plugin only, bodies are kept raw (a Buffer): we parse the JSON ourselves and log the hash of exactly what
 * was sent. Errors are always problem+json. Every refusal is logged in webhook_rejections (channel 'payments:casso')
 * without its payload, which holds payers' names and accounts.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import { registerWebhookScope } from '../../platform/http/webhook-scope.ts';
import { receiveGatewayTransfers } from './commands/receive-gateway-transfers.ts';
import { insertRejection } from './queries.ts';
import { isFresh, readCassoDelivery, readSignatureHeader, signatureValid } from './rules/casso.ts';
import { type RejectionReason, WebhookRejection } from './rules/rejection.ts';

export const CASSO_WEBHOOK = '/webhooks/payments/casso';
const CHANNEL = 'payments:casso';
const BODY_LIMIT = 256 * 1024;
const RATE = { max: 600, timeWindow: 60 * 1000 };
const TAGS = ['Thanh toán – đối soát (webhooks)'];
// Casso reads `success: true` as delivered.
const Accepted = Type.Object({ success: Type.Boolean(), status: Type.Enum(['accepted', 'ignored']) });

function errorOf(reason: RejectionReason): AppError {
  const extra = { reason };
  if (reason === 'missing_signature' || reason === 'bad_signature') return new AppError('WEBHOOK_SIGNATURE_INVALID', { extra });
  if (reason === 'stale_timestamp' || reason === 'replayed') return new AppError('WEBHOOK_REJECTED', { extra });
  if (reason === 'unknown_recipient') return new AppError('UNPROCESSABLE', { extra });
  return new AppError('MALFORMED_REQUEST', { extra });
}

function actorOf(req: FastifyRequest): Actor {
  return { userId: null, label: 'webhook:payments:casso', ip: req.ip ?? null, requestId: req.id };
}

/** Registers POST /webhooks/payments/casso (public, signed). */
export async function registerReconciliationWebhooks(app: App, p: Platform): Promise<void> {
  await registerWebhookScope(app, 'payment', async (scope: App) => {
    scope.post(
      CASSO_WEBHOOK,
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'Casso webhook v2: a transfer into a unit’s collection account becomes a payment, matched to its fee (X-Casso-Signature)',
          response: { 200: Accepted },
        },
        config: { permission: 'public', csrf: false, rateLimit: RATE },
      },
      async (req) => {
        const cfg = p.config.paymentGateways.casso;
        if (!cfg) throw new AppError('WEBHOOK_NOT_CONFIGURED');
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const now = new Date();
        try {
          const header = req.headers['x-casso-signature'];
          const value = (Array.isArray(header) ? header[0] : header)?.trim();
          if (!value) throw new WebhookRejection('missing_signature');
          const sig = readSignatureHeader(value);
          if (!sig) throw new WebhookRejection('bad_signature');
          let body: unknown;
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new WebhookRejection('malformed');
          }
          if (!signatureValid(cfg.checksumKey, sig, body)) throw new WebhookRejection('bad_signature');
          if (!isFresh(sig.t, now.getTime())) throw new WebhookRejection('stale_timestamp');
          const read = readCassoDelivery(body);
          if (read === 'malformed') throw new WebhookRejection('malformed');
          if (read.transfers.length === 0) return { success: true, status: 'ignored' as const };
          await receiveGatewayTransfers(p.db, actorOf(req), 'casso', read.transfers, now);
          return { success: true, status: 'accepted' as const };
        } catch (e) {
          if (!(e instanceof WebhookRejection)) throw e;
          await insertRejection(p.db, {
            channel: CHANNEL,
            reason: e.reason,
            ip: req.ip ?? null,
            payloadSha256: createHash('sha256').update(raw).digest('hex'),
            at: now,
          });
          throw errorOf(e.reason);
        }
      },
    );
  });
}
