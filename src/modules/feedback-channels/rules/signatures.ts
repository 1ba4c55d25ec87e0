/**
 * How each channel signs its webhook deliveries, and the freshness window. Pure: the clock is a parameter.
 *
 * - Zalo Official Account: header `X-ZEvent-Signature: mac=<hex>`, where hex = SHA-256 (a plain hash, not an HMAC) of
 *   appId + raw body + the body's `timestamp` field + the OA secret key (the OA's own secret, not the app secret),
 *   concatenated in that order (Zalo for Developers, Official Account API, "Webhook" → "Xác thực").
 * - Facebook Page (Meta Messenger Platform webhooks): header `X-Hub-Signature-256: sha256=<hex>`, where hex =
 *   HMAC-SHA256 of the raw body keyed with the app secret (Meta for Developers, Graph API Webhooks, "Event
 *   notifications → Validating payloads").
 * - Our own e-mail relay (a mail server piping inbound mail): `X-Gd-Timestamp: <unix seconds>` and
 *   `X-Gd-Signature: sha256=<hex>`, where hex = HMAC-SHA256 of `<timestamp>.<raw body>` keyed with
 *   INBOUND_EMAIL_SECRET: the timestamp is signed too, so it cannot be refreshed on a captured message.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries older than this are refused (stale_timestamp): our own relay signs the moment it sends. */
export const MAX_AGE_MS = 5 * 60 * 1000;
/**
 * Zalo and Meta stamp a delivery with the time of the event, not of the sending, and resend what got no 200: Zalo for
 * up to 12 hours, Meta for up to 36 hours before dropping it. Their events are fresh for 36 hours, so a message sent
 * while our server was down is taken when it comes back; a replay inside the window is refused by its event id
 * (webhook_deliveries keeps the ids longer than this).
 */
export const CHAT_MAX_AGE_MS = 36 * 3600 * 1000;
/** Clock difference tolerated for a timestamp "from the future". */
export const MAX_FUTURE_MS = 60 * 1000;

/** Whether a delivery's timestamp (epoch ms) is within the last `maxAgeMs` (5 minutes) and not more than a minute ahead. */
export function isFresh(timestampMs: number, nowMs: number, maxAgeMs = MAX_AGE_MS): boolean {
  return Number.isFinite(timestampMs) && nowMs - timestampMs <= maxAgeMs && timestampMs - nowMs <= MAX_FUTURE_MS;
}

/** Equal hex digests, compared in constant time, case-insensitively. */
export function digestsMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.trim().toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Zalo's `mac`: sha256(appId + body + timestamp + OA secret key), hex. */
export function zaloMac(appId: string, rawBody: Buffer, timestamp: string, oaSecret: string): string {
  return createHash('sha256').update(appId, 'utf8').update(rawBody).update(timestamp, 'utf8').update(oaSecret, 'utf8').digest('hex');
}

/** Checks `X-ZEvent-Signature` ("mac=<hex>"; a bare hex digest is accepted too). */
export function zaloSignatureValid(header: string, appId: string, rawBody: Buffer, timestamp: string, oaSecret: string): boolean {
  const given = header.trim().replace(/^mac=/i, '');
  return digestsMatch(zaloMac(appId, rawBody, timestamp, oaSecret), given);
}

/** Meta's `X-Hub-Signature-256` value for a body: "sha256=" + HMAC-SHA256(app secret, raw body), hex. */
export function hubSignature(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function hubSignatureValid(header: string, appSecret: string, rawBody: Buffer): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  return m !== null && digestsMatch(hubSignature(appSecret, rawBody).slice(7), m[1] as string);
}

/** Our relay's `X-Gd-Signature` for a body sent at `timestamp` (unix seconds, as sent). */
export function relaySignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex')}`;
}

export function relaySignatureValid(header: string, secret: string, timestamp: string, rawBody: Buffer): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  return m !== null && digestsMatch(relaySignature(secret, timestamp, rawBody).slice(7), m[1] as string);
}

/** Hex SHA-256 of a payload: what a rejection log keeps instead of the payload. */
export function payloadHash(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}
