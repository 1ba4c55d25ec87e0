import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { type DossierRow, lockDossierByCode } from '../queries.ts';
import type { returnChannels, TransitionInput } from '../schema.ts';
import { transitionDossier } from './transition-dossier.ts';

/** How a result reached the citizen (dossiers.return_channel). */
export type ReturnChannel = (typeof returnChannels)[number];

/**
 * The one code path for "the result was returned" (trả kết quả): the lifecycle's `return_result` action on a locked
 * dossier with the channel it went back through, stamped on the dossier, its timeline event and its audit row (with
 * `data`'s facts, never personal data). The desk's action, the post office's delivery and a home visit's delivery all
 * come here. The caller has locked the dossier and checked who may act.
 * @throws AppError CONFLICT (version), UNPROCESSABLE (the lifecycle refuses: no result ready)
 */
export function returnResult(
  tx: Db,
  actor: Actor,
  d: DossierRow,
  channel: ReturnChannel,
  input: TransitionInput,
  now: Date,
  data: Record<string, unknown> = {},
): Promise<DossierRow> {
  return transitionDossier(tx, actor, d, 'return_result', input, now, {
    sets: [sql`return_channel = ${channel}`],
    data: { returnChannel: channel, ...data },
  });
}

/**
 * Records a dossier's result as returned to the citizen through another channel than the desk, when that channel
 * reports delivery (the post office's "delivered" on a result sent by post, M7): a dossier whose result is ready
 * becomes 'returned' with that return channel (returnResult: event, milestone, audit). Any other status is left alone
 * (already returned at the desk, withdrawn …). Returns whether it moved.
 * For modules above dossiers; the caller has already checked who may report the delivery.
 */
export async function returnResultThrough(tx: Db, actor: Actor, code: string, channel: 'post' | 'home', now: Date): Promise<boolean> {
  const d = await lockDossierByCode(tx, code);
  if (d?.status !== 'result_ready') return false;
  await returnResult(tx, actor, d, channel, { version: d.version }, now);
  return true;
}
