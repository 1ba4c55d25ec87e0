// SQL of the feedback channels: deliveries taken (replay protection) and deliveries refused (the rejection log).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { rows } from '../../platform/db/query.ts';
import type { RejectionReason } from './rules/rejection.ts';

/**
 * Records the event ids of a delivery; returns those not seen before. Two identical deliveries at once: the second
 * waits on the first's row and then finds it taken.
 */
export async function takeDeliveries(db: Db, channel: string, eventIds: readonly string[], now: Date): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const taken = await rows<{ event_id: string }>(
    db,
    sql`INSERT INTO webhook_deliveries (channel, event_id, at)
        SELECT ${channel}::text, e, ${now}::timestamptz FROM jsonb_array_elements_text(${JSON.stringify(eventIds)}::jsonb) AS e
        ON CONFLICT (channel, event_id) DO NOTHING
        RETURNING event_id`,
  );
  return new Set(taken.map((r) => r.event_id));
}

export async function insertRejection(
  db: Db,
  r: { channel: string; reason: RejectionReason; ip: string | null; payloadSha256: string; at: Date },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO webhook_rejections (at, channel, reason, ip, payload_sha256) VALUES (${r.at}, ${r.channel}, ${r.reason}, ${r.ip}, ${r.payloadSha256})`,
  );
}

/**
 * Forgets deliveries older than three days (a replay that old is refused as stale anyway: the longest window is 36 hours) and rejections older than 90 days,
 * in bounded batches; returns how many rows went.
 */
export async function sweepWebhookTables(db: Db, now: Date, limit = 5000): Promise<number> {
  const day = new Date(now.getTime() - 3 * 24 * 3600_000);
  const quarter = new Date(now.getTime() - 90 * 24 * 3600_000);
  const d = await db.execute(sql`DELETE FROM webhook_deliveries WHERE ctid IN (SELECT ctid FROM webhook_deliveries WHERE at < ${day} LIMIT ${limit})`);
  const r = await db.execute(sql`DELETE FROM webhook_rejections WHERE id IN (SELECT id FROM webhook_rejections WHERE at < ${quarter} LIMIT ${limit})`);
  return (d.rowCount ?? 0) + (r.rowCount ?? 0);
}
