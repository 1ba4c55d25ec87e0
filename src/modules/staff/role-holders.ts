/**
 * Who holds a role where, for the modules that list people by role (assignable visits, feedback handlers, the officials
 * who sign the conduct commitment, volunteers of a support team): the one reading of role grants outside sign-in.
 * Active accounts only; names and contact fields of staff accounts, never a password hash or sign-in state.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { rows } from '../../platform/db/query.ts';

export interface RoleHolder {
  /** The unit of the grant (for roleHoldersOn, the unit itself or the one above it whose subtree grant reaches it). */
  unitId: number;
  userId: number;
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  role: string;
}

const holderColumns = sql`g.unit_id::int AS "unitId", us.id::int AS "userId", us.username, us.full_name AS "fullName", us.title, us.email, g.role`;
const textArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Active accounts holding one of `roles` at the units themselves (a subtree grant above does not count): one row per
 * grant, by unit, then name, account and role.
 */
export function roleHoldersAt(db: Db, q: { unitIds: number[]; roles: readonly string[] }): Promise<RoleHolder[]> {
  return rows<RoleHolder>(
    db,
    sql`SELECT ${holderColumns} FROM role_grants g JOIN users us ON us.id = g.user_id
        WHERE g.unit_id = ANY(${`{${q.unitIds.map((n) => Math.trunc(n)).join(',')}}`}::bigint[]) AND us.active
          AND g.role = ANY(${textArray(q.roles)}::text[])
        ORDER BY g.unit_id, us.full_name, us.id, g.role`,
  );
}

/**
 * Active accounts holding one of `roles` on the unit at `unitPath`: granted there, or on a unit above it with a subtree
 * grant. One row per account (its first such grant by role), by name, then account.
 */
export function roleHoldersOn(db: Db, q: { unitPath: string; roles: readonly string[] }): Promise<RoleHolder[]> {
  return rows<RoleHolder>(
    db,
    sql`SELECT DISTINCT ON (us.full_name, us.id) ${holderColumns} FROM role_grants g JOIN users us ON us.id = g.user_id JOIN units gu ON gu.id = g.unit_id
        WHERE us.active AND g.role = ANY(${textArray(q.roles)}::text[])
          AND (gu.path = ${q.unitPath} OR (g.subtree AND left(${q.unitPath}, length(gu.path)) = gu.path))
        ORDER BY us.full_name, us.id, g.role`,
  );
}
