import { randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import { hashToken } from '../../../platform/auth/tokens.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { saveFeedToken } from '../queries.ts';

/**
 * Issues (or replaces) a person's secret iCalendar feed address of their visits: a random 32-byte token, shown once;
 * only its SHA-256 is kept, so a new one replaces (and disables) the old address.
 */
export async function issueFeedToken(db: Db, actor: Actor, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await inTransaction(db, async (tx) => {
    await saveFeedToken(tx, userId, hashToken(token));
    await recordAudit(tx, actor, { action: 'appointment.feed.issue', entityType: 'user', entityId: userId });
  });
  return token;
}
