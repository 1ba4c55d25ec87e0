import type { Db } from '../../../platform/db/pool.ts';
import { insertRejection } from '../queries.ts';
import type { RejectionReason } from '../rules/rejection.ts';
import { payloadHash } from '../rules/signatures.ts';

/**
 * Logs a refused webhook delivery for the administrator: channel, reason, the caller's address and the payload's
 * SHA-256 (to spot the same payload coming again), never the payload itself, which may hold personal data.
 */
export async function recordRejection(db: Db, r: { channel: string; reason: RejectionReason; ip: string | null; rawBody: Buffer; now?: Date }): Promise<void> {
  await insertRejection(db, { channel: r.channel, reason: r.reason, ip: r.ip, payloadSha256: payloadHash(r.rawBody), at: r.now ?? new Date() });
}
