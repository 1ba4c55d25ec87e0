import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';

/** Records a citizen's sign-out (the session itself is destroyed by the route). */
export async function signOutCitizen(db: Db, actor: Actor, citizenId: number): Promise<void> {
  await recordAudit(db, { ...actor, userId: null, label: `citizen:${citizenId}` }, { action: 'citizen.sign_out', entityType: 'citizen', entityId: citizenId });
}
