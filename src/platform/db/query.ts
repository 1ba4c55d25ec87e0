import type { SQL } from 'drizzle-orm';
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
