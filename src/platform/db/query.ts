import { createHash } from 'node:crypto';
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

interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<{ rows: unknown[] }> };
  };
}

/**
 * `one` as a named prepared statement, for the few statements on a measured hot path (dossier intake, the signed-in
 * principal): PostgreSQL then parses and analyses the text once per connection instead of on every request. The name
 * is a hash of the text, so it is the same on every pooled connection and every process, and two texts never share
 * one (node-postgres prepares it on each connection the first time that connection runs it). Rows come back exactly as
 * from `one` (drizzle's own prepared-query path). Use it only where the text does not vary with the input (no lists
 * spliced into the SQL: pass an array parameter instead), or every variant becomes a statement kept on each connection.
 */
export async function onePrepared<T>(db: Db, query: SQL): Promise<T | null> {
  const internals = db as unknown as DrizzleInternals;
  const built = internals.dialect.sqlToQuery(query);
  const name = `gd_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  const res = await internals.session.prepareQuery(built, undefined, name, false).execute();
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
