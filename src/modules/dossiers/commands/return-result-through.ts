import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { lockDossierByCode } from '../queries.ts';
import { actOnDossier } from './act-on-dossier.ts';

/**
 * Records a dossier's result as returned to the citizen through another channel than the desk, when that channel
 * reports delivery (the post office's "delivered" on a result sent by post, M7): a dossier whose result is ready
 * becomes 'returned' with that return channel, through the lifecycle's own `return_result` action (event, milestone,
 * audit). Any other status is left alone (already returned at the desk, withdrawn …). Returns whether it moved.
 * For modules above dossiers; the caller has already checked who may report the delivery.
 */
export async function returnResultThrough(tx: Db, actor: Actor, code: string, channel: 'post' | 'home', now: Date): Promise<boolean> {
  const d = await lockDossierByCode(tx, code);
  if (d?.status !== 'result_ready') return false;
  await actOnDossier(tx, actor, d, 'return_result', { version: d.version, returnChannel: channel }, now);
  return true;
}
