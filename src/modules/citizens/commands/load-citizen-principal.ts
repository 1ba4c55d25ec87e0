import type { CitizenPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findCitizenById } from '../queries.ts';

/**
 * The principal behind a citizen session: null when the row is gone or the session is older than `maxMinutes`
 * since sign-in (the HTTP layer then ends the session), so a citizen on a shared computer is not signed in for long.
 */
export async function loadCitizenPrincipal(db: Db, citizenId: number, since: number, now: number, maxMinutes: number): Promise<CitizenPrincipal | null> {
  if (!(since > 0) || now - since > maxMinutes * 60_000 || now < since - 60_000) return null;
  const row = await findCitizenById(db, citizenId);
  if (!row) return null;
  return { kind: 'citizen', citizenId: row.id, label: `citizen:${row.id}`, displayName: row.full_name, grants: [] };
}
