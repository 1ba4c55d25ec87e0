import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './pool.ts';

/** Runs a query and returns its rows typed as T. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return res.rows as T[];
}

/** Runs a query and returns its first row, or null. */
export async function one<T>(db: Db, query: SQL): Promise<T | null> {
  const res = await db.execute(query);
  return (res.rows[0] as T | undefined) ?? null;
}

/** Runs `fn` in a transaction: every write in it commits together or not at all. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A condition that `pathColumn` (a unit's materialised path) lies in one of the scopes:
 * the unit itself, or anything below it for a subtree scope. null scopes = no restriction.
 */
export function pathInScopes(pathColumn: SQL, scopes: { path: string; subtree: boolean }[] | null): SQL {
  if (scopes === null) return sql`true`;
  if (scopes.length === 0) return sql`false`;
  // Paths are '/1/5/23/': digits and slashes only. Quote each element of the array literal anyway.
  const patterns = scopes.map((s) => (s.subtree ? `${likeEscape(s.path)}%` : likeEscape(s.path)));
  const literal = `{${patterns.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return sql`${pathColumn} LIKE ANY (${literal}::text[])`;
}
