import { sql } from 'drizzle-orm';
import type { Grant } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/pool.ts';
import { likeEscape, one, onePrepared, pathInScopes, rows } from '../../platform/db/query.ts';

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  active: boolean;
  is_demo: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

export interface GrantRow {
  id: number;
  user_id: number;
  role: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  subtree: boolean;
}

const userCols = sql`id, username, full_name, title, email, phone, password_hash, active, is_demo, failed_logins, locked_until, last_login_at, created_at`;

export function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  return one<UserRow>(db, sql`SELECT ${userCols} FROM users WHERE username = ${username.toLowerCase()}`);
}

export function findUserById(db: Db, id: number): Promise<UserRow | null> {
  return one<UserRow>(db, sql`SELECT ${userCols} FROM users WHERE id = ${id}`);
}

export function grantsOf(db: Db, userId: number): Promise<GrantRow[]> {
  return rows<GrantRow>(
    db,
    sql`SELECT g.id, g.user_id, g.role, g.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, g.subtree
        FROM role_grants g JOIN units u ON u.id = g.unit_id WHERE g.user_id = ${userId} ORDER BY u.path, g.role`,
  );
}

/**
 * What a signed-in request needs of its user, in one round trip (every request reads it): the account's state and its
 * grants as toGrants makes them, in grantsOf's order.
 */
export function findPrincipalUser(db: Db, id: number): Promise<{ id: number; username: string; active: boolean; is_demo: boolean; grants: Grant[] } | null> {
  // Every signed-in request runs it: prepared once per connection (onePrepared).
  return onePrepared(
    db,
    sql`SELECT us.id, us.username, us.active, us.is_demo,
          COALESCE((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'unitPath', u.path, 'subtree', g.subtree)
                      ORDER BY u.path, g.role)
                    FROM role_grants g JOIN units u ON u.id = g.unit_id WHERE g.user_id = us.id), '[]'::json) AS grants
        FROM users us WHERE us.id = ${id}`,
  );
}

export function toGrants(list: GrantRow[]): Grant[] {
  return list.map((g) => ({ role: g.role, unitId: g.unit_id, unitPath: g.unit_path, subtree: g.subtree }));
}

export interface UserListFilter {
  /** Only users with a grant on a unit in these scopes; null = everyone. */
  visible: { path: string; subtree: boolean }[] | null;
  /** Only users with a grant on this unit (exact). */
  unitId?: number | null;
  q?: string | null;
  limit: number;
  offset: number;
}

/** A page of users the viewer may see, with their total count. */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ items: (UserRow & { roles: { role: string; unit: string }[] })[]; total: number }> {
  const visible =
    f.visible === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM role_grants g JOIN units un ON un.id = g.unit_id WHERE g.user_id = users.id AND ${pathInScopes(sql`un.path`, f.visible)})`;
  const byUnit = f.unitId ? sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = users.id AND g.unit_id = ${f.unitId})` : sql`true`;
  const search = f.q ? sql`vn_unaccent(full_name || ' ' || username) LIKE '%' || vn_unaccent(${likeEscape(f.q)}) || '%'` : sql`true`;
  const where = sql`${visible} AND ${byUnit} AND ${search}`;
  const items = await rows<UserRow & { roles: { role: string; unit: string }[] }>(
    db,
    sql`SELECT ${userCols},
          coalesce((SELECT json_agg(json_build_object('role', g.role, 'unit', un.name) ORDER BY un.path) FROM role_grants g JOIN units un ON un.id = g.unit_id WHERE g.user_id = users.id), '[]') AS roles
        FROM users WHERE ${where} ORDER BY full_name, username LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users WHERE ${where}`);
  return { items, total: total?.n ?? 0 };
}

export interface NewUser {
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  isDemo: boolean;
}

export async function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  const row = await one<UserRow>(
    db,
    sql`INSERT INTO users (username, full_name, title, email, phone, password_hash, is_demo)
        VALUES (${u.username.toLowerCase()}, ${u.fullName}, ${u.title}, ${u.email}, ${u.phone}, ${u.passwordHash}, ${u.isDemo})
        RETURNING ${userCols}`,
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUser(
  db: Db,
  id: number,
  c: { fullName: string; title: string | null; email: string | null; phone: string | null; active: boolean },
): Promise<UserRow> {
  const row = await one<UserRow>(
    db,
    sql`UPDATE users SET full_name = ${c.fullName}, title = ${c.title}, email = ${c.email}, phone = ${c.phone}, active = ${c.active}, updated_at = now()
        WHERE id = ${id} RETURNING ${userCols}`,
  );
  if (!row) throw new Error('user vanished during update');
  return row;
}

export async function setPasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await db.execute(sql`UPDATE users SET password_hash = ${hash}, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ${id}`);
}

export async function recordLoginFailure(db: Db, id: number, lockAfter: number, lockMinutes: number): Promise<void> {
  await db.execute(sql`
    UPDATE users SET failed_logins = failed_logins + 1,
      locked_until = CASE WHEN failed_logins + 1 >= ${lockAfter} THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END
    WHERE id = ${id}`);
}

export async function recordLoginSuccess(db: Db, id: number): Promise<void> {
  await db.execute(sql`UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = ${id}`);
}

export async function insertGrant(db: Db, userId: number, role: string, unitId: number, subtree: boolean): Promise<number | null> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO role_grants (user_id, role, unit_id, subtree) VALUES (${userId}, ${role}, ${unitId}, ${subtree})
        ON CONFLICT (user_id, role, unit_id) DO UPDATE SET subtree = EXCLUDED.subtree RETURNING id`,
  );
  return row?.id ?? null;
}

export function findGrant(db: Db, id: number): Promise<GrantRow | null> {
  return one<GrantRow>(
    db,
    sql`SELECT g.id, g.user_id, g.role, g.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, g.subtree
        FROM role_grants g JOIN units u ON u.id = g.unit_id WHERE g.id = ${id}`,
  );
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM role_grants WHERE id = ${id}`);
}

/** Ends every session of a user (after a password change or deactivation). */
export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  unit_id: number | null;
  unit_path: string | null;
  revoked_at: Date | null;
}

/**
 * The API key with this hash, marking it used (at most once a minute) in the same statement: one round trip per
 * keyed request (a named prepared statement: integrations such as Open311 clients call at a high rate).
 */
export function findApiKeyByHash(db: Db, hash: string): Promise<ApiKeyRow | null> {
  return onePrepared<ApiKeyRow>(
    db,
    sql`WITH k AS (
          SELECT k.id, k.name, k.prefix, k.scopes, k.unit_id, u.path AS unit_path, k.revoked_at, k.last_used_at
          FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id WHERE k.token_hash = ${hash}::text
        ), touched AS (
          UPDATE api_keys SET last_used_at = now()
          WHERE id = (SELECT id FROM k) AND (SELECT revoked_at FROM k) IS NULL
            AND ((SELECT last_used_at FROM k) IS NULL OR (SELECT last_used_at FROM k) < now() - interval '1 minute')
        )
        SELECT id, name, prefix, scopes, unit_id, unit_path, revoked_at FROM k`,
  );
}

export async function insertApiKey(
  db: Db,
  k: { name: string; prefix: string; hash: string; scopes: string[]; unitId: number | null; createdBy: number | null },
): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO api_keys (name, prefix, token_hash, scopes, unit_id, created_by)
        VALUES (${k.name}, ${k.prefix}, ${k.hash}, ${`{${k.scopes.join(',')}}`}::text[], ${k.unitId}, ${k.createdBy}) RETURNING id`,
  );
  return row?.id ?? 0;
}

export function findApiKeyByIdOrPrefix(db: Db, ref: { id?: number; prefix?: string }): Promise<ApiKeyRow | null> {
  return one<ApiKeyRow>(
    db,
    sql`SELECT k.id, k.name, k.prefix, k.scopes, k.unit_id, u.path AS unit_path, k.revoked_at
        FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id
        WHERE ${ref.id !== undefined ? sql`k.id = ${ref.id}` : sql`k.prefix = ${ref.prefix ?? ''}`}
        ORDER BY k.id DESC LIMIT 1`,
  );
}

export async function markApiKeyRevoked(db: Db, id: number): Promise<void> {
  await db.execute(sql`UPDATE api_keys SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`);
}

/** Moves role grants from one unit to another, keeping any the target already has. */
export async function moveGrants(db: Db, fromId: number, intoId: number): Promise<number> {
  const res = await db.execute(sql`
    WITH moved AS (
      INSERT INTO role_grants (user_id, role, unit_id, subtree)
      SELECT user_id, role, ${intoId}, subtree FROM role_grants WHERE unit_id = ${fromId}
      ON CONFLICT (user_id, role, unit_id) DO NOTHING RETURNING 1)
    DELETE FROM role_grants WHERE unit_id = ${fromId}`);
  return res.rowCount ?? 0;
}
