import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';

// Dates (DATE columns) stay as 'YYYY-MM-DD' strings: a calendar day has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// BIGINT ids and counts fit comfortably in a JS number for this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** The database handle every query runs on: the pool itself or an open transaction. */
export type Db = PgDatabase<NodePgQueryResultHKT, Record<string, never>>;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/** Opens a pool on `url`. Every connection runs in UTC and Vietnamese local time is computed explicitly. */
export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC', application_name: 'gan-dan' });
  pool.on('error', () => {}); // idle client errors (server restart) are surfaced on next use
  const db = drizzle(pool) as unknown as Db;
  return { pool, db, close: () => pool.end() };
}
