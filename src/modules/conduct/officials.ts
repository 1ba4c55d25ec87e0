/**
 * The officials of a unit, for the commitment "4 xin, 4 luôn, 5 không" (who has signed the version in force) and the
 * surveys' "official who served you" list. An official is an active account holding a role at the unit itself, except
 * system administrators (IT staff), post-office staff and support-team volunteers, who are not officials of the unit
 * (cán bộ, công chức, viên chức). Who holds which role is read through the staff module.
 */
import type { Db } from '../../platform/db/pool.ts';
import { type RoleHolder, roleHoldersAt, roles } from '../staff/index.ts';
import { signaturesOfVersion } from './queries.ts';

/** Timestamps arrive as text from drizzle's node-postgres driver. */
type Moment = Date | string;

const NOT_OFFICIALS: readonly string[] = ['system_admin', 'post_office_staff', 'support_volunteer'];
const officialRoles = roles.filter((r) => !NOT_OFFICIALS.includes(r));

export interface OfficialSignatureRow {
  unit_id: number;
  user_id: number;
  full_name: string;
  title: string | null;
  signed_at: Moment | null;
}

/** Each official once per unit (the first of their grants there), in the order roleHoldersAt gives. */
function oncePerUnit(holders: RoleHolder[]): RoleHolder[] {
  const seen = new Set<string>();
  return holders.filter((h) => {
    const key = `${h.unitId}:${h.userId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The officials of each unit and when each signed `version`, if they did; by unit, then account. */
export async function officialSignatures(db: Db, unitIds: number[], version: number): Promise<OfficialSignatureRow[]> {
  const officials = oncePerUnit(await roleHoldersAt(db, { unitIds, roles: officialRoles }));
  const signed = await signaturesOfVersion(db, [...new Set(officials.map((o) => o.userId))], version);
  return officials
    .map((o) => ({ unit_id: o.unitId, user_id: o.userId, full_name: o.fullName, title: o.title, signed_at: signed.get(o.userId) ?? null }))
    .sort((a, b) => a.unit_id - b.unit_id || a.user_id - b.user_id);
}

/** The unit's officials by name, for the "official who served you" list (names only leave the server). */
export async function officialsOf(db: Db, unitId: number): Promise<{ id: number; full_name: string }[]> {
  return oncePerUnit(await roleHoldersAt(db, { unitIds: [unitId], roles: officialRoles })).map((o) => ({ id: o.userId, full_name: o.fullName }));
}
