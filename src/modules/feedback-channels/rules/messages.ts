/**
 * Reading the chat platforms' webhook bodies (already parsed JSON) into channel messages. Pure: no I/O, no clock.
 *
 * Zalo OA (Zalo for Developers, Official Account API, "Webhook"): one event per delivery,
 *   { app_id, user_id_by_app, event_name, timestamp: "<epoch ms>", sender: { id }, recipient: { id: <OA id> },
 *     message: { msg_id, text, attachments?: [{ type: "image", payload: { url, thumbnail } }] } }
 *   with event_name user_send_text, user_send_image, user_send_link, user_send_sticker, follow, … .
 * Facebook Page (Meta Messenger Platform, webhook "messages" field): possibly several events per delivery,
 *   { object: "page", entry: [{ id: <page id>, time, messaging: [{ sender: { id: <PSID> }, recipient: { id: <page id> },
 *     timestamp, message: { mid, text, is_echo?, attachments?: [{ type: "image", payload: { url } }] } }] }] }.
 */
import { DESCRIPTION_MAX } from '../../feedback/index.ts';

/** One message a person sent to a unit's account. */
export interface ChannelMessage {
  /** The platform's id of the message: replay key and the feedback's external_ref. */
  messageId: string;
  timestampMs: number;
  /** The unit's account that received it (Zalo OA id, Facebook page id). */
  account: string;
  /** The sender's id on the platform (Zalo user id, Facebook page-scoped id). */
  senderRef: string;
  text: string;
  /** Image URLs the platform hosts (kept in `extra`, never fetched by us). */
  imageUrls: string[];
}

export type ReadResult =
  | { kind: 'messages'; messages: ChannelMessage[]; timestampsMs: number[] }
  | { kind: 'ignored'; timestampsMs: number[] }
  | { kind: 'malformed' };

const MAX_IMAGES = 5;

const idOf = (v: unknown): string | null => {
  if (typeof v === 'string' && v.trim() && v.length <= 200) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
};

const msOf = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function imageUrls(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  const urls: string[] = [];
  for (const a of attachments) {
    const att = record(a);
    const url = record(att?.payload)?.url;
    if (att?.type === 'image' && typeof url === 'string' && /^https:\/\/\S{1,500}$/.test(url) && urls.length < MAX_IMAGES) urls.push(url);
  }
  return urls;
}

/** Reads a Zalo OA event: text and image messages become a ChannelMessage; other events are ignored. */
export function readZaloEvent(body: unknown): ReadResult {
  const b = record(body);
  const timestamp = msOf(b?.timestamp);
  if (!b || typeof b.event_name !== 'string' || timestamp === null) return { kind: 'malformed' };
  if (b.event_name !== 'user_send_text' && b.event_name !== 'user_send_image') return { kind: 'ignored', timestampsMs: [timestamp] };
  const message = record(b.message);
  const messageId = idOf(message?.msg_id);
  const senderRef = idOf(record(b.sender)?.id);
  const account = idOf(record(b.recipient)?.id);
  if (!message || !messageId || !senderRef || !account) return { kind: 'malformed' };
  const text = typeof message.text === 'string' ? message.text : '';
  const images = imageUrls(message.attachments);
  if (!text.trim() && images.length === 0) return { kind: 'ignored', timestampsMs: [timestamp] };
  return { kind: 'messages', messages: [{ messageId, timestampMs: timestamp, account, senderRef, text, imageUrls: images }], timestampsMs: [timestamp] };
}

/** Reads a Facebook Page delivery: each message a person sent (not the page's own echoes) becomes a ChannelMessage. */
export function readFacebookDelivery(body: unknown): ReadResult {
  const b = record(body);
  if (!b || !Array.isArray(b.entry)) return { kind: 'malformed' };
  if (b.object !== 'page') return { kind: 'ignored', timestampsMs: [] };
  const messages: ChannelMessage[] = [];
  const timestamps: number[] = [];
  for (const e of b.entry) {
    const entry = record(e);
    if (!entry) return { kind: 'malformed' };
    const entryTime = msOf(entry.time);
    if (entryTime !== null) timestamps.push(entryTime);
    if (!Array.isArray(entry.messaging)) continue;
    for (const m of entry.messaging) {
      const event = record(m);
      const timestamp = msOf(event?.timestamp);
      if (!event || timestamp === null) return { kind: 'malformed' };
      timestamps.push(timestamp);
      const message = record(event.message);
      if (!message || message.is_echo === true) continue; // delivery and read receipts, postbacks, the page's own replies
      const messageId = idOf(message.mid);
      const senderRef = idOf(record(event.sender)?.id);
      const account = idOf(record(event.recipient)?.id) ?? idOf(entry.id);
      if (!messageId || !senderRef || !account) return { kind: 'malformed' };
      const text = typeof message.text === 'string' ? message.text : '';
      const images = imageUrls(message.attachments);
      if (!text.trim() && images.length === 0) continue; // stickers, likes
      messages.push({ messageId, timestampMs: timestamp, account, senderRef, text, imageUrls: images });
    }
  }
  if (timestamps.length === 0) return { kind: 'malformed' };
  return messages.length ? { kind: 'messages', messages, timestampsMs: timestamps } : { kind: 'ignored', timestampsMs: timestamps };
}

/** The unit code an account is mapped to (`"*"` maps every other account), or null. */
export function unitForAccount(units: Record<string, string>, account: string): string | null {
  return units[account] ?? units['*'] ?? null;
}

/** Text cut to the longest description a feedback item takes (by characters, not UTF-16 units). */
export function fitDescription(text: string): { text: string; truncated: boolean } {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= DESCRIPTION_MAX) return { text: text.normalize('NFC'), truncated: false };
  return { text: `${chars.slice(0, DESCRIPTION_MAX - 1).join('')}…`, truncated: true };
}

/** The description of a message: its text, or a note that only pictures came. */
export function describeMessage(m: ChannelMessage, platform: 'Zalo' | 'Facebook'): { text: string; truncated: boolean } {
  if (m.text.trim()) return fitDescription(m.text);
  return { text: `(Ảnh gửi qua ${platform}, không kèm lời nhắn)`, truncated: false };
}
